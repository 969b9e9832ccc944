// Starts from the empty selection; each topping doubles the list (every selection without and with it).
class Solution {
    public List<List<Integer>> subsets(int[] nums) {
        List<List<Integer>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (int x : nums) {
            int size = out.size();
            for (int i = 0; i < size; i++) {
                List<Integer> with = new ArrayList<>(out.get(i));
                with.add(x);
                out.add(with);
            }
        }
        return out;
    }
}
