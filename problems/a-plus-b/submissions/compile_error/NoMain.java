// No entry point: a class without `public static void main(String[] args)` is a compile error that says so.
public class Solution {
    public static long solve(long a, long b) {
        return a + b;
    }
}
