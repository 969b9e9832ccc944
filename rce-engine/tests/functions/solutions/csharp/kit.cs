public class Kit {
    private long start;

    public Kit(long start) {
        this.start = start;
    }

    public long Total(int[] xs) { return start + xs.Sum(x => (long)x); }
    public void Rebase(long value) { start = value; }
    public double Half(double x) { return x / 2; }
    public bool Negate(bool flag) { return !flag; }
    public string Twice(string text) { return text + text; }
    public char Shift(char letter) { return (char)(letter + 1); }
    public int[][] Ints(int[][] grid) { return grid; }
    public long[] Longs(long[] values) { return values; }
    public double[][] Doubles(double[][] grid) { return grid; }
    public bool[][] Bools(bool[] values) { return new bool[][] { values }; }
    public string[] Words(string[][] grid) { return grid.SelectMany(row => row).ToArray(); }
    public char[][] Chars(char[][] grid) { return grid; }
    public string Spell(char[] letters) { return new string(letters); }

    public ListNode ReverseList(ListNode head) {
        ListNode prev = null;
        while (head != null) {
            var next = head.next;
            head.next = prev;
            prev = head;
            head = next;
        }
        return prev;
    }

    public TreeNode Mirror(TreeNode root) {
        if (root == null) return null;
        return new TreeNode(root.val, Mirror(root.right), Mirror(root.left));
    }
}
