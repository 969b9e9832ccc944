// Wrong: squares that touch at a corner are joined into one island (8 neighbours instead of 4).
class Solution {
public:
    int numIslands(vector<vector<char>>& grid) {
        int rows = grid.size(), cols = grid[0].size(), count = 0;
        vector<pair<int, int>> stack;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                if (grid[r][c] != '1') continue;
                ++count;
                grid[r][c] = '0';
                stack.push_back({r, c});
                while (!stack.empty()) {
                    auto [y, x] = stack.back();
                    stack.pop_back();
                    for (int ny = y - 1; ny <= y + 1; ++ny) {
                        for (int nx = x - 1; nx <= x + 1; ++nx) {
                            if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && grid[ny][nx] == '1') {
                                grid[ny][nx] = '0';
                                stack.push_back({ny, nx});
                            }
                        }
                    }
                }
            }
        }
        return count;
    }
};
