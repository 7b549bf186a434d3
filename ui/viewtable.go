package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data/table"
)

// viewTable shows an analytic view's table (data/table) as its export writes it:
// the same columns, the same cells, as text.
type viewTable struct {
	table  *widget.Table
	header []string
	rows   [][]string
}

func newViewTable() *viewTable {
	v := &viewTable{}
	v.table = widget.NewTableWithHeaders(func() (int, int) { return len(v.rows), len(v.header) }, newCellLabel,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(v.rows) && id.Col < len(v.rows[id.Row]) {
				o.(*widget.Label).SetText(v.rows[id.Row][id.Col])
			}
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = newCellLabel
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(v.header) {
			o.(*widget.Label).SetText(v.header[id.Col])
		}
	}
	return v
}

// fill shows a table, its columns sized to their headers and kind.
func (v *viewTable) fill(tb table.Table) {
	v.header, v.rows = tableText(tb)
	for i, c := range tb.Columns {
		v.table.SetColumnWidth(i, columnWidth(c.Kind, v.header[i]))
	}
	v.table.Refresh()
}

func (v *viewTable) rowCount() int { return len(v.rows) }

// tableText is a table's header and cells as the window shows them.
func tableText(tb table.Table) (header []string, rows [][]string) {
	lang := currentLang()
	header = make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		header[i] = c.Title(lang)
	}
	_ = tb.Rows(func(row []any) error { // in memory: cannot fail
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = tableCellText(tb.Columns[i].Kind, v)
		}
		rows = append(rows, cells)
		return nil
	})
	return header, rows
}

// newCellLabel is a table cell: a long text ends in "…" rather than running into
// the next column.
func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// columnWidth fits the header, within what the kind of column needs: names and
// criteria are wide, numbers narrow.
func columnWidth(kind table.Kind, header string) float32 {
	lo, hi := float32(90), float32(170)
	if kind == table.Text {
		lo, hi = 240, 360
	}
	w := fyne.MeasureText(header, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.Padding() + 8
	return min(max(w, lo), hi)
}

// tableCellText writes a table cell as the window shows it.
func tableCellText(kind table.Kind, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return integer(int(x))
	case float64:
		if kind == table.Percent {
			return number(x*100, 1) + " %"
		}
		return number(x, 2)
	case bool:
		if x {
			return T("choice.yes")
		}
		return ""
	case time.Time:
		return date(x)
	}
	return ""
}
