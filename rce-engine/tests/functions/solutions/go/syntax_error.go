func twoSum(nums []int, target int) []int {
	seen := map[int]int{}
	x := := 1
	return nil
}
