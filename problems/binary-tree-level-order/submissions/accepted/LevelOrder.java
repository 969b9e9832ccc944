class Solution {
    public List<List<Integer>> levelOrder(TreeNode root) {
        List<List<Integer>> rows = new ArrayList<>();
        ArrayDeque<TreeNode> pending = new ArrayDeque<>();
        if (root != null) pending.add(root);
        while (!pending.isEmpty()) {
            List<Integer> row = new ArrayList<>();
            for (int i = pending.size(); i > 0; i--) {
                TreeNode node = pending.poll();
                row.add(node.val);
                if (node.left != null) pending.add(node.left);
                if (node.right != null) pending.add(node.right);
            }
            rows.add(row);
        }
        return rows;
    }
}
