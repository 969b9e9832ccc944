class Solution {
public:
    int longestCommonSubsequence(string text1, string text2) {
        int n = text1.size(), m = text2.size();
        vector<vector<int>> best(n + 1, vector<int>(m + 1, 0));
        for (int i = 1; i <= n; ++i)
            for (int j = 1; j <= m; ++j)
                best[i][j] = text1[i - 1] == text2[j - 1] ? best[i - 1][j - 1] + 1
                                                          : max(best[i - 1][j], best[i][j - 1]);
        return best[n][m];
    }
};
