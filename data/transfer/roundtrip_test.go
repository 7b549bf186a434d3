package transfer_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"leadboard/data"
	"leadboard/data/transfer"
)

// exportAll writes every kind of a database to dir as name.<ext> and returns the paths by kind.
func exportAll(t *testing.T, st *data.Store, dir string, format transfer.Format, lang string, delim rune) map[transfer.Kind]string {
	t.Helper()
	out := map[transfer.Kind]string{}
	for _, k := range transfer.Kinds {
		tbl, err := transfer.WholeTable(context.Background(), st, k, lang)
		if err != nil {
			t.Fatalf("table %s: %v", k, err)
		}
		path := filepath.Join(dir, string(k)+"."+string(format))
		if err := transfer.Export(path, tbl, format, lang, delim); err != nil {
			t.Fatalf("export %s: %v", k, err)
		}
		out[k] = path
	}
	return out
}

// sortedRows is a file's rows as lines, sorted: the order of an export may follow
// ids that differ between databases.
func sortedRows(t *testing.T, path string) ([]string, []string) {
	header, rows := readRows(t, path)
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "\x1f")
	}
	slices.Sort(lines)
	return header, lines
}

func diffRows(t *testing.T, what string, want, got []string) {
	t.Helper()
	if slices.Equal(want, got) {
		return
	}
	wantSet, gotSet := map[string]int{}, map[string]int{}
	for _, l := range want {
		wantSet[l]++
	}
	for _, l := range got {
		gotSet[l]++
	}
	shown := 0
	for _, l := range want {
		if gotSet[l] == 0 && shown < 10 {
			t.Errorf("%s: lost row %q", what, strings.ReplaceAll(l, "\x1f", " | "))
			shown++
		}
	}
	for _, l := range got {
		if wantSet[l] == 0 && shown < 20 {
			t.Errorf("%s: new row %q", what, strings.ReplaceAll(l, "\x1f", " | "))
			shown++
		}
	}
	t.Errorf("%s: %d rows exported first, %d after the round trip", what, len(want), len(got))
}

// TestRoundTrip exports every kind of a demo database, imports the files in order
// into an empty database, exports again and compares; then imports the same files
// a second time, which must change nothing.
func TestRoundTrip(t *testing.T) {
	cases := []struct {
		format transfer.Format
		lang   string
		delim  rune
	}{
		{transfer.CSV, "ru", ';'},
		{transfer.CSV, "en", ';'},
		{transfer.CSV, "ru", ','},
		{transfer.CSV, "en", ','},
		{transfer.XLSX, "ru", 0},
		{transfer.XLSX, "en", 0},
	}
	for _, c := range cases {
		name := fmt.Sprintf("%s-%s-%q", c.format, c.lang, c.delim)
		if c.format == transfer.XLSX {
			name = fmt.Sprintf("%s-%s", c.format, c.lang)
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, _ := demoStore(t)
			addFeedback(t, src)
			first := exportAll(t, src, t.TempDir(), c.format, c.lang, c.delim)

			dst, dstPath := freshStore(t)
			refused := map[transfer.Kind]bool{}
			for _, k := range transfer.Kinds {
				if k == transfer.KPI {
					copyCatalogue(t, src, dst) // values name KPIs the user defines in the app
				}
				rep := importFile(t, dst, first[k], transfer.Options{Kind: k})
				// Assignments meet the current rows that importing the clients opened
				// (updated, or unchanged when their start was right); the rest is new.
				if rep.Rows == 0 || rep.Failed() || !rep.Written ||
					(k != transfer.Assignments && rep.Added != rep.Rows) {
					t.Errorf("%s: the export did not import: %s", k, describe(rep))
					refused[k] = true
				}
			}
			second := exportAll(t, dst, t.TempDir(), c.format, c.lang, c.delim)
			for _, k := range transfer.Kinds {
				if refused[k] {
					continue // the differences would only repeat the refusal
				}
				h1, r1 := sortedRows(t, first[k])
				h2, r2 := sortedRows(t, second[k])
				if !slices.Equal(h1, h2) {
					t.Errorf("%s: header %q, after the round trip %q", k, h1, h2)
				}
				diffRows(t, string(k), r1, r2)
			}

			before := dump(t, dstPath)
			for _, k := range transfer.Kinds {
				if refused[k] {
					continue
				}
				rep := importFile(t, dst, first[k], transfer.Options{Kind: k})
				if rep.Added != 0 || rep.Updated != 0 || rep.Unchanged != rep.Rows {
					t.Errorf("%s: second import changed something: %s", k, describe(rep))
				}
			}
			if after := dump(t, dstPath); after != before {
				t.Errorf("the second import changed the database:\n%s", firstDiff(before, after))
			}
		})
	}
}

// firstDiff shows where two dumps part.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			ctx := ""
			for j := i - 1; j >= 0; j-- {
				if strings.HasPrefix(al[j], "== ") {
					ctx = al[j]
					break
				}
			}
			return fmt.Sprintf("%s line %d:\n- %s\n+ %s", ctx, i, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// addFeedback gives some people of a database feedback from each department: full
// and partial ratings, a comment only, text a spreadsheet would take for a formula,
// no author. The authors are names no generated entry has.
func addFeedback(t *testing.T, st *data.Store) {
	t.Helper()
	ctx := context.Background()
	people, err := st.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
	if err != nil {
		t.Fatal(err)
	}
	depts, err := st.Departments(ctx)
	if err != nil || len(depts) == 0 {
		t.Fatalf("departments %v, %v", depts, err)
	}
	entries := []data.Feedback{
		{Author: "Проверка Круга (закупка)", Handoff: 4, Briefs: 5, Deadlines: 3, Communication: 5, Comment: "Брифы полные; сроки в целом соблюдаются"},
		{Author: "", Handoff: 2, Comment: "-5% к срокам, \"срочно\" каждый раз"},
		{Author: "Проверка Круга", Comment: "=Хорошая работа"},
		{Author: "проверка  круга", Communication: 1},
	}
	for i, p := range people[:min(6, len(people))] {
		for j, e := range entries {
			e.StaffID, e.DepartmentID = p.ID, depts[(i+j)%len(depts)].ID
			e.On = demoAsOf.AddDate(0, -i, -j)
			if _, err := st.SaveFeedback(ctx, e); err != nil {
				t.Fatalf("feedback %d for %s: %v", j, p.FullName, err)
			}
		}
	}
}

// copyCatalogue adds the entered KPIs of one database to another.
func copyCatalogue(t *testing.T, from, to *data.Store) {
	t.Helper()
	kpis, err := from.KPIs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kpis {
		if k.Derived() {
			continue
		}
		k.ID = 0
		if _, err := to.SaveKPI(context.Background(), k); err != nil {
			t.Fatalf("KPI %s: %v", k.Code, err)
		}
	}
}
