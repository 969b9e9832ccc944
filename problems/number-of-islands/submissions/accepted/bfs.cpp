class Solution {
public:
    int numIslands(vector<vector<char>>& grid) {
        int rows = grid.size(), cols = grid[0].size(), count = 0;
        const int dy[] = {1, -1, 0, 0}, dx[] = {0, 0, 1, -1};
        queue<pair<int, int>> q;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                if (grid[r][c] != '1') continue;
                ++count;
                grid[r][c] = '0';
                q.push({r, c});
                while (!q.empty()) {
                    auto [y, x] = q.front();
                    q.pop();
                    for (int d = 0; d < 4; ++d) {
                        int ny = y + dy[d], nx = x + dx[d];
                        if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && grid[ny][nx] == '1') {
                            grid[ny][nx] = '0';
                            q.push({ny, nx});
                        }
                    }
                }
            }
        }
        return count;
    }
};
