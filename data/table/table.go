// Package table is the shape every list and view leaves the app in: typed columns
// with headers in both languages, and rows streamed one at a time, so that a file of
// a million log entries is written without holding it in memory. The window, the
// command line's export and the meeting pack all consume the same tables.
package table

import (
	"fmt"
	"time"
)

// Kind is the type of a column's cells.
type Kind int

const (
	Text     Kind = iota // string
	Integer              // int64
	Number               // float64
	Money                // int64, whole roubles
	Percent              // float64, 0.25 is 25 %
	Date                 // time.Time, the date only
	DateTime             // time.Time, date and minutes
	Bool                 // bool
)

// Column describes one column.
type Column struct {
	Key     string // stable name, also the English header used by imports
	TitleRU string
	TitleEN string
	Kind    Kind
}

// Title is the column's header in a language ("ru" or anything else for English).
func (c Column) Title(lang string) string {
	if lang == "ru" {
		return c.TitleRU
	}
	return c.TitleEN
}

// Table is a named list of rows. A cell is nil when empty, otherwise of its
// column's Go type (see Kind).
type Table struct {
	Name    string
	Columns []Column
	// Rows calls yield with each row in order and stops at the first error.
	Rows func(yield func(row []any) error) error
}

// FromRows builds a table over rows already in memory.
func FromRows(name string, columns []Column, rows [][]any) Table {
	return Table{Name: name, Columns: columns, Rows: func(yield func([]any) error) error {
		for _, r := range rows {
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}}
}

// DateValue is nil for the zero time, so that an unset date exports as an empty cell.
func DateValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// Collect reads every row into memory, for tables small enough to hold (a sheet of
// the meeting pack, a test). A row whose width differs from the columns' is an error.
func (t Table) Collect() ([][]any, error) {
	var rows [][]any
	if t.Rows == nil {
		return nil, nil
	}
	err := t.Rows(func(row []any) error {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("%s: a row of %d cells under %d columns", t.Name, len(row), len(t.Columns))
		}
		rows = append(rows, append([]any(nil), row...))
		return nil
	})
	return rows, err
}
