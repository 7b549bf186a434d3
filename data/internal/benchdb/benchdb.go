// Package benchdb provides the large demo database the benchmarks of data and its
// analytics packages run on, and the sqlite3 command-line floor they compare with.
package benchdb

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/demo"
)

// Seed and AsOf fix the generated data, so runs compare.
const Seed = 1

// AsOf is the data's last day; Now is the store's clock in benchmarks.
var (
	AsOf = data.Day(2026, 3, 31)
	Now  = AsOf.Add(17 * time.Hour)
)

var large struct {
	once sync.Once
	path string
	err  error
}

// LargePath returns the cached large demo database, generating it when missing
// (about half a minute) into the system's temp folder, named after the seed and
// the schema version. Delete the file after changing the demo generator.
func LargePath(tb testing.TB) string {
	tb.Helper()
	large.once.Do(func() { large.path, large.err = generate() })
	if large.err != nil {
		tb.Fatal(large.err)
	}
	return large.path
}

func generate() (string, error) {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("leadboard-bench-large-seed%d-v%d.db", Seed, data.LatestSchema()))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	// Generate beside it and rename, so an interrupted run leaves no half file.
	tmp := fmt.Sprintf("%s.tmp-%d", path, os.Getpid())
	s, err := data.Open(tmp, data.Options{Create: true})
	if err != nil {
		return "", err
	}
	start := time.Now()
	sum, err := demo.Generate(context.Background(), s, demo.Options{Scale: demo.Large, Seed: Seed, AsOf: AsOf})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		return "", err
	}
	info, _ := os.Stat(path)
	fmt.Fprintf(os.Stderr, "generated %s in %v: %+v, %.0f MB\n", path, time.Since(start).Round(time.Millisecond),
		sum, float64(info.Size())/1e6)
	return path, nil
}

// Store opens the large demo database read-only with the clock at Now.
func Store(b *testing.B) *data.Store {
	b.Helper()
	s, err := data.Open(LargePath(b), data.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return Now })
	return s
}

// CLI runs script b.N times in one sqlite3 shell session on the large database,
// output discarded: the floor SQLite alone sets on the same file.
func CLI(b *testing.B, script string) {
	const shell = "/usr/bin/sqlite3"
	if _, err := os.Stat(shell); err != nil {
		b.Skip("no sqlite3 command-line shell at " + shell)
	}
	path := LargePath(b)
	input := ".output /dev/null\n" + strings.Repeat(script+"\n", b.N)
	b.ResetTimer()
	cmd := exec.Command(shell, "-batch", "-readonly", path)
	cmd.Stdin = strings.NewReader(input)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		b.Fatalf("sqlite3: %v\n%s", err, out)
	}
}
