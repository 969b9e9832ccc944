class Solution {
    public int[] topKFrequent(int[] nums, int k) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int x : nums) count.merge(x, 1, Integer::sum);
        PriorityQueue<int[]> heap = new PriorityQueue<>((a, b) -> Integer.compare(a[0], b[0]));
        for (Map.Entry<Integer, Integer> e : count.entrySet()) {
            heap.add(new int[] {e.getValue(), e.getKey()});
            if (heap.size() > k) heap.poll();
        }
        int[] result = new int[heap.size()];
        for (int i = 0; i < result.length; i++) result[i] = heap.poll()[1];
        return result;
    }
}
