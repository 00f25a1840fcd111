// spawn: the Go twin of spawn.py.  In waves of 1000, start goroutines that
// each block receiving from one shared unbuffered channel, then send one
// value per goroutine and wait until all have added theirs to the total.
// The checksum does not depend on wake-up order.  Size: goroutines N in
// all (default 1000000; `smoke`: 2000).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

const wave, defaultSize, smokeSize = 1000, 1000000, 2000

func size() int {
	if len(os.Args) < 2 {
		return defaultSize
	}
	if os.Args[1] == "smoke" {
		return smokeSize
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "spawn: size must be an integer or `smoke`")
		os.Exit(2)
	}
	return n
}

func main() {
	n := size()
	gate := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	woken, total := 0, 0

	waiter := func() {
		v := <-gate
		mu.Lock()
		woken++
		total += v
		mu.Unlock()
		wg.Done()
	}

	waveNo := 0
	for left := n; left > 0; waveNo++ {
		w := wave
		if left < w {
			w = left
		}
		left -= w
		wg.Add(w)
		for i := 0; i < w; i++ {
			go waiter()
		}
		for i := 0; i < w; i++ {
			gate <- i*3 + waveNo
		}
		wg.Wait()
	}
	fmt.Println("spawn", n, "woken", woken, "sum", total)
}
