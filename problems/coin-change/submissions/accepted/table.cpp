class Solution {
public:
    int coinChange(vector<int>& coins, int amount) {
        const int unreachable = amount + 1;
        vector<int> fewest(amount + 1, unreachable);
        fewest[0] = 0;
        for (int c : coins) {
            if (c > amount) continue;
            for (int a = c; a <= amount; ++a) fewest[a] = min(fewest[a], fewest[a - c] + 1);
        }
        return fewest[amount] == unreachable ? -1 : fewest[amount];
    }
};
