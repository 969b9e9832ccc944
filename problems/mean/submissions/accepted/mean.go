package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func main() {
	in := bufio.NewScanner(bufio.NewReaderSize(os.Stdin, 1<<16))
	in.Buffer(make([]byte, 1<<16), 1<<26)
	in.Split(bufio.ScanWords)
	in.Scan()
	n, _ := strconv.Atoi(in.Text())
	sum := 0.0
	for i := 0; i < n && in.Scan(); i++ {
		x, err := strconv.ParseFloat(in.Text(), 64)
		if err != nil {
			panic(err)
		}
		sum += x
	}
	fmt.Printf("%.9f\n", sum/float64(n))
}
