class Solution {
    public int trap(int[] height) {
        int n = height.length;
        int[] right = new int[n];
        right[n - 1] = height[n - 1];
        for (int i = n - 2; i >= 0; i--) right[i] = Math.max(right[i + 1], height[i]);
        int left = 0, water = 0;
        for (int i = 0; i < n; i++) {
            left = Math.max(left, height[i]);
            water += Math.min(left, right[i]) - height[i];
        }
        return water;
    }
}
