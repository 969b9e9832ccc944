// Parses the whole line "1 2" as one number: strconv fails, and the program panics with the error
// (exit code 2, "panic: strconv.ParseInt: parsing ..." on stderr).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	a, err := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	if err != nil {
		panic(err)
	}
	fmt.Println(a)
}
