# Collects each level with a fresh traversal from the root that stops at that depth: O(n * height) when a
# deep chain hangs below many nodes.
class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        rows = []
        depth = 0
        while True:
            row = []
            stack = [(root, 0)] if root else []
            while stack:
                node, d = stack.pop()
                if d == depth:
                    row.append(node.val)
                    continue
                for child in (node.right, node.left):
                    if child:
                        stack.append((child, d + 1))
            if not row:
                return rows
            rows.append(row)
            depth += 1
