# Stops while the current node still has a successor, so the old tail is never relinked and is lost.
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        while head and head.next:
            nxt = head.next
            head.next = prev
            prev = head
            head = nxt
        return prev
