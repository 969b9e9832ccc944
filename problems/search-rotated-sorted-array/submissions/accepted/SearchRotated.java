class Solution {
    public int[] search(int[] nums, int[] targets) {
        int[] answer = new int[targets.length];
        for (int j = 0; j < targets.length; j++) answer[j] = find(nums, targets[j]);
        return answer;
    }

    private int find(int[] nums, int target) {
        int lo = 0, hi = nums.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (nums[mid] == target) return mid;
            if (nums[lo] <= nums[mid]) {
                if (nums[lo] <= target && target < nums[mid]) hi = mid - 1;
                else lo = mid + 1;
            } else {
                if (nums[mid] < target && target <= nums[hi]) lo = mid + 1;
                else hi = mid - 1;
            }
        }
        return -1;
    }
}
