// Starts from the empty selection; each topping doubles the list (every selection without and with it).
class Solution {
    public int[][] subsets(int[] nums) {
        int[][] out = new int[1 << nums.length][];
        out[0] = new int[0];
        int size = 1;
        for (int x : nums) {
            for (int i = 0; i < size; i++) {
                int[] with = Arrays.copyOf(out[i], out[i].length + 1);
                with[with.length - 1] = x;
                out[size + i] = with;
            }
            size *= 2;
        }
        return out;
    }
}
