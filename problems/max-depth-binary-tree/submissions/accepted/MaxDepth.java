class Solution {
    public int maxDepth(TreeNode root) {
        int depth = 0;
        ArrayDeque<TreeNode> level = new ArrayDeque<>();
        if (root != null) level.add(root);
        while (!level.isEmpty()) {
            depth++;
            for (int i = level.size(); i > 0; i--) {
                TreeNode node = level.poll();
                if (node.left != null) level.add(node.left);
                if (node.right != null) level.add(node.right);
            }
        }
        return depth;
    }
}
