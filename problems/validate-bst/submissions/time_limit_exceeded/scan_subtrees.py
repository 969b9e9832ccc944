# For every node, scans its whole left and right subtrees for their largest and smallest keys:
# O(n * height).
class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        def keys(node):
            out, stack = [], [node] if node else []
            while stack:
                current = stack.pop()
                out.append(current.val)
                stack += [c for c in (current.left, current.right) if c]
            return out

        stack = [root] if root else []
        while stack:
            node = stack.pop()
            left, right = keys(node.left), keys(node.right)
            if left and max(left) >= node.val:
                return False
            if right and min(right) <= node.val:
                return False
            stack += [c for c in (node.left, node.right) if c]
        return True
