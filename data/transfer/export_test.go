package transfer_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"leadboard/data"
	"leadboard/data/table"
	"leadboard/data/transfer"
)

// TestFormulaTextRoundTrip: text a spreadsheet would run as a formula is written
// with a leading quote and read back without it; numbers are not touched.
func TestFormulaTextRoundTrip(t *testing.T) {
	st, db := department(t)
	notes := []string{"=1+1", "+7 495 000-00-00", "-скидка", "@все", "=HYPERLINK(\"http://x\")"}
	for i, n := range notes {
		path := filepath.Join(t.TempDir(), "c.csv")
		writeFile(t, path, []byte("Клиент;Заметки\n\"Туры «Ёлка»\";\""+strings.ReplaceAll(n, `"`, `""`)+"\"\n"))
		mustImport(t, st, path, transfer.Clients)
		if got := query(t, db, `SELECT notes FROM clients WHERE name = 'Туры «Ёлка»'`)[0][0]; got != n {
			t.Fatalf("%d: imported %q, want %q", i, got, n)
		}
		for _, format := range []transfer.Format{transfer.CSV, transfer.XLSX} {
			files := exportAll(t, st, t.TempDir(), format, "ru", 0)
			if format == transfer.CSV {
				raw, _ := os.ReadFile(files[transfer.Clients])
				if !strings.Contains(string(raw), "'"+strings.ReplaceAll(n, `"`, `""`)) {
					t.Errorf("%q is not neutralised in the CSV:\n%s", n, raw)
				}
			} else {
				checkXLSXText(t, files[transfer.Clients], n)
			}
			before := dump(t, db)
			rep := mustImport(t, st, files[transfer.Clients], transfer.Clients)
			if rep.Added+rep.Updated != 0 {
				t.Errorf("%s with %q: the export did not import back unchanged: %s", format, n, describe(rep))
			}
			if after := dump(t, db); after != before {
				t.Errorf("%s with %q:\n%s", format, n, firstDiff(before, after))
			}
		}
	}
}

// checkXLSXText: the text is in a string cell, not a formula.
func checkXLSXText(t *testing.T, path, text string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if formula, _ := f.GetCellFormula(sh, cell); formula != "" {
				t.Errorf("%s %s: a formula %q", path, cell, formula)
			}
			if strings.Contains(c, text) {
				return
			}
		}
	}
	t.Errorf("%s: no cell holds %q", path, text)
}

// TestXLSXExportIsTyped: numbers, money and dates are typed cells; the header is
// frozen and in the language.
func TestXLSXExportIsTyped(t *testing.T) {
	st, _ := department(t)
	files := exportAll(t, st, t.TempDir(), transfer.XLSX, "en", 0)
	f, err := excelize.OpenFile(files[transfer.Clients])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := f.GetSheetName(0)
	if sh != "Clients" {
		t.Errorf("sheet %q", sh)
	}
	header, _ := f.GetRows(sh)
	if len(header) < 2 || header[0][0] != "Client" || header[0][4] != "Budget per month" {
		t.Fatalf("header %q", header[0])
	}
	var romashka int
	for i, r := range header {
		if r[0] == "ООО «Ромашка»" {
			romashka = i + 1
		}
	}
	budget, _ := excelize.CoordinatesToCellName(5, romashka)
	if typ, _ := f.GetCellType(sh, budget); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("budget cell %s is of type %v", budget, typ)
	}
	if v, _ := f.GetCellValue(sh, budget, excelize.Options{RawCellValue: true}); v != "1250000" {
		t.Errorf("budget cell %s = %q", budget, v)
	}
	start, _ := excelize.CoordinatesToCellName(8, romashka)
	if v, _ := f.GetCellValue(sh, start, excelize.Options{RawCellValue: true}); v != "45323" { // 2024-02-01
		t.Errorf("start date cell %s = %q, want the serial 45323", start, v)
	}
	panes, err := f.GetPanes(sh)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes: %+v %v", panes, err)
	}
}

// TestExportLeavesNoPartialFile: a failed export leaves neither the file nor its
// temporary sibling, and does not replace an existing file.
func TestExportLeavesNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	failing := table.Table{Name: "Clients", Columns: transfer.Columns(transfer.Clients),
		Rows: func(yield func([]any) error) error {
			for i := range 5000 {
				if err := yield([]any{"Клиент " + string(rune('А'+i%30)), "", "A", "active", int64(i)}); err != nil {
					return err
				}
			}
			return errors.New("the database went away")
		}}
	for _, format := range []transfer.Format{transfer.CSV, transfer.XLSX} {
		path := filepath.Join(dir, "out."+string(format))
		if err := transfer.Export(path, failing, format, "ru", 0); err == nil {
			t.Errorf("%s: a failing table exported", format)
		}
		old := []byte("old content")
		writeFile(t, path, old)
		if err := transfer.Export(path, failing, format, "ru", 0); err == nil {
			t.Errorf("%s: a failing table exported", format)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
			t.Errorf("%s: a failed export replaced the file", format)
		}
		os.Remove(path)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	// An unwritable or missing folder is an error, and nothing appears.
	if os.Getuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if err := transfer.Export(filepath.Join(ro, "x.csv"), failing, transfer.CSV, "ru", 0); err == nil {
			t.Error("export into a read-only folder succeeded")
		}
	}
	if err := transfer.Export(filepath.Join(dir, "no", "such", "x.csv"), emptyTable(), transfer.CSV, "ru", 0); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	// An empty table is a header row.
	path := filepath.Join(dir, "empty.csv")
	if err := transfer.Export(path, emptyTable(), transfer.CSV, "en", ','); err != nil {
		t.Fatal(err)
	}
	if raw, _ := os.ReadFile(path); string(raw) != "\uFEFFFull name,Position,Grade,Team,Hired,FTE,Own capacity,Status,Left on,E-mail,Phone,Notes\r\n" {
		t.Errorf("empty export: %q", raw)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("export's permissions: %v %v", info.Mode(), err)
	}
}

func emptyTable() table.Table { return transfer.StaffTable([]data.StaffRow{}, "en") }

// TestExportImportsBackUnchanged: every list exported from a database imports back
// into the same database without a change, in both languages and formats. One
// exception: a lead's or backup's start that saving the client guessed (see
// data.Tx.AddAssignment) is written as a date like any other, and importing it
// back confirms it (the row is updated: only its start_guessed flag changes).
func TestExportImportsBackUnchanged(t *testing.T) {
	st, db := department(t)
	guessed := count(t, db, "assignments WHERE start_guessed = 1")
	const flag = "assignments.start_guessed"
	before := dumpExcept(t, db, flag)
	for i, c := range []struct {
		format transfer.Format
		lang   string
		delim  rune
	}{{transfer.CSV, "ru", ';'}, {transfer.CSV, "en", ','}, {transfer.XLSX, "ru", 0}} {
		files := exportAll(t, st, t.TempDir(), c.format, c.lang, c.delim)
		for _, k := range transfer.Kinds {
			rep := importFile(t, st, files[k], transfer.Options{Kind: k})
			want := 0
			if k == transfer.Assignments && i == 0 {
				want = guessed
			}
			if rep.Failed() || rep.Added != 0 || rep.Updated != want || rep.Unchanged != rep.Rows-want {
				t.Errorf("%s %s %s: want %d updated: %s", c.format, c.lang, k, want, describe(rep))
			}
		}
		if after := dumpExcept(t, db, flag); after != before {
			t.Errorf("%s %s: importing the export changed the database:\n%s", c.format, c.lang, firstDiff(before, after))
			before = after
		}
	}
	if n := count(t, db, "assignments WHERE start_guessed = 1"); guessed == 0 || n != 0 {
		t.Errorf("guessed starts: %d before, %d after", guessed, n)
	}
}

// TestNegativeNumbersAreNotQuoted: only text is neutralised; a typed negative number
// stays a number a spreadsheet can sum.
func TestNegativeNumbersAreNotQuoted(t *testing.T) {
	cols := []table.Column{{Key: "a", TitleRU: "Сумма", TitleEN: "Sum", Kind: table.Money},
		{Key: "b", TitleRU: "Доля", TitleEN: "Share", Kind: table.Number},
		{Key: "c", TitleRU: "Шт", TitleEN: "Pcs", Kind: table.Integer},
		{Key: "d", TitleRU: "Текст", TitleEN: "Text", Kind: table.Text}}
	tbl := table.FromRows("t", cols, [][]any{{int64(-1500), -2.5, int64(-3), "-4"}})
	dir := t.TempDir()
	for _, c := range []struct {
		lang  string
		delim rune
		want  string
	}{
		{"ru", 0, "\uFEFFСумма;Доля;Шт;Текст\r\n-1500;-2,5;-3;'-4\r\n"},
		{"en", ',', "\uFEFFSum,Share,Pcs,Text\r\n-1500,-2.5,-3,'-4\r\n"},
	} {
		path := filepath.Join(dir, c.lang+".csv")
		if err := transfer.Export(path, tbl, transfer.CSV, c.lang, c.delim); err != nil {
			t.Fatal(err)
		}
		if raw, _ := os.ReadFile(path); string(raw) != c.want {
			t.Errorf("%s: %q, want %q", c.lang, raw, c.want)
		}
	}
}

func TestGradeHistoryTable(t *testing.T) {
	grade := func(id int64, ru, en string) data.GradeLevel { return data.GradeLevel{ID: id, NameRU: ru, NameEN: en} }
	rows := []data.GradeHistoryRow{
		{Date: data.Day(2025, 3, 1), From: grade(1, "Младший", "Junior"), To: grade(2, "Средний", "Middle"), Reason: "Оценка"},
		{Date: data.Day(2023, 1, 10), To: grade(1, "Младший", "Junior")},
	}
	var got [][]any
	tbl := transfer.GradeHistoryTable("Иванов Иван", rows, "ru")
	if err := tbl.Rows(func(r []any) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if tbl.Name != "Иванов Иван" || len(got) != 2 || got[0][1] != "Младший" || got[0][2] != "Средний" || got[1][1] != "" {
		t.Errorf("table %q: %v", tbl.Name, got)
	}
}
