class Solution {
    public boolean canPartition(int[] nums) {
        int total = 0;
        for (int x : nums) total += x;
        if (total % 2 != 0) return false;
        int half = total / 2;
        boolean[] reachable = new boolean[half + 1];
        reachable[0] = true;
        for (int x : nums) {
            for (int s = half; s >= x; s--) {
                if (reachable[s - x]) reachable[s] = true;
            }
        }
        return reachable[half];
    }
}
