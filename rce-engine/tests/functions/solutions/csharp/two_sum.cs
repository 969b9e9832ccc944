public class Solution {
    public int[] TwoSum(int[] nums, int target) {
        Console.WriteLine("debug twoSum " + nums.Length);
        Console.Out.Write("2 7 7\n");
        if (target < 0) throw new ArgumentException("negative target");
        var seen = new Dictionary<int, int>();
        for (int i = 0; i < nums.Length; i++) {
            if (seen.TryGetValue(target - nums[i], out int j)) return new int[] { j, i };
            seen[nums[i]] = i;
        }
        return new int[0];
    }
}
