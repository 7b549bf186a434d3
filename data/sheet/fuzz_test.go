package sheet

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

var (
	fuzzDir     string
	fuzzDirOnce sync.Once
)

// fuzzPath is where an input is written: one file reused in a memory file
// system when there is one (writing to disk dominated the run time), else a
// file in the test's temporary directory. Each fuzz worker is a process that
// runs inputs one at a time.
func fuzzPath(t *testing.T) string {
	fuzzDirOnce.Do(func() {
		if dir, err := os.MkdirTemp("/dev/shm", "sheet-fuzz-"); err == nil {
			fuzzDir = dir
		}
	})
	if fuzzDir == "" {
		return filepath.Join(t.TempDir(), "in.csv")
	}
	return filepath.Join(fuzzDir, "in.csv")
}

// FuzzReadCSV: arbitrary bytes never panic; Open and Next give rows or a
// FormatError, with sane row numbers and progress.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"utf8.csv", "utf8bom.csv", "utf16le.txt", "cp1251.csv", "quoted.csv", "unterminated.csv", "mac.csv", "blank.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "\"", "a;\"", "\"\"\"", "a,b\n\"x\"\"y\",z\n", "a\tb\r\n1\t2", "\xff\xfe", "\xfe\xff\x00a", "\xef\xbb\xbf", "PK\x03\x04", "a;b\n\"\r\n\"\r\"", "\"a\"\"\n;\"\"b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := fuzzPath(t)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := Open(path, Options{})
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("Open: %v (%T) is not a FormatError", err, err)
			}
			return
		}
		defer r.Close()
		_ = r.Source().String()
		last := r.HeaderRow()
		if last < 1 {
			t.Fatalf("header row %d", last)
		}
		for {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var fe *FormatError
				if !errors.As(err, &fe) {
					t.Fatalf("Next: %v (%T) is not a FormatError", err, err)
				}
				break
			}
			if row.Num <= last {
				t.Fatalf("row number %d after %d", row.Num, last)
			}
			last = row.Num
			if len(row.Cells) < len(r.Header()) || blank(row.Cells) {
				t.Fatalf("row %v with header %q", row, r.Header())
			}
			if p := r.Progress(); p < 0 || p > 1 {
				t.Fatalf("progress %v", p)
			}
		}
	})
}
