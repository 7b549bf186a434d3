package sheet

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"leadboard/data/table"
)

// Sheet is one worksheet of a workbook: its name and the tables on it, one under
// another.
type Sheet struct {
	Name   string
	Tables []table.Table
}

// WriteWorkbook writes sheets as one XLSX workbook, a worksheet per Sheet in order,
// named with SheetName and made unique ("Итоги", "Итоги (2)"). On a worksheet each
// table comes under its name as a bold title row, with its bold header row and its
// cells typed as WriteXLSX types them, and an empty row after it. A table whose
// columns all have empty titles is written without a header row: a note under a
// title. Column widths fit every table on the sheet. The tables of a sheet are held
// in memory to measure the widths, which go before the rows in the file: a workbook
// is for summary tables, a long list goes through WriteXLSX.
func WriteWorkbook(w io.Writer, sheets []Sheet, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	if len(sheets) == 0 {
		sheets = []Sheet{{}} // a workbook holds at least one sheet
	}
	names := uniqueSheetNames(sheets, lang)
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), names[0]); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(names[i]); err != nil {
			return err
		}
		if err := writeSheet(f, names[i], s.Tables, lang); err != nil {
			return fmt.Errorf("%s: %w", names[i], err)
		}
	}
	_, err := f.WriteTo(w)
	return err
}

// heldTable is a table with its rows read into memory.
type heldTable struct {
	name string
	cols []table.Column
	rows [][]any
}

func holdTable(t table.Table) (heldTable, error) {
	rows, err := t.Collect()
	return heldTable{name: t.Name, cols: t.Columns, rows: rows}, err
}

// hasHeader is false for a note: a table whose columns have no titles.
func (h heldTable) hasHeader(lang string) bool {
	for _, c := range h.cols {
		if c.Title(lang) != "" {
			return true
		}
	}
	return false
}

func writeSheet(f *excelize.File, name string, tables []table.Table, lang string) error {
	held := make([]heldTable, 0, len(tables))
	for _, t := range tables {
		h, err := holdTable(t)
		if err != nil {
			return err
		}
		held = append(held, h)
	}
	x, err := newXLSXWriter(f, name, nil, lang)
	if err != nil {
		return err
	}
	x.buffer = nil // the rows are held here, not in the writer
	if err := x.setSheetWidths(held); err != nil {
		return err
	}
	for i, h := range held {
		if i > 0 {
			x.next++ // the empty row after the table above
		}
		if err := x.writeTable(h); err != nil {
			return err
		}
	}
	return x.sw.Flush()
}

// setSheetWidths fits each column to the widest header or cell in it across the
// tables. Titles are left out: a title runs on over the empty cells to its right.
func (x *xlsxWriter) setSheetWidths(tables []heldTable) error {
	f := formatter{lang: x.lang, decimalComma: x.lang == "ru"}
	var widths []float64
	for _, h := range tables {
		for i, c := range h.cols {
			if i == len(widths) {
				widths = append(widths, minColWidth)
			}
			widths[i] = max(widths[i], float64(textWidth(c.Title(x.lang)))*1.1+2) // bold
			for _, row := range h.rows {
				if i < len(row) {
					widths[i] = max(widths[i], float64(x.displayWidth(f, row[i], c.Kind))+2)
				}
			}
		}
	}
	for i, width := range widths {
		width = min(width, maxColWidth)
		if err := x.sw.SetColWidth(i+1, i+1, math.Round(width*10)/10); err != nil {
			return err
		}
	}
	return nil
}

// writeTable writes the title row, the header row and the typed rows of a table.
func (x *xlsxWriter) writeTable(h heldTable) error {
	if err := x.setRow([]any{excelize.Cell{StyleID: x.header, Value: h.name}}); err != nil {
		return err
	}
	x.cols, x.cells = h.cols, make([]any, len(h.cols))
	if h.hasHeader(x.lang) {
		header := make([]any, len(h.cols))
		for i, c := range h.cols {
			header[i] = excelize.Cell{StyleID: x.header, Value: c.Title(x.lang)}
		}
		if err := x.setRow(header); err != nil {
			return err
		}
	}
	for _, row := range h.rows {
		if err := x.write(row); err != nil {
			return err
		}
	}
	return nil
}

// uniqueSheetNames makes the sheets' names valid and, as Excel compares them
// without case, unique: a repeated name gets " (2)", " (3)", ... within 31
// characters.
func uniqueSheetNames(sheets []Sheet, lang string) []string {
	names := make([]string, len(sheets))
	taken := map[string]bool{}
	for i, s := range sheets {
		base := SheetName(s.Name, lang)
		name := base
		for n := 2; taken[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf(" (%d)", n)
			name = cutUTF16(base, 31-len(suffix)) + suffix
		}
		taken[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// cutUTF16 shortens s to at most n UTF-16 units (Excel's measure), by whole
// characters.
func cutUTF16(s string, n int) string {
	r := []rune(s)
	for len(utf16.Encode(r)) > n {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ")
}
