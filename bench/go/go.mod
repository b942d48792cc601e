module tether.bench/go

go 1.19
