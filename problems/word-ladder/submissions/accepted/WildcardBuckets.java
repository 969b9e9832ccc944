// Breadth-first search; the neighbours of a word are found through its wildcard patterns ("c*ld").
class Solution {
    public int ladderLength(String beginWord, String endWord, String[] wordList) {
        if (!Arrays.asList(wordList).contains(endWord)) return 0;
        Map<String, List<String>> buckets = new HashMap<>();
        for (String w : wordList) {
            for (int i = 0; i < w.length(); i++) {
                String key = w.substring(0, i) + "*" + w.substring(i + 1);
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        depth.put(beginWord, 1);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(beginWord);
        while (!queue.isEmpty()) {
            String word = queue.poll();
            int d = depth.get(word);
            for (int i = 0; i < word.length(); i++) {
                String key = word.substring(0, i) + "*" + word.substring(i + 1);
                List<String> next = buckets.remove(key);
                if (next == null) continue;
                for (String w : next) {
                    if (depth.containsKey(w)) continue;
                    if (w.equals(endWord)) return d + 1;
                    depth.put(w, d + 1);
                    queue.add(w);
                }
            }
        }
        return 0;
    }
}
