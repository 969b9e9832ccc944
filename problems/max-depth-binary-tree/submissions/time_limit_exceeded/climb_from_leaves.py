# Records each node's parent, then climbs from every leaf to the root: O(leaves * height).
class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        if not root:
            return 0
        parent = {id(root): None}
        leaves = []
        stack = [root]
        while stack:
            node = stack.pop()
            if not node.left and not node.right:
                leaves.append(node)
            for child in (node.left, node.right):
                if child:
                    parent[id(child)] = node
                    stack.append(child)
        best = 0
        for leaf in leaves:
            depth, node = 0, leaf
            while node:
                depth += 1
                node = parent[id(node)]
            best = max(best, depth)
        return best
