import "strings"

type Kit struct {
	start int64
}

func Constructor(start int64) Kit {
	return Kit{start: start}
}

func (this *Kit) Total(xs []int) int64 {
	sum := this.start
	for _, x := range xs {
		sum += int64(x)
	}
	return sum
}

func (this *Kit) Rebase(value int64) { this.start = value }

func (this *Kit) Half(x float64) float64 { return x / 2 }

func (this *Kit) Negate(flag bool) bool { return !flag }

func (this *Kit) Twice(text string) string { return strings.Repeat(text, 2) }

func (this *Kit) Shift(letter byte) byte { return letter + 1 }

func (this *Kit) Ints(grid [][]int) [][]int { return grid }

func (this *Kit) Longs(values []int64) []int64 { return values }

func (this *Kit) Doubles(grid [][]float64) [][]float64 { return grid }

func (this *Kit) Bools(values []bool) [][]bool { return [][]bool{values} }

func (this *Kit) Words(grid [][]string) []string {
	out := []string{}
	for _, row := range grid {
		out = append(out, row...)
	}
	return out
}

func (this *Kit) Chars(grid [][]byte) [][]byte { return grid }

func (this *Kit) Spell(letters []byte) string { return string(letters) }

func (this *Kit) ReverseList(head *ListNode) *ListNode {
	var prev *ListNode
	for head != nil {
		next := head.Next
		head.Next = prev
		prev, head = head, next
	}
	return prev
}

func (this *Kit) Mirror(root *TreeNode) *TreeNode {
	if root == nil {
		return nil
	}
	return &TreeNode{Val: root.Val, Left: this.Mirror(root.Right), Right: this.Mirror(root.Left)}
}
