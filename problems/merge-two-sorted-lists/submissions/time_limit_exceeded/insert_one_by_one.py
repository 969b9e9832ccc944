# Inserts every node of list2 into list1, walking list1 from its head each time: O(n * m).
class Solution:
    def mergeTwoLists(self, list1: Optional[ListNode], list2: Optional[ListNode]) -> Optional[ListNode]:
        dummy = ListNode(0, list1)
        while list2:
            node, list2 = list2, list2.next
            spot = dummy
            while spot.next and spot.next.val <= node.val:
                spot = spot.next
            node.next = spot.next
            spot.next = node
        return dummy.next
