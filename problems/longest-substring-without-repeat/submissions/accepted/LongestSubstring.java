class Solution {
    public int lengthOfLongestSubstring(String s) {
        int[] last = new int[128];
        Arrays.fill(last, -1);
        int lo = 0, best = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (last[c] >= lo) lo = last[c] + 1;
            last[c] = i;
            best = Math.max(best, i - lo + 1);
        }
        return best;
    }
}
