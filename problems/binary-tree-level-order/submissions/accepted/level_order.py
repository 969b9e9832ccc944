class Solution:
    def levelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        rows = []
        level = [root] if root else []
        while level:
            rows.append([node.val for node in level])
            level = [child for node in level for child in (node.left, node.right) if child]
        return rows
