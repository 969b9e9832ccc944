#include <bits/stdc++.h>
using namespace std;

// Tries every pair: O(n^2), about 5 * 10^9 additions on the large tests.
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        int n = nums.size();
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if ((long long)nums[i] + nums[j] == target) return {i, j};
        return {};
    }
};
