package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"leadboard/data/table"
)

var testColumns = []table.Column{
	{Key: "client", TitleRU: "Клиент", TitleEN: "Client", Kind: table.Text},
	{Key: "calls", TitleRU: "Звонки", TitleEN: "Calls", Kind: table.Integer},
	{Key: "score", TitleRU: "Оценка", TitleEN: "Score", Kind: table.Number},
	{Key: "revenue", TitleRU: "Выручка", TitleEN: "Revenue", Kind: table.Money},
	{Key: "share", TitleRU: "Доля", TitleEN: "Share", Kind: table.Percent},
	{Key: "signed", TitleRU: "Подписан", TitleEN: "Signed", Kind: table.Date},
	{Key: "contact", TitleRU: "Контакт", TitleEN: "Contact", Kind: table.DateTime},
	{Key: "active", TitleRU: "Активен", TitleEN: "Active", Kind: table.Bool},
}

func testTable() table.Table {
	return table.FromRows("Клиенты: риск", testColumns, [][]any{
		{"ООО «Ромашка»; филиал", int64(12), 4.5, int64(1500000), 0.25,
			time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 14, 30, 0, 0, time.UTC), true},
		{"=HYPERLINK(\"http://x\")", int64(-3), -0.07, int64(-100), 0.07,
			time.Date(2023, 12, 31, 0, 0, 0, 0, time.Local), time.Date(2024, 1, 2, 9, 5, 0, 0, time.Local), false},
		{"Многострочный\n\"комментарий\"", nil, nil, nil, nil, nil, nil, nil},
		{"+7 999 123-45-67", int64(0), 1234567.125, int64(0), 1.5, time.Time{}, nil, true},
	})
}

func TestWriteCSV(t *testing.T) {
	tests := []struct {
		lang string
		opt  CSVOptions
		want string
	}{
		{"ru", CSVOptions{}, "\uFEFF" +
			"Клиент;Звонки;Оценка;Выручка;Доля;Подписан;Контакт;Активен\r\n" +
			"\"ООО «Ромашка»; филиал\";12;4,5;1500000;25%;01.02.2024;01.03.2024 14:30;да\r\n" +
			"\"'=HYPERLINK(\"\"http://x\"\")\";-3;-0,07;-100;7%;31.12.2023;02.01.2024 09:05;нет\r\n" +
			"\"Многострочный\r\n\"\"комментарий\"\"\";;;;;;;\r\n" +
			"'+7 999 123-45-67;0;1234567,125;0;150%;;;да\r\n"},
		{"en", CSVOptions{Delimiter: ',', NoBOM: true}, "" +
			"Client,Calls,Score,Revenue,Share,Signed,Contact,Active\r\n" +
			"ООО «Ромашка»; филиал,12,4.5,1500000,25%,2024-02-01,2024-03-01 14:30,yes\r\n" +
			"\"'=HYPERLINK(\"\"http://x\"\")\",-3,-0.07,-100,7%,2023-12-31,2024-01-02 09:05,no\r\n" +
			"\"Многострочный\r\n\"\"комментарий\"\"\",,,,,,,\r\n" +
			"'+7 999 123-45-67,0,1234567.125,0,150%,,,yes\r\n"},
		// Russian with ',' as the delimiter: a decimal comma would split cells.
		{"ru", CSVOptions{Delimiter: ',', NoBOM: true}, "" +
			"Клиент,Звонки,Оценка,Выручка,Доля,Подписан,Контакт,Активен\r\n" +
			"ООО «Ромашка»; филиал,12,4.5,1500000,25%,01.02.2024,01.03.2024 14:30,да\r\n" +
			"\"'=HYPERLINK(\"\"http://x\"\")\",-3,-0.07,-100,7%,31.12.2023,02.01.2024 09:05,нет\r\n" +
			"\"Многострочный\r\n\"\"комментарий\"\"\",,,,,,,\r\n" +
			"'+7 999 123-45-67,0,1234567.125,0,150%,,,да\r\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := WriteCSV(&b, testTable(), tt.lang, tt.opt); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s %+v:\n got %q\nwant %q", tt.lang, tt.opt, b.String(), tt.want)
		}
	}
}

// Formula injection: text is neutralised, typed numbers (negative ones
// included) are not.
func TestWriteCSVFormulaInjection(t *testing.T) {
	cols := []table.Column{{Key: "t", TitleEN: "T", Kind: table.Text}, {Key: "n", TitleEN: "N", Kind: table.Integer}, {Key: "x", TitleEN: "X", Kind: table.Number}}
	var rows [][]any
	for _, s := range []string{"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", " =x", ""} {
		rows = append(rows, []any{s, int64(-5), -1.5})
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, table.FromRows("t", cols, rows), "en", CSVOptions{Delimiter: ';', NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	// encoding/csv with CRLF line ends drops a lone CR inside a field.
	want := "T;N;X\r\n" +
		"'=1+2;-5;-1.5\r\n'+1;-5;-1.5\r\n'-1;-5;-1.5\r\n'@SUM(A1);-5;-1.5\r\n'\tx;-5;-1.5\r\n\"'x\";-5;-1.5\r\n" +
		"a=b;-5;-1.5\r\n\" =x\";-5;-1.5\r\n;-5;-1.5\r\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}

// What WriteCSV writes, Open reads back to the same strings.
func TestWriteCSVRoundTrip(t *testing.T) {
	for _, lang := range []string{"ru", "en"} {
		var b bytes.Buffer
		if err := WriteCSV(&b, testTable(), lang, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		path := writeTemp(t, "rt.csv", b.Bytes())
		r, rows := readAll(t, path, Options{})
		if r.Source().String() != "CSV, UTF-8 with BOM, ';'" {
			t.Errorf("Describe %q", r.Source().String())
		}
		var titles []string
		for _, c := range testColumns {
			titles = append(titles, c.Title(lang))
		}
		if !reflect.DeepEqual(r.Header(), titles) {
			t.Errorf("header %q", r.Header())
		}
		f := formatter{lang: lang, decimalComma: lang == "ru"}
		var want []Row
		num := 2
		testTable().Rows(func(row []any) error {
			cells := make([]string, len(row))
			for i, v := range row {
				cells[i] = f.text(v, testColumns[i].Kind, true)
				// encoding/csv reads a CR LF inside a quoted field as LF
				cells[i] = strings.ReplaceAll(cells[i], "\r\n", "\n")
			}
			want = append(want, Row{Num: num, Cells: cells})
			num += 1 + strings.Count(cells[0], "\n")
			return nil
		})
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("%s:\n got %v\nwant %v", lang, rows, want)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	boom := errors.New("boom")
	tbl := table.Table{Name: "x", Columns: testColumns[:1], Rows: func(yield func([]any) error) error {
		if err := yield([]any{"a"}); err != nil {
			return err
		}
		return boom
	}}
	if err := WriteCSV(io.Discard, tbl, "ru", CSVOptions{}); !errors.Is(err, boom) {
		t.Errorf("WriteCSV: %v", err)
	}
	if err := WriteXLSX(io.Discard, tbl, "ru"); !errors.Is(err, boom) {
		t.Errorf("WriteXLSX: %v", err)
	}
}

func TestShiftDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"0.25": "25", "0.07": "7", "1.5": "150", "-0.075": "-7.5", "0": "0", "12": "1200",
		"0.001": "0.1", "-0.001": "-0.1", "123.456789": "12345.6789", "0.00001": "0.001",
	} {
		if got := shiftDecimal(in, 2); got != want {
			t.Errorf("shiftDecimal(%s) = %s, want %s", in, got, want)
		}
	}
}

func writeXLSXFile(t *testing.T, tbl table.Table, lang string) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, tbl, lang); err != nil {
		t.Fatal(err)
	}
	return writeTemp(t, "out.xlsx", b.Bytes())
}

// The workbook has typed cells with the right formats, a bold frozen header
// and fitted widths.
func TestWriteXLSX(t *testing.T) {
	path := writeXLSXFile(t, testTable(), "ru")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := "Клиенты_ риск"
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{sheet}) {
		t.Fatalf("sheets %q", got)
	}
	check := func(cell string, wantType excelize.CellType, wantValue string, wantFmt string) {
		t.Helper()
		typ, err := f.GetCellType(sheet, cell)
		must(t, err)
		raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		must(t, err)
		if typ != wantType || raw != wantValue {
			t.Errorf("%s: type %v value %q, want %v %q", cell, typ, raw, wantType, wantValue)
		}
		if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
			t.Errorf("%s: has formula %q", cell, formula)
		}
		if got := cellFormat(t, f, sheet, cell); got != wantFmt {
			t.Errorf("%s: format %q, want %q", cell, got, wantFmt)
		}
	}
	check("A1", excelize.CellTypeInlineString, "Клиент", "")
	check("A2", excelize.CellTypeInlineString, "ООО «Ромашка»; филиал", "@")
	check("A3", excelize.CellTypeInlineString, `=HYPERLINK("http://x")`, "@")
	check("B2", excelize.CellTypeUnset, "12", "")
	check("C3", excelize.CellTypeUnset, "-0.07", "")
	check("D2", excelize.CellTypeUnset, "1500000", MoneyFormat)
	check("E2", excelize.CellTypeUnset, "0.25", "0%")
	check("F2", excelize.CellTypeUnset, "45323", "dd.mm.yyyy")
	check("G2", excelize.CellTypeUnset, "45352.604166666664", "dd.mm.yyyy hh:mm")
	check("H2", excelize.CellTypeInlineString, "да", "@")
	check("H3", excelize.CellTypeInlineString, "нет", "@")
	if typ, _ := f.GetCellType(sheet, "B4"); typ != excelize.CellTypeUnset {
		t.Errorf("nil cell has type %v", typ)
	}
	if v, _ := f.GetCellValue(sheet, "F5"); v != "" {
		t.Errorf("zero date written as %q", v)
	}

	st, err := f.GetCellStyle(sheet, "A1")
	must(t, err)
	style, err := f.GetStyle(st)
	must(t, err)
	if style.Font == nil || !style.Font.Bold {
		t.Errorf("header is not bold: %+v", style.Font)
	}
	panes, err := f.GetPanes(sheet)
	must(t, err)
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v", panes)
	}
	wA, _ := f.GetColWidth(sheet, "A")
	wB, _ := f.GetColWidth(sheet, "B")
	wF, _ := f.GetColWidth(sheet, "F")
	if !(wA >= 23 && wA <= 25) || !(wB >= minColWidth && wB < 10) || !(wF >= 12 && wF < 14) {
		t.Errorf("widths A %v B %v F %v", wA, wB, wF)
	}

	en := writeXLSXFile(t, testTable(), "en")
	g, err := excelize.OpenFile(en)
	must(t, err)
	defer g.Close()
	if got := cellFormat(t, g, sheet, "F2"); got != "yyyy-mm-dd" {
		t.Errorf("en date format %q", got)
	}
	if got := cellFormat(t, g, sheet, "G2"); got != "yyyy-mm-dd hh:mm" {
		t.Errorf("en date-time format %q", got)
	}
	if v, _ := g.GetCellValue(sheet, "H2"); v != "yes" {
		t.Errorf("en bool %q", v)
	}
}

// cellFormat is a cell's number format code ("" for General).
func cellFormat(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	st, err := f.GetCellStyle(sheet, cell)
	must(t, err)
	style, err := f.GetStyle(st)
	must(t, err)
	if style.CustomNumFmt != nil {
		return *style.CustomNumFmt
	}
	switch style.NumFmt {
	case 0:
		return ""
	case 9:
		return "0%"
	case 49:
		return "@"
	}
	return fmt.Sprint("builtin ", style.NumFmt)
}

// Open reads back what WriteXLSX wrote: raw numbers, ISO dates, text as it is.
func TestWriteXLSXRoundTrip(t *testing.T) {
	path := writeXLSXFile(t, testTable(), "ru")
	r, rows := readAll(t, path, Options{})
	if r.Source().String() != "XLSX, sheet «Клиенты_ риск»" {
		t.Errorf("Describe %q", r.Source().String())
	}
	if !reflect.DeepEqual(r.Header(), []string{"Клиент", "Звонки", "Оценка", "Выручка", "Доля", "Подписан", "Контакт", "Активен"}) {
		t.Errorf("header %q", r.Header())
	}
	want := []Row{
		{2, []string{"ООО «Ромашка»; филиал", "12", "4.5", "1500000", "0.25", "2024-02-01", "2024-03-01 14:30", "да"}},
		{3, []string{`=HYPERLINK("http://x")`, "-3", "-0.07", "-100", "0.07", "2023-12-31", "2024-01-02 09:05", "нет"}},
		{4, []string{"Многострочный\n\"комментарий\"", "", "", "", "", "", "", ""}},
		{5, []string{"+7 999 123-45-67", "0", "1234567.125", "0", "1.5", "", "", "да"}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("\n got %v\nwant %v", rows, want)
	}
}

// More rows than the width sample: the widths come from the first 1,000 rows,
// every row arrives in order, and a producer that reuses its row slice is safe.
func TestWriteXLSXLong(t *testing.T) {
	const n = 2500
	cols := []table.Column{{Key: "i", TitleEN: "I", Kind: table.Integer}, {Key: "s", TitleEN: "S", Kind: table.Text}}
	tbl := table.Table{Name: "Long", Columns: cols, Rows: func(yield func([]any) error) error {
		row := make([]any, 2) // reused on purpose
		for i := range n {
			row[0], row[1] = int64(i), strings.Repeat("ш", 1+i%20)
			if i >= widthSample {
				row[1] = strings.Repeat("w", 200) // too late to widen the column
			}
			if err := yield(row); err != nil {
				return err
			}
		}
		return nil
	}}
	path := writeXLSXFile(t, tbl, "en")
	f, err := excelize.OpenFile(path)
	must(t, err)
	defer f.Close()
	if w, _ := f.GetColWidth("Long", "B"); w != 22 {
		t.Errorf("width of B = %v, want 22 (20 letters + 2)", w)
	}
	f.Close()
	_, rows := readAll(t, path, Options{})
	if len(rows) != n {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if r.Num != i+2 || r.Cells[0] != fmt.Sprint(i) {
			t.Fatalf("row %d: %v", i, r)
		}
	}
	if rows[5].Cells[1] != strings.Repeat("ш", 6) {
		t.Errorf("buffered row changed: %q", rows[5].Cells[1])
	}
}

func TestWriteXLSXTooManyRows(t *testing.T) {
	old := maxSheetRows
	maxSheetRows = 1500
	defer func() { maxSheetRows = old }()
	rows := make([][]any, 1500)
	for i := range rows {
		rows[i] = []any{int64(i)}
	}
	tbl := table.FromRows("Long", []table.Column{{Key: "i", TitleEN: "I", Kind: table.Integer}}, rows)
	if err := WriteXLSX(io.Discard, tbl, "en"); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("1,500 rows under a header with room for 1,499: %v", err)
	}
	if err := WriteXLSX(io.Discard, table.FromRows("Long", tbl.Columns, rows[:1499]), "en"); err != nil {
		t.Errorf("1,499 rows: %v", err)
	}
}

// An empty table still makes a valid workbook and CSV with the header only.
func TestWriteEmptyTable(t *testing.T) {
	tbl := table.FromRows("", testColumns[:2], nil)
	path := writeXLSXFile(t, tbl, "ru")
	r, rows := readAll(t, path, Options{})
	if len(rows) != 0 || r.Source().String() != "XLSX, sheet «Лист1»" || len(r.Header()) != 2 {
		t.Errorf("%s %q %v", r.Source().String(), r.Header(), rows)
	}
	var b bytes.Buffer
	must(t, WriteCSV(&b, tbl, "en", CSVOptions{NoBOM: true}))
	if b.String() != "Client;Calls\r\n" {
		t.Errorf("%q", b.String())
	}
}
