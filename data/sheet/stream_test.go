package sheet

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"leadboard/data/table"
)

// benchDir holds the benchmark's big files, made once per test binary run.
var (
	benchDir     string
	benchDirOnce sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{benchDir, fuzzDir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// writeBigCSV writes a realistic Russian Excel export of n rows: ';', decimal
// commas, dates, a quoted field with the delimiter in it.
func writeBigCSV(path string, n int, cp1251 bool) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var w io.Writer = f
	var enc io.WriteCloser
	if cp1251 {
		enc = transform.NewWriter(f, charmap.Windows1251.NewEncoder())
		w = enc
	} else {
		io.WriteString(f, "\uFEFF")
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintln(bw, "Клиент;Менеджер;Выручка;Дата договора;Комментарий")
	for i := range n {
		fmt.Fprintf(bw, "ООО Клиент %d;Иванова А.;%d,%02d;%02d.%02d.2024;\"звонок; письмо, встреча\"\r\n",
			i, i*37%1000000, i%100, 1+i%28, 1+i%12)
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	if enc != nil {
		if err := enc.Close(); err != nil {
			return 0, err
		}
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// Reading a 200,000-row file keeps the live heap small and flat: it does not
// grow with the file.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 15 MB file")
	}
	const n = 200_000
	path := filepath.Join(t.TempDir(), "big.csv")
	size, err := writeBigCSV(path, n, false)
	if err != nil {
		t.Fatal(err)
	}
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapInuse
	}
	base := heap()
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var peak uint64
	rows := 0
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		if len(row.Cells) != 5 || row.Num != rows+1 {
			t.Fatalf("row %d: %v", rows, row)
		}
		if rows%20_000 == 0 {
			peak = max(peak, heap())
		}
	}
	if rows != n {
		t.Fatalf("%d rows, want %d", rows, n)
	}
	grown := int64(peak) - int64(base)
	t.Logf("file %.1f MB, live heap grew by %.2f MB at most", float64(size)/1e6, float64(grown)/1e6)
	if grown > 4<<20 || grown > size/10 {
		t.Errorf("heap grew by %d bytes reading a %d-byte file", grown, size)
	}
}

func benchFile(b *testing.B, name string, n int, cp1251 bool) string {
	benchDirOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sheet-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = dir
	})
	path := filepath.Join(benchDir, name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if _, err := writeBigCSV(path, n, cp1251); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadCSV reads a 1,000,000-row file (about 80 MB) per iteration.
func BenchmarkReadCSV(b *testing.B) {
	const n = 1_000_000
	for _, enc := range []struct {
		name   string
		cp1251 bool
	}{{"utf-8", false}, {"windows-1251", true}} {
		b.Run(enc.name, func(b *testing.B) {
			path := benchFile(b, enc.name+".csv", n, enc.cp1251)
			st, _ := os.Stat(path)
			b.SetBytes(st.Size())
			b.ReportAllocs()
			b.ResetTimer()
			total := 0
			for b.Loop() {
				r, err := Open(path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				rows := 0
				for {
					_, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					rows++
				}
				r.Close()
				if rows != n {
					b.Fatalf("%d rows", rows)
				}
				total += rows
			}
			b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// WriteXLSX streams a long table and Open streams it back: the live heap
// stays bounded while writing and reading 50,000 rows.
func TestXLSXStreaming(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 50,000-row workbook")
	}
	n := 50_000
	if raceEnabled {
		n = 15_000
	}
	heap := func() int64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapInuse)
	}
	base := heap()
	var peak int64
	cols := testColumns
	tbl := table.Table{Name: "Большая", Columns: cols, Rows: func(yield func([]any) error) error {
		row := make([]any, len(cols))
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range n {
			row[0], row[1], row[2], row[3] = fmt.Sprintf("Клиент %d", i), int64(i), float64(i)/8, int64(i*1000)
			row[4], row[5], row[6], row[7] = float64(i%100)/100, day.AddDate(0, 0, i%1000), day.Add(time.Duration(i)*time.Minute), i%2 == 0
			if err := yield(row); err != nil {
				return err
			}
			if i%10_000 == 0 {
				peak = max(peak, heap())
			}
		}
		return nil
	}}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(f, tbl, "ru"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	t.Logf("workbook %.1f MB, heap grew by %.1f MB at most while writing", float64(st.Size())/1e6, float64(peak-base)/1e6)
	if peak-base > 48<<20 {
		t.Errorf("heap grew by %d bytes while writing", peak-base)
	}

	base, peak = heap(), 0
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rows := 0
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rows == 12345 {
			want := []string{"Клиент 12345", "12345", "1543.125", "12345000", "0.45", "2024-12-11", "2024-01-09 13:45", "нет"}
			if !reflect.DeepEqual(row.Cells, want) {
				t.Errorf("row %d: %q, want %q", row.Num, row.Cells, want)
			}
		}
		rows++
		if rows%10_000 == 0 {
			peak = max(peak, heap())
			if p := r.Progress(); p <= 0 || p >= 1 {
				t.Errorf("progress %v at row %d", p, rows)
			}
		}
	}
	if rows != n {
		t.Fatalf("%d rows, want %d", rows, n)
	}
	t.Logf("heap grew by %.1f MB at most while reading", float64(peak-base)/1e6)
	if peak-base > 48<<20 {
		t.Errorf("heap grew by %d bytes while reading", peak-base)
	}
}
