// Iterative depth-first search with three colours: reaching a course that is still on the path is a cycle.
class Solution {
    public boolean canFinish(int numCourses, int[][] prerequisites) {
        List<List<Integer>> needs = new ArrayList<>();
        for (int c = 0; c < numCourses; c++) needs.add(new ArrayList<>());
        for (int[] p : prerequisites) needs.get(p[0]).add(p[1]);
        int[] colour = new int[numCourses]; // 0 unseen, 1 on the current path, 2 done
        int[] next = new int[numCourses];
        int[] stack = new int[numCourses];
        for (int start = 0; start < numCourses; start++) {
            if (colour[start] != 0) continue;
            int top = 0;
            stack[top++] = start;
            colour[start] = 1;
            while (top > 0) {
                int c = stack[top - 1];
                if (next[c] < needs.get(c).size()) {
                    int d = needs.get(c).get(next[c]++);
                    if (colour[d] == 1) return false;
                    if (colour[d] == 0) {
                        colour[d] = 1;
                        stack[top++] = d;
                    }
                } else {
                    colour[c] = 2;
                    top--;
                }
            }
        }
        return true;
    }
}
