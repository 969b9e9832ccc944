class Solution {
    public boolean isValidBST(TreeNode root) {
        ArrayDeque<TreeNode> stack = new ArrayDeque<>();
        TreeNode node = root;
        boolean first = true;
        int previous = 0;
        while (!stack.isEmpty() || node != null) {
            while (node != null) {
                stack.push(node);
                node = node.left;
            }
            node = stack.pop();
            if (!first && node.val <= previous) return false;
            first = false;
            previous = node.val;
            node = node.right;
        }
        return true;
    }
}
