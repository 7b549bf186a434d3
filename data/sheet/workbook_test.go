package sheet

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"leadboard/data/table"
)

func writeWorkbookFile(t *testing.T, sheets []Sheet, lang string) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteWorkbook(&b, sheets, lang); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(writeTemp(t, "book.xlsx", b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func isBold(t *testing.T, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	st, err := f.GetCellStyle(sheet, cell)
	must(t, err)
	style, err := f.GetStyle(st)
	must(t, err)
	return style.Font != nil && style.Font.Bold
}

var managerColumns = []table.Column{
	{Key: "manager", TitleRU: "Менеджер", TitleEN: "Manager", Kind: table.Text},
	{Key: "load", TitleRU: "Загрузка", TitleEN: "Load", Kind: table.Percent},
}

// Two tables on one sheet, each under its bold title and with its bold header, an
// empty row between them, cells typed as WriteXLSX types them; a second sheet with a
// note; names made valid and unique.
func TestWriteWorkbook(t *testing.T) {
	managers := table.FromRows("Загрузка на 31.10.2026", managerColumns, [][]any{
		{"Иванова Анна Сергеевна", 1.12}, {"Петров Б.", 0.8},
	})
	note := table.FromRows("Аудит за октябрь 2026", []table.Column{{Key: "note", Kind: table.Text}},
		[][]any{{"Нет данных за октябрь 2026"}})
	f := writeWorkbookFile(t, []Sheet{
		{Name: "Обзор: итоги", Tables: []table.Table{testTable(), managers}},
		{Name: "обзор_ итоги", Tables: []table.Table{note}},
		{Name: strings.Repeat("Загрузка ", 5), Tables: nil},
		{Name: strings.Repeat("Загрузка ", 5)},
	}, "ru")

	long := "Загрузка Загрузка Загрузка Загр"
	want := []string{"Обзор_ итоги", "обзор_ итоги (2)", long, "Загрузка Загрузка Загрузка (2)"}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	sheet := want[0]
	check := func(cell string, wantType excelize.CellType, wantValue string, wantFmt string) {
		t.Helper()
		typ, err := f.GetCellType(sheet, cell)
		must(t, err)
		raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		must(t, err)
		if typ != wantType || raw != wantValue {
			t.Errorf("%s!%s: type %v value %q, want %v %q", sheet, cell, typ, raw, wantType, wantValue)
		}
		if got := cellFormat(t, f, sheet, cell); got != wantFmt {
			t.Errorf("%s!%s: format %q, want %q", sheet, cell, got, wantFmt)
		}
	}
	// The first table: title, header, four rows, then an empty row.
	check("A1", excelize.CellTypeInlineString, "Клиенты: риск", "")
	check("A2", excelize.CellTypeInlineString, "Клиент", "")
	check("H2", excelize.CellTypeInlineString, "Активен", "")
	check("A3", excelize.CellTypeInlineString, "ООО «Ромашка»; филиал", "@")
	check("A4", excelize.CellTypeInlineString, `=HYPERLINK("http://x")`, "@")
	check("B3", excelize.CellTypeUnset, "12", "")
	check("D3", excelize.CellTypeUnset, "1500000", MoneyFormat)
	check("E3", excelize.CellTypeUnset, "0.25", "0%")
	check("F3", excelize.CellTypeUnset, "45323", "dd.mm.yyyy")
	check("G3", excelize.CellTypeUnset, "45352.604166666664", "dd.mm.yyyy hh:mm")
	check("H3", excelize.CellTypeInlineString, "да", "@")
	check("H4", excelize.CellTypeInlineString, "нет", "@")
	if formula, _ := f.GetCellFormula(sheet, "A4"); formula != "" {
		t.Errorf("text became a formula %q", formula)
	}
	rows, err := f.GetRows(sheet)
	must(t, err)
	if len(rows) != 11 || len(rows[6]) != 0 {
		t.Fatalf("rows %q: want 11 with row 7 empty", rows)
	}
	// The second table from row 8.
	check("A8", excelize.CellTypeInlineString, "Загрузка на 31.10.2026", "")
	check("A9", excelize.CellTypeInlineString, "Менеджер", "")
	check("B9", excelize.CellTypeInlineString, "Загрузка", "")
	check("A10", excelize.CellTypeInlineString, "Иванова Анна Сергеевна", "@")
	check("B10", excelize.CellTypeUnset, "1.12", "0%")
	check("B11", excelize.CellTypeUnset, "0.8", "0%")
	for _, cell := range []string{"A1", "A2", "H2", "A8", "A9", "B9"} {
		if !isBold(t, f, sheet, cell) {
			t.Errorf("%s is not bold", cell)
		}
	}
	if isBold(t, f, sheet, "A3") || isBold(t, f, sheet, "A10") {
		t.Error("a data cell is bold")
	}
	// Widths fit the widest cell of either table; the titles run on instead.
	wA, _ := f.GetColWidth(sheet, "A")
	wB, _ := f.GetColWidth(sheet, "B")
	wF, _ := f.GetColWidth(sheet, "F")
	if !(wA >= 23 && wA <= 25) || !(wB >= 9 && wB < 12) || !(wF >= 12 && wF < 14) {
		t.Errorf("widths A %v B %v F %v", wA, wB, wF)
	}

	// A note: its title and its line, no header.
	rows, err = f.GetRows(want[1])
	must(t, err)
	if !reflect.DeepEqual(rows, [][]string{{"Аудит за октябрь 2026"}, {"Нет данных за октябрь 2026"}}) {
		t.Errorf("note sheet %q", rows)
	}
	if rows, _ := f.GetRows(want[2]); len(rows) != 0 {
		t.Errorf("empty sheet %q", rows)
	}
}

func TestWriteWorkbookEnglish(t *testing.T) {
	f := writeWorkbookFile(t, []Sheet{{Name: "Overview", Tables: []table.Table{testTable()}}}, "en")
	if got := cellFormat(t, f, "Overview", "F3"); got != "yyyy-mm-dd" {
		t.Errorf("en date format %q", got)
	}
	if v, _ := f.GetCellValue("Overview", "H2"); v != "Active" {
		t.Errorf("en header %q", v)
	}
	if v, _ := f.GetCellValue("Overview", "H3"); v != "yes" {
		t.Errorf("en bool %q", v)
	}
}

func TestWriteWorkbookNoSheets(t *testing.T) {
	f := writeWorkbookFile(t, nil, "ru")
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Лист1"}) {
		t.Errorf("sheets %q", got)
	}
}

// A table that fails to read fails the workbook with its error and the sheet's name.
func TestWriteWorkbookRowsError(t *testing.T) {
	boom := errors.New("boom")
	bad := table.Table{Name: "x", Columns: managerColumns, Rows: func(yield func([]any) error) error { return boom }}
	err := WriteWorkbook(io.Discard, []Sheet{{Name: "Риски", Tables: []table.Table{bad}}}, "ru")
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "Риски") {
		t.Errorf("error %v", err)
	}
}
