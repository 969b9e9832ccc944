class Solution {
    public int rob(int[] nums) {
        int skip = 0, take = 0;
        for (int x : nums) {
            int nextTake = skip + x;
            skip = Math.max(skip, take);
            take = nextTake;
        }
        return Math.max(skip, take);
    }
}
