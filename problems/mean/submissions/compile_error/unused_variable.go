// Go refuses a declared and never used variable: "count declared but not used".
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	sum, count := 0.0, 0
	for i := 0; i < n; i++ {
		var x float64
		fmt.Fscan(in, &x)
		sum += x
	}
	fmt.Println(sum / float64(n))
}
