package sheet

import (
	"errors"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"leadboard/data/table"
)

// widthSample is how many rows WriteXLSX holds to measure column widths:
// the widths go before the rows in the file, so the rows after these are
// streamed with the widths already set.
const widthSample = 1000

// Column widths, in Excel's units (about one character of the default font).
const (
	minColWidth = 6
	maxColWidth = 60
)

// MoneyFormat is the number format of Money cells: whole roubles with
// grouping.
const MoneyFormat = `#,##0 "₽"`

// WriteXLSX writes a table as an XLSX workbook with one sheet named after the
// table: a bold, frozen header row with the column titles in lang ("ru" or
// "en"), typed cells (numbers, real dates with a date format, Money in
// roubles, Percent as 0%), Bool as да/нет or yes/no, and text that Excel
// never takes for a formula. Column widths fit the header and the first 1,000
// rows. Rows are streamed, so a long table does not stay in memory.
func WriteXLSX(w io.Writer, t table.Table, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	name := SheetName(t.Name, lang)
	if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
		return err
	}
	xw, err := newXLSXWriter(f, name, t.Columns, lang)
	if err != nil {
		return err
	}
	if t.Rows != nil {
		err := t.Rows(func(row []any) error {
			if xw.buffer != nil {
				if len(xw.buffer) < widthSample {
					xw.buffer = append(xw.buffer, append([]any(nil), row...))
					return nil
				}
				if err := xw.start(); err != nil {
					return err
				}
			}
			return xw.write(row)
		})
		if err != nil {
			return err
		}
	}
	if xw.buffer != nil {
		if err := xw.start(); err != nil {
			return err
		}
	}
	if err := xw.sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

type xlsxWriter struct {
	sw     *excelize.StreamWriter
	cols   []table.Column
	lang   string
	styles [table.Bool + 1]int // cell style per kind
	header int                 // header style
	buffer [][]any             // rows held to measure widths; nil once streaming
	next   int                 // next row number
	cells  []any
}

func newXLSXWriter(f *excelize.File, sheet string, cols []table.Column, lang string) (*xlsxWriter, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	x := &xlsxWriter{sw: sw, cols: cols, lang: lang, buffer: [][]any{}, next: 1, cells: make([]any, len(cols))}
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	if lang == "ru" {
		dateFmt, dateTimeFmt = "dd.mm.yyyy", "dd.mm.yyyy hh:mm"
	}
	money := MoneyFormat
	for kind, st := range map[table.Kind]*excelize.Style{
		table.Text:     {NumFmt: 49}, // "@": typing into the cell keeps text
		table.Bool:     {NumFmt: 49},
		table.Money:    {CustomNumFmt: &money},
		table.Percent:  {NumFmt: 9}, // 0%
		table.Date:     {CustomNumFmt: &dateFmt},
		table.DateTime: {CustomNumFmt: &dateTimeFmt},
	} {
		if x.styles[kind], err = f.NewStyle(st); err != nil {
			return nil, err
		}
	}
	if x.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	return x, nil
}

// start sets the column widths from the buffered rows and the frozen header,
// then writes the header and the buffered rows.
func (x *xlsxWriter) start() error {
	if len(x.cols) > 0 {
		f := formatter{lang: x.lang, decimalComma: x.lang == "ru"}
		for i, c := range x.cols {
			width := float64(textWidth(c.Title(x.lang)))*1.1 + 2 // bold
			for _, row := range x.buffer {
				if i < len(row) {
					width = max(width, float64(x.displayWidth(f, row[i], c.Kind))+2)
				}
			}
			width = min(max(width, minColWidth), maxColWidth)
			if err := x.sw.SetColWidth(i+1, i+1, math.Round(width*10)/10); err != nil {
				return err
			}
		}
		if err := x.sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}
	header := make([]any, len(x.cols))
	for i, c := range x.cols {
		header[i] = excelize.Cell{StyleID: x.header, Value: c.Title(x.lang)}
	}
	if err := x.setRow(header); err != nil {
		return err
	}
	buffer := x.buffer
	x.buffer = nil
	for _, row := range buffer {
		if err := x.write(row); err != nil {
			return err
		}
	}
	return nil
}

// ErrTooManyRows: an Excel sheet holds 1,048,576 rows, the header included.
var ErrTooManyRows = errors.New("the table has more rows than an Excel sheet holds (1,048,576)")

// maxSheetRows is Excel's limit (a variable so that a test need not write a million rows).
var maxSheetRows = excelize.TotalRows

func (x *xlsxWriter) setRow(cells []any) error {
	if x.next > maxSheetRows {
		return ErrTooManyRows
	}
	cell, err := excelize.CoordinatesToCellName(1, x.next)
	if err != nil {
		return err
	}
	x.next++
	return x.sw.SetRow(cell, cells)
}

func (x *xlsxWriter) write(row []any) error {
	for i, c := range x.cols {
		x.cells[i] = nil
		if i < len(row) {
			if v := x.value(row[i], c.Kind); v != nil {
				style := 0 // General for a kind this package does not know
				if c.Kind >= 0 && int(c.Kind) < len(x.styles) {
					style = x.styles[c.Kind]
				}
				x.cells[i] = excelize.Cell{StyleID: style, Value: v}
			}
		}
	}
	return x.setRow(x.cells)
}

// value converts a cell to what the stream writer stores: numbers, times and
// strings; nil for an empty cell.
func (x *xlsxWriter) value(v any, k table.Kind) any {
	switch v := v.(type) {
	case nil:
		return nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return v
	case float32:
		return x.value(float64(v), k)
	case int64, int, int32:
		return v
	case time.Time:
		if v.IsZero() {
			return nil
		}
		if k == table.Date {
			return time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
		}
		return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), 0, 0, time.UTC)
	case string:
		return v
	}
	return formatter{lang: x.lang}.text(v, k, false)
}

// displayWidth estimates how many characters a cell shows.
func (x *xlsxWriter) displayWidth(f formatter, v any, k table.Kind) int {
	if v == nil {
		return 0
	}
	switch k {
	case table.Date:
		return 10
	case table.DateTime:
		return 16
	case table.Money:
		s := f.text(v, k, false)
		digits := len(strings.TrimPrefix(s, "-"))
		return len(s) + (digits-1)/3 + 2 // grouping spaces and " ₽"
	case table.Percent:
		s := f.text(v, k, false)
		if i := strings.IndexAny(s, ".,"); i >= 0 {
			s = s[:i] + "%"
		}
		return len(s)
	}
	return textWidth(f.text(v, k, false))
}

// textWidth is the length of the longest line of s in characters (a Cyrillic
// letter counts as one).
func textWidth(s string) int {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w
}

// SheetName makes a valid Excel sheet name from a table's name: at most 31
// characters, none of []:*?/\, no apostrophe at either end, not "History"
// (reserved by Excel); an empty name becomes "Лист1" or "Sheet1".
func SheetName(name, lang string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`[]:*?/\`, r):
			return '_'
		case r < 0x20:
			return ' '
		}
		return r
	}, name)
	name = strings.Trim(name, " '")
	// Excel counts UTF-16 units.
	if u := utf16.Encode([]rune(name)); len(u) > 31 {
		u = u[:31]
		if u[30] >= 0xD800 && u[30] < 0xDC00 { // half of a pair
			u = u[:30]
		}
		name = strings.Trim(string(utf16.Decode(u)), " '")
	}
	if strings.EqualFold(name, "History") {
		name += "_"
	}
	if name == "" {
		if lang == "ru" {
			return "Лист1"
		}
		return "Sheet1"
	}
	return name
}
