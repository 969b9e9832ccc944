// Breadth-first search over the amounts paid so far: the first time `amount` is reached, the number of
// coins is the smallest.
class Solution {
    public int coinChange(int[] coins, int amount) {
        if (amount == 0) return 0;
        boolean[] seen = new boolean[amount + 1];
        int[] queue = new int[amount + 1];
        int head = 0, tail = 0, coinsUsed = 0;
        queue[tail++] = 0;
        seen[0] = true;
        while (head < tail) {
            coinsUsed++;
            int levelEnd = tail;
            while (head < levelEnd) {
                int paid = queue[head++];
                for (int c : coins) {
                    if (c > amount - paid) continue;
                    int next = paid + c;
                    if (next == amount) return coinsUsed;
                    if (!seen[next]) {
                        seen[next] = true;
                        queue[tail++] = next;
                    }
                }
            }
        }
        return -1;
    }
}
