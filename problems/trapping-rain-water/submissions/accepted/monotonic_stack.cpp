// A stack of columns with decreasing heights; a taller column closes the pools above the popped ones.
class Solution {
public:
    int trap(vector<int>& height) {
        vector<int> stack;
        long long water = 0;
        for (int i = 0; i < (int) height.size(); ++i) {
            while (!stack.empty() && height[stack.back()] < height[i]) {
                int bottom = height[stack.back()];
                stack.pop_back();
                if (stack.empty()) break;
                int left = stack.back();
                water += (long long) (min(height[left], height[i]) - bottom) * (i - left - 1);
            }
            stack.push_back(i);
        }
        return (int) water;
    }
};
