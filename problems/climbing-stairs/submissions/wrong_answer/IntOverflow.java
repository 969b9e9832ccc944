// Wrong: the counts are kept in 32-bit ints, which overflow from n = 46 on.
class Solution {
    public long climbStairs(int n) {
        int previous = 1, current = 1;
        for (int i = 1; i < n; i++) {
            int next = previous + current;
            previous = current;
            current = next;
        }
        return current;
    }
}
