package main

import (
	"bufio"
	"os"
	"strconv"
)

func isqrt(x int64) int64 {
	lo, hi := int64(0), int64(46341)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if mid*mid <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Split(bufio.ScanWords)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	in.Scan()
	t, _ := strconv.Atoi(in.Text())
	for i := 0; i < t && in.Scan(); i++ {
		x, _ := strconv.ParseInt(in.Text(), 10, 64)
		out.WriteString(strconv.FormatInt(isqrt(x), 10))
		out.WriteByte('\n')
	}
}
