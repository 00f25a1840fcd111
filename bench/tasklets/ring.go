// ring: the Go twin of ring.py.  A token travels M times around a ring of
// K = 1000 goroutines connected by unbuffered channels; main feeds channel
// 0 and reads channel K once per lap.  Size: laps M (default 12000;
// `smoke`: 5 laps of a 50-goroutine ring).
package main

import (
	"fmt"
	"os"
	"strconv"
)

const ringSize, defaultLaps = 1000, 12000
const smokeRingSize, smokeLaps = 50, 5

func size() (int, int) {
	if len(os.Args) < 2 {
		return ringSize, defaultLaps
	}
	if os.Args[1] == "smoke" {
		return smokeRingSize, smokeLaps
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "ring: size must be an integer or `smoke`")
		os.Exit(2)
	}
	return ringSize, n
}

func node(laps int, inbox <-chan int, outbox chan<- int) {
	for i := 0; i < laps; i++ {
		outbox <- (<-inbox) + 1
	}
}

func main() {
	k, laps := size()
	channels := make([]chan int, k+1)
	for i := range channels {
		channels[i] = make(chan int)
	}
	for i := 0; i < k; i++ {
		go node(laps, channels[i], channels[i+1])
	}
	token, lapSum := 0, 0
	for i := 0; i < laps; i++ {
		channels[0] <- token
		token = <-channels[k]
		lapSum += token
	}
	fmt.Println("ring", k, laps, token, lapSum)
}
