// Breadth-first search over an adjacency list: one search per province.
class Solution {
    public int countComponents(int n, int[][] edges) {
        List<List<Integer>> roads = new ArrayList<>();
        for (int v = 0; v < n; v++) roads.add(new ArrayList<>());
        for (int[] e : edges) {
            roads.get(e[0]).add(e[1]);
            roads.get(e[1]).add(e[0]);
        }
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int count = 0;
        for (int start = 0; start < n; start++) {
            if (seen[start]) continue;
            count++;
            seen[start] = true;
            int head = 0, tail = 0;
            queue[tail++] = start;
            while (head < tail) {
                int v = queue[head++];
                for (int w : roads.get(v)) {
                    if (!seen[w]) {
                        seen[w] = true;
                        queue[tail++] = w;
                    }
                }
            }
        }
        return count;
    }
}
