class Solution {
public:
    bool canPartition(vector<int>& nums) {
        int total = accumulate(nums.begin(), nums.end(), 0);
        if (total % 2) return false;
        bitset<20001> reachable;
        reachable[0] = 1;
        for (int x : nums) reachable |= reachable << x;
        return reachable[total / 2];
    }
};
