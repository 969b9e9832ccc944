# Decides which half is sorted with `<` instead of `<=`: when lo == mid the left "half" is one element,
# it is taken for the unsorted side and the search goes the wrong way.
class Solution:
    def search(self, nums: List[int], targets: List[int]) -> List[int]:
        return [self.find(nums, t) for t in targets]

    def find(self, nums: List[int], target: int) -> int:
        lo, hi = 0, len(nums) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if nums[mid] == target:
                return mid
            if nums[lo] < nums[mid]:
                if nums[lo] <= target < nums[mid]:
                    hi = mid - 1
                else:
                    lo = mid + 1
            else:
                if nums[mid] < target <= nums[hi]:
                    lo = mid + 1
                else:
                    hi = mid - 1
        return -1
