public class Solution {
    public int[] TwoSum(int[] nums, int target) {
        int x = ;
        return new int[0];
    }
}
