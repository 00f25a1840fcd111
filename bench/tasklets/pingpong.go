// pingpong: the Go twin of pingpong.py.  Two goroutines bounce a counter
// over two unbuffered channels; the checksum is the sum of every value
// received.  Size: round trips N (default 6000000; `smoke`: 1000).
package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultSize, smokeSize = 6000000, 1000

func size() int {
	if len(os.Args) < 2 {
		return defaultSize
	}
	if os.Args[1] == "smoke" {
		return smokeSize
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "pingpong: size must be an integer or `smoke`")
		os.Exit(2)
	}
	return n
}

func main() {
	n := size()
	ping := make(chan int)
	pong := make(chan int)
	serverSum := make(chan int)

	go func() {
		total := 0
		for i := 0; i < n; i++ {
			v := <-ping
			total += v
			pong <- v + 1
		}
		serverSum <- total
	}()

	total := 0
	for i := 0; i < n; i++ {
		ping <- i
		total += <-pong
	}
	fmt.Println("pingpong", n, total+<-serverSum)
}
