// fanout_sleep: the Go twin of fanout_sleep.py.  N goroutines each call
// time.Sleep(1 ms) 5 times, adding their number to a shared total after
// each sleep.  Size: workers N (default 10000; `smoke`: 20).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

const sleeps, defaultSize, smokeSize = 5, 10000, 20

func size() int {
	if len(os.Args) < 2 {
		return defaultSize
	}
	if os.Args[1] == "smoke" {
		return smokeSize
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "fanout_sleep: size must be an integer or `smoke`")
		os.Exit(2)
	}
	return n
}

func main() {
	n := size()
	var mu sync.Mutex
	var wg sync.WaitGroup
	wakeups, total := 0, 0
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			for k := 0; k < sleeps; k++ {
				time.Sleep(time.Millisecond)
				mu.Lock()
				wakeups++
				total += i
				mu.Unlock()
			}
			wg.Done()
		}(i)
	}
	wg.Wait()
	fmt.Println("fanout_sleep", n, "x", sleeps, "wakeups", wakeups, "sum", total)
}
