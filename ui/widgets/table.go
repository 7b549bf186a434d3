package widgets

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Column describes one column of a Table of T.
type Column[T any] struct {
	Title string
	Width float32
	Text  func(T) string
	// Less orders rows by this column; nil means the column does not sort.
	Less  func(a, b T) bool
	Align fyne.TextAlign
	// Importance colours a cell (for example overdue dates); nil means plain.
	Importance func(T) widget.Importance
}

// Table is a virtualised, sortable table of T: click a header to sort by it, click
// again to reverse; click a row to open it.
type Table[T any] struct {
	widget.BaseWidget
	OnSelected func(T)

	columns []Column[T]
	rows    []T
	sortCol int
	desc    bool
	table   *widget.Table
	empty   *widget.Label
}

// NewTable creates a table with the given columns; emptyText shows when it has no rows.
func NewTable[T any](columns []Column[T], emptyText string) *Table[T] {
	t := &Table[T]{columns: columns, sortCol: -1}
	t.table = widget.NewTableWithHeaders(t.size, t.createCell, t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.table.UpdateHeader = t.updateHeader
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.rows) && t.OnSelected != nil {
			t.OnSelected(t.rows[id.Row])
		}
	}
	for i, c := range columns {
		if c.Width > 0 {
			t.table.SetColumnWidth(i, c.Width)
		}
	}
	t.empty = widget.NewLabel(emptyText)
	t.empty.Alignment = fyne.TextAlignCenter
	t.empty.Hide()
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer shows the table, or the empty text over it when there are no rows.
func (t *Table[T]) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.table, container.NewCenter(t.empty)))
}

// SetRows replaces the rows, keeping the current sort order.
func (t *Table[T]) SetRows(rows []T) {
	t.rows = rows
	t.sort()
	if len(rows) == 0 {
		t.empty.Show()
	} else {
		t.empty.Hide()
	}
	t.table.Refresh()
}

// SetColumns replaces the columns (a view whose columns depend on the data, such
// as one per grade); the rows stay, unsorted.
func (t *Table[T]) SetColumns(columns []Column[T]) {
	t.columns, t.sortCol = columns, -1
	for i, c := range columns {
		if c.Width > 0 {
			t.table.SetColumnWidth(i, c.Width)
		}
	}
	t.table.Refresh()
}

// Rows returns the rows in display order.
func (t *Table[T]) Rows() []T { return t.rows }

// SortBy orders the rows by a column; desc reverses the order.
func (t *Table[T]) SortBy(col int, desc bool) {
	if col < 0 || col >= len(t.columns) || t.columns[col].Less == nil {
		return
	}
	t.sortCol, t.desc = col, desc
	t.sort()
	t.table.Refresh()
}

// SortColumn reports the column the rows are sorted by (-1: none) and the direction.
func (t *Table[T]) SortColumn() (col int, desc bool) { return t.sortCol, t.desc }

// TapHeader does what a click on a column header does: sort by it, or reverse.
func (t *Table[T]) TapHeader(col int) {
	desc := false
	if col == t.sortCol {
		desc = !t.desc
	}
	t.SortBy(col, desc)
}

// Select opens a row as if it was clicked.
func (t *Table[T]) Select(row int) {
	t.table.Select(widget.TableCellID{Row: row, Col: 0})
}

func (t *Table[T]) sort() {
	if t.sortCol < 0 {
		return
	}
	less := t.columns[t.sortCol].Less
	sort.SliceStable(t.rows, func(i, j int) bool {
		if t.desc {
			return less(t.rows[j], t.rows[i])
		}
		return less(t.rows[i], t.rows[j])
	})
}

func (t *Table[T]) size() (int, int) { return len(t.rows), len(t.columns) }

func (t *Table[T]) createCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (t *Table[T]) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	l := obj.(*widget.Label)
	if id.Row >= len(t.rows) || id.Col >= len(t.columns) { // rows shrank since the last layout
		l.SetText("")
		return
	}
	c, row := t.columns[id.Col], t.rows[id.Row]
	l.Alignment = c.Align
	l.Importance = widget.MediumImportance
	if c.Importance != nil {
		l.Importance = c.Importance(row)
	}
	l.SetText(c.Text(row))
}

func (t *Table[T]) updateHeader(id widget.TableCellID, obj fyne.CanvasObject) {
	b := obj.(*widget.Button)
	if id.Col < 0 || id.Col >= len(t.columns) {
		b.SetText("")
		return
	}
	title := t.columns[id.Col].Title
	if id.Col == t.sortCol {
		if t.desc {
			title += " ▼"
		} else {
			title += " ▲"
		}
	}
	col := id.Col
	b.OnTapped = func() { t.TapHeader(col) }
	b.SetText(title)
}
