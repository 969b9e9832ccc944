import "fmt"

func twoSum(nums []int, target int) []int {
	fmt.Println("debug twoSum", len(nums))
	fmt.Print("2 7 7\n")
	if target < 0 {
		panic("negative target")
	}
	seen := map[int]int{}
	for i, x := range nums {
		if j, ok := seen[target-x]; ok {
			return []int{j, i}
		}
		seen[x] = i
	}
	return nil
}
