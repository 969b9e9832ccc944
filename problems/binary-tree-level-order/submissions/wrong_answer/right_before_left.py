# Queues each node's right child before its left child, so every row below the root comes out mirrored.
class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        rows = []
        level = [root] if root else []
        while level:
            rows.append([node.val for node in level])
            level = [child for node in level for child in (node.right, node.left) if child]
        return rows
