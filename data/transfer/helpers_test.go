package transfer_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"leadboard/data"
	"leadboard/data/demo"
	"leadboard/data/internal/dbdump"
	"leadboard/data/sheet"
	"leadboard/data/transfer"
)

// demoAsOf is the last day of the demo data every test generates.
var demoAsOf = data.Day(2026, 3, 31)

// clockAt is the stores' "now": noon of the demo's last day, so that dates in the
// demo are never in the future and a test does not depend on the machine's date.
func clockAt() time.Time { return demoAsOf.Add(12 * time.Hour) }

// openStore opens (creating) a database file with the tests' clock.
func openStore(t testing.TB, path string) *data.Store {
	t.Helper()
	st, err := data.Open(path, data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(clockAt)
	t.Cleanup(func() { st.Close() })
	return st
}

// freshStore is a new empty database in a temporary folder.
func freshStore(t testing.TB) (*data.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fresh.db")
	return openStore(t, path), path
}

var demoOnce struct {
	sync.Once
	path string
	err  error
}

// TestMain removes the shared demo database after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoOnce.path != "" {
		os.RemoveAll(filepath.Dir(demoOnce.path))
	}
	os.Exit(code)
}

// demoFile is a small demo database generated once per test binary (seed 7); tests
// copy it rather than write to it.
func demoFile(t testing.TB) string {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "leadboard-transfer-test-")
		if err != nil {
			demoOnce.err = err
			return
		}
		demoOnce.path = filepath.Join(dir, "demo.db")
		st, err := data.Open(demoOnce.path, data.Options{Create: true})
		if err != nil {
			demoOnce.err = err
			return
		}
		defer st.Close()
		_, demoOnce.err = demo.Generate(context.Background(), st, demo.Options{Scale: demo.Small, Seed: 7, AsOf: demoAsOf})
	})
	if demoOnce.err != nil {
		t.Fatal(demoOnce.err)
	}
	return demoOnce.path
}

// demoStore opens a private copy of the demo database.
func demoStore(t testing.TB) (*data.Store, string) {
	t.Helper()
	src := demoFile(t)
	dst := filepath.Join(t.TempDir(), "demo.db")
	copyFile(t, src, dst)
	return openStore(t, dst), dst
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// dump is every table of a database file as text, rows in a stable order: two
// databases with equal dumps hold the same data.
func dump(t testing.TB, path string) string {
	t.Helper()
	return dumpExcept(t, path)
}

// dumpExcept is dump without some columns, named "table.column".
func dumpExcept(t testing.TB, path string, skip ...string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d, err := dbdump.Dump(db, skip...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// count is the number of rows of a table.
func count(t testing.TB, path, tbl string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ` + tbl).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// query runs one read on a database file and returns the rows as strings.
func query(t testing.TB, path, q string, args ...any) [][]string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			if v.Valid {
				row[i] = v.String
			} else {
				row[i] = "NULL"
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readRows reads a file with the sheet reader: its header and rows.
func readRows(t testing.TB, path string) ([]string, [][]string) {
	t.Helper()
	r, err := sheet.Open(path, sheet.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer r.Close()
	var rows [][]string
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, row.Cells)
	}
	return r.Header(), rows
}

// importFile imports a file and fails the test on an error of the file or the database.
func importFile(t testing.TB, st *data.Store, path string, opt transfer.Options) transfer.Report {
	t.Helper()
	rep, err := transfer.Import(context.Background(), st, path, opt)
	if err != nil {
		t.Fatalf("import %s (%s): %v", filepath.Base(path), opt.Kind, err)
	}
	return rep
}

// mustImport imports a file that must import without row errors.
func mustImport(t testing.TB, st *data.Store, path string, k transfer.Kind) transfer.Report {
	t.Helper()
	rep := importFile(t, st, path, transfer.Options{Kind: k})
	if rep.Failed() || !rep.Written {
		t.Fatalf("import %s (%s): %s", filepath.Base(path), k, describe(rep))
	}
	return rep
}

// describe prints a report for a failure message.
func describe(rep transfer.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s rows=%d added=%d updated=%d unchanged=%d written=%v dry=%v more=%d",
		rep.Source, rep.Rows, rep.Added, rep.Updated, rep.Unchanged, rep.Written, rep.DryRun, rep.More)
	for i, e := range rep.Errors {
		if i == 20 {
			fmt.Fprintf(&b, "\n  … %d more", len(rep.Errors)-i)
			break
		}
		b.WriteString("\n  " + e.String())
	}
	return b.String()
}

func osWriteFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

// minutes is n minutes.
func minutes(n int) time.Duration { return time.Duration(n) * time.Minute }
