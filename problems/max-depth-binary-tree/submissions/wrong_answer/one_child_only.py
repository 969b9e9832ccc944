# Goes down the right child only when there is no left child: a deeper right subtree is never seen.
class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        best = 0
        stack = [(root, 1)] if root else []
        while stack:
            node, depth = stack.pop()
            best = max(best, depth)
            if node.left:
                stack.append((node.left, depth + 1))
            elif node.right:
                stack.append((node.right, depth + 1))
        return best
