class Solution {
    vector<vector<int>> out;
    vector<int> chosen;

    void build(const vector<int>& nums, size_t i) {
        if (i == nums.size()) {
            out.push_back(chosen);
            return;
        }
        build(nums, i + 1);
        chosen.push_back(nums[i]);
        build(nums, i + 1);
        chosen.pop_back();
    }

public:
    vector<vector<int>> subsets(vector<int>& nums) {
        build(nums, 0);
        return out;
    }
};
