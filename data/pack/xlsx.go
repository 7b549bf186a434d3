package pack

import (
	"context"
	"io"

	"leadboard/data/sheet"
	"leadboard/data/table"
	"leadboard/data/transfer"
)

// WriteXLSX writes the pack as a workbook: a sheet per section, named by its title,
// with the table behind every slide under the slide's title; a slide with nothing
// for the period gives its one-line note instead. A cancelled ctx stops it.
func (p Pack) WriteXLSX(ctx context.Context, w io.Writer) error {
	sheets := make([]sheet.Sheet, 0, len(p.Sections))
	for _, s := range p.Sections {
		sh := sheet.Sheet{Name: s.Title}
		for _, slide := range s.Slides {
			sh.Tables = append(sh.Tables, cancellableTable(ctx, workbookTable(slide)))
		}
		sheets = append(sheets, sh)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return sheet.WriteWorkbook(w, sheets, p.Lang)
}

// WriteXLSXFile writes the pack's workbook to path; the file appears only when
// complete, so a failed or cancelled export leaves nothing behind.
func WriteXLSXFile(ctx context.Context, path string, p Pack) error {
	return transfer.WriteFile(path, func(w io.Writer) error { return p.WriteXLSX(ctx, w) })
}

// workbookTable is the slide's table titled with the slide's title, or, for a slide
// with nothing to show, a note: one untitled column holding the Empty text.
func workbookTable(s Slide) table.Table {
	if s.Empty != "" {
		return table.FromRows(s.Title, []table.Column{{Key: "note", Kind: table.Text}}, [][]any{{s.Empty}})
	}
	t := s.Table
	t.Name = s.Title
	return t
}

// cancellableTable stops reading a table's rows once ctx is cancelled.
func cancellableTable(ctx context.Context, t table.Table) table.Table {
	rows := t.Rows
	if rows == nil {
		return t
	}
	t.Rows = func(yield func([]any) error) error {
		return rows(func(row []any) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return yield(row)
		})
	}
	return t
}
