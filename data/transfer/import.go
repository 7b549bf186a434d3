package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"leadboard/data"
	"leadboard/data/sheet"
)

// Options tune an import.
type Options struct {
	Kind     Kind
	Sheet    string  // XLSX sheet; "" for the first
	Mapping  Mapping // which field each column holds; nil to detect it from the header
	DryRun   bool    // check every row, write nothing
	Lang     string  // language of the notes an import writes; "" for Russian
	Progress func(fraction float64)
}

// Preview is the start of a file, for the import dialog: how it was read, its
// header, the detected mapping and the first rows.
type Preview struct {
	Source    sheet.Source // how the file was read
	Header    []string
	HeaderRow int
	Mapping   Mapping
	Rows      [][]string
	Sheets    []string // a workbook's sheets, the one read first (nil for text)
}

// previewRows is how many rows a preview shows.
const previewRows = 10

func openFile(path string, k Kind, sheetName string) (*spec, sheet.Reader, error) {
	s, ok := specs[k]
	if !ok {
		return nil, nil, fmt.Errorf("unknown kind %q", k)
	}
	r, err := sheet.Open(path, sheet.Options{Sheet: sheetName,
		IsHeader: func(cells []string) bool { return s.index.matches(cells) >= 2 }})
	if sheet.IsProblem(err, sheet.ProblemNoHeader) {
		// No row names two known columns: take the first row as the header, so that
		// its columns can be mapped by hand (or reported as missing).
		r, err = sheet.Open(path, sheet.Options{Sheet: sheetName})
	}
	return s, r, err
}

// PreviewFile reads the header and the first rows of a file.
func PreviewFile(path string, k Kind, sheetName string) (Preview, error) {
	s, r, err := openFile(path, k, sheetName)
	if err != nil {
		return Preview{}, err
	}
	defer r.Close()
	p := Preview{Source: r.Source(), Header: r.Header(), HeaderRow: r.HeaderRow(), Sheets: r.Sheets()}
	p.Mapping = s.index.detect(p.Header)
	for len(p.Rows) < previewRows {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return p, err
		}
		p.Rows = append(p.Rows, row.Cells)
	}
	return p, nil
}

// Missing lists the required columns a mapping lacks, as column keys.
func Missing(k Kind, m Mapping) []string {
	var out []string
	for _, key := range Required(k) {
		if !m.has(key) {
			out = append(out, key)
		}
	}
	return out
}

// errDiscard rolls the import's transaction back after a failed or dry run.
var errDiscard = errors.New("discard the import")

// Import reads a whole file and saves its rows in one transaction: if any row
// cannot be imported nothing is written, and the report lists every bad row. A row
// that matches a record by its natural key updates it (or leaves it unchanged),
// so importing the same file twice changes nothing the second time. Errors are for
// files that cannot be read at all (and the database).
func Import(ctx context.Context, st *data.Store, path string, opt Options) (Report, error) {
	s, r, err := openFile(path, opt.Kind, opt.Sheet)
	if err != nil {
		return Report{}, err
	}
	defer r.Close()
	rep := Report{Kind: opt.Kind, Source: r.Source(), DryRun: opt.DryRun}
	mapping := opt.Mapping
	if mapping == nil {
		mapping = s.index.detect(r.Header())
	}
	headers := map[string]string{}
	for i, key := range mapping {
		if key != "" && i < len(r.Header()) {
			headers[key] = r.Header()[i]
		}
	}
	for _, key := range Missing(opt.Kind, mapping) {
		rep.fail(RowError{Row: r.HeaderRow(), Code: CodeMissingColumn, Params: map[string]any{"Column": key}})
	}
	if rep.Failed() {
		return rep, nil
	}
	err = st.Update(ctx, func(t *data.Tx) error {
		lang := opt.Lang
		if lang == "" {
			lang = "ru"
		}
		imp, err := s.open(t, filepath.Base(path), lang)
		if err != nil {
			return err
		}
		defer imp.close()
		if err := importRows(ctx, r, mapping, headers, lang, imp, &rep, opt.Progress); err != nil {
			return err
		}
		if rep.Failed() || opt.DryRun {
			return errDiscard
		}
		return nil
	})
	switch {
	case errors.Is(err, errDiscard):
		return rep, nil
	case err != nil && ctx.Err() != nil:
		// Cancelling ends the transaction under the running statements: report the
		// cancellation, not whichever statement noticed it first.
		return rep, ctx.Err()
	case err != nil:
		return rep, err
	}
	rep.Written = true
	return rep, nil
}

// progressEvery is how many rows pass between progress reports and cancel checks.
const progressEvery = 2000

// importRows reads the file's rows on one goroutine, ahead of the writer: an
// importer that can read a row without the database (a preparer) does it there, so
// that reading and parsing overlap the writes.
func importRows(ctx context.Context, r sheet.Reader, mapping Mapping, headers map[string]string, lang string,
	imp rowImporter, rep *Report, progress func(float64)) error {
	ctx, stop := context.WithCancel(ctx)
	rows := make(chan *rowReader, 512)
	defer func() { // the reader stops and is gone before the file is closed
		stop()
		for range rows {
		}
	}()
	var readErr error
	go func() {
		defer close(rows)
		prep, _ := imp.(preparer)
		for {
			row, err := r.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
			rr := &rowReader{num: row.Num, cells: make(map[string]string, len(mapping)), headers: headers, lang: lang}
			for i, key := range mapping {
				if key != "" && i < len(row.Cells) {
					rr.cells[key] = row.Cells[i]
				} else if key != "" {
					rr.cells[key] = ""
				}
			}
			if prep != nil {
				prep.prepare(rr)
			}
			select {
			case rows <- rr:
			case <-ctx.Done():
				return
			}
		}
	}()
	for rr := range rows {
		rep.Rows++
		if rep.Rows%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(r.Progress())
			}
		}
		out := unchanged
		if !rr.failed() { // a row already wrong when read needs no write
			var err error
			if out, err = imp.importRow(rr); err != nil {
				return err
			}
		}
		for _, e := range rr.errs {
			rep.fail(e)
		}
		if len(rr.errs) > 0 {
			continue
		}
		switch out {
		case added:
			rep.Added++
		case updated:
			rep.Updated++
		default:
			rep.Unchanged++
		}
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}
