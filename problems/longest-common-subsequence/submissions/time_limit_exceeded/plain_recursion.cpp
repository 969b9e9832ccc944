// Correct, but the recursion without memory explores both choices at every mismatch: exponential.
class Solution {
    string a, b;

    int lcs(int i, int j) {
        if (i == (int) a.size() || j == (int) b.size()) return 0;
        if (a[i] == b[j]) return 1 + lcs(i + 1, j + 1);
        return max(lcs(i + 1, j), lcs(i, j + 1));
    }

public:
    int longestCommonSubsequence(string text1, string text2) {
        a = text1;
        b = text2;
        return lcs(0, 0);
    }
};
