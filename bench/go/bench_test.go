// Package bench holds the Go twins of bench/runtime_bench.cpp: the same
// programs, run by `go test -bench`, so that scripts/bench.sh can compare
// tether's ns/op with Go's on the same machine and the same number of threads.
package bench

import (
	"context"
	"sync"
	"testing"
)

// Two goroutines bounce a value over two unbuffered channels: one op is a
// round trip (two rendezvous).
func BenchmarkPingPong(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < b.N; i++ {
			pong <- <-ping
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < b.N; i++ {
			ping <- i
			<-pong
		}
	}()
	wg.Wait()
}

// One producer, one consumer: one op is one value passed.
func spsc(b *testing.B, capacity int) {
	values := make(chan int, capacity)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < b.N; i++ {
			values <- i
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < b.N; i++ {
			<-values
		}
	}()
	wg.Wait()
}

func BenchmarkSPSCUnbuffered(b *testing.B)  { spsc(b, 0) }
func BenchmarkSPSCBuffered128(b *testing.B) { spsc(b, 128) }

// Four producers and four consumers share one buffered(128) channel: one op
// is one value passed.
func BenchmarkMPMC4x4Buffered128(b *testing.B) {
	const parties = 4
	values := make(chan int, 128)
	var wg sync.WaitGroup
	for p := 0; p < parties; p++ {
		share := b.N / parties
		if p < b.N%parties {
			share++
		}
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < share; i++ {
				values <- i
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < share; i++ {
				<-values
			}
		}()
	}
	wg.Wait()
}

// A producer feeds two buffered(128) channels in turn; the consumer selects
// over both: one op is one select that receives.
func BenchmarkSelectTwo(b *testing.B) {
	x, y := make(chan int, 128), make(chan int, 128)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < b.N; i++ {
			if i%2 == 0 {
				x <- i
			} else {
				y <- i
			}
		}
	}()
	sum := 0
	go func() {
		defer wg.Done()
		for i := 0; i < b.N; i++ {
			select {
			case v := <-x:
				sum += v
			case v := <-y:
				sum += v
			}
		}
	}()
	wg.Wait()
	sink = sum
}

var sink int

// A non-blocking receive on an empty channel.
func BenchmarkTryRecvEmpty(b *testing.B) {
	empty := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < b.N; i++ {
			select {
			case v := <-empty:
				sink = v
			default:
			}
		}
	}()
	<-done
}

// A goroutine starts a goroutine and waits for it to finish: one op is one
// spawn and one join.
func BenchmarkSpawnJoin(b *testing.B) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < b.N; i++ {
			var child sync.WaitGroup
			child.Add(1)
			go func() { child.Done() }()
			child.Wait()
		}
	}()
	<-done
}

// A cancellable context made, cancelled and observed through Done().
func BenchmarkContextCancel(b *testing.B) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < b.N; i++ {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			<-ctx.Done()
		}
	}()
	<-done
}
