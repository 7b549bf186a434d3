// Package sheet reads and writes tabular files: delimited text (CSV, TSV,
// Excel's "Unicode text") and XLSX workbooks. It knows nothing about
// Leadboard's entities: reading yields a header and rows of strings, writing
// takes a table.Table.
//
// Reading streams: memory does not grow with the file. The text encoding
// (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251) and the
// delimiter (';', ',' or tab) are detected, never asked.
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Row is one data row of a file.
type Row struct {
	// Num is the 1-based line where the record starts (delimited text) or the
	// row number (XLSX), as the user sees it in an editor or in Excel.
	Num int
	// Cells are the row's values, at least as many as the header has.
	Cells []string
}

// Options tune Open.
type Options struct {
	// Sheet is the XLSX sheet to read; "" reads the first visible sheet.
	// Matched case-insensitively, like Excel does. Ignored for text files.
	Sheet string
	// IsHeader recognises the header row among the first HeaderSearch
	// non-empty rows (a title row above the header is common); it is given
	// the cells trimmed, as Header would return them. nil takes the first
	// non-empty row.
	IsHeader func(cells []string) bool
	// HeaderSearch is how many leading non-empty rows to search for the
	// header; 0 means 10.
	HeaderSearch int
}

// DefaultHeaderSearch is the number of rows searched for the header when
// Options.HeaderSearch is 0.
const DefaultHeaderSearch = 10

// Reader reads the rows of a file after its header.
//
// Progress and Describe may be called from another goroutine while Next runs
// (an import dialog polls them); the other methods are for one goroutine.
type Reader interface {
	// Header returns the header cells as written, trimmed; trailing empty
	// cells are dropped.
	Header() []string
	// HeaderRow is the header's row (line) number.
	HeaderRow() int
	// Next returns the next non-empty data row after the header, padded to
	// the header's length, or io.EOF at the end.
	Next() (Row, error)
	// Progress is the share of the input consumed, 0..1.
	Progress() float64
	// Source says what was detected: the format, the encoding and delimiter
	// of a text file, the sheet of a workbook.
	Source() Source
	// Sheets lists a workbook's sheets, the one read first among them (nil for text).
	Sheets() []string
	Close() error
}

// Problem codes of a FormatError. The app translates them.
const (
	ProblemEmpty     = "empty"      // 0 bytes or no non-empty rows
	ProblemBinary    = "binary"     // not text and not XLSX
	ProblemNoHeader  = "no_header"  // IsHeader matched nothing within HeaderSearch rows
	ProblemBadXLSX   = "bad_xlsx"   // broken or encrypted workbook, legacy .xls
	ProblemNoSheet   = "no_sheet"   // the named sheet is missing; Detail lists the sheets
	ProblemBadCSV    = "bad_csv"    // the text is not CSV at Line
	ProblemOpenQuote = "open_quote" // a quoted value that starts at Line is never closed
	ProblemLongLine  = "long_line"  // the record at Line is longer than anyone's table
)

// FormatError is returned when a file cannot be read as a table.
type FormatError struct {
	Problem string // one of the Problem constants
	Line    int    // the line of a text file where the problem is, when known
	Detail  string // the list of sheets; otherwise an English detail for logs
}

func (e *FormatError) Error() string {
	var msg string
	switch e.Problem {
	case ProblemEmpty:
		msg = "the file has no data"
	case ProblemBinary:
		msg = "the file is neither text nor an XLSX workbook"
	case ProblemNoHeader:
		msg = "no header row found"
	case ProblemBadXLSX:
		msg = "the workbook cannot be read"
	case ProblemNoSheet:
		msg = "no such sheet"
	case ProblemBadCSV:
		msg = "the text file is malformed"
	case ProblemOpenQuote:
		msg = "a quoted value is not closed"
	case ProblemLongLine:
		msg = "the line is too long"
	default:
		msg = "unreadable file (" + e.Problem + ")"
	}
	if e.Line > 0 {
		msg = "line " + strconv.Itoa(e.Line) + ": " + msg
	}
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

func formatErr(problem, format string, args ...any) *FormatError {
	return &FormatError{Problem: problem, Detail: fmt.Sprintf(format, args...)}
}

// IsProblem reports whether err is a FormatError with the given problem code.
func IsProblem(err error, problem string) bool {
	var fe *FormatError
	return errors.As(err, &fe) && fe.Problem == problem
}

var (
	zipSignatures = [][]byte{[]byte("PK\x03\x04"), []byte("PK\x05\x06"), []byte("PK\x07\x08")}
	oleSignature  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Open opens a file for reading: XLSX when it starts with the ZIP signature,
// otherwise delimited text. Errors about the file's content are *FormatError;
// errors opening or reading it are returned as they are.
func Open(path string, opt Options) (Reader, error) {
	if opt.HeaderSearch <= 0 {
		opt.HeaderSearch = DefaultHeaderSearch
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("sheet: %s is a directory", path)
	}
	if st.Size() == 0 {
		f.Close()
		return nil, &FormatError{Problem: ProblemEmpty, Detail: "0 bytes"}
	}
	head := make([]byte, 8)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF {
		f.Close()
		return nil, err
	}
	head = head[:n]
	for _, sig := range zipSignatures {
		if bytes.HasPrefix(head, sig) {
			f.Close()
			return openXLSX(path, opt)
		}
	}
	if bytes.Equal(head, oleSignature) {
		f.Close()
		return nil, &FormatError{Problem: ProblemBadXLSX,
			Detail: "an encrypted workbook or a legacy .xls file; save it as .xlsx without a password"}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	src, err := newTextSource(f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	return newReader(src, opt)
}

// source yields raw rows of a file, blank ones included.
type source interface {
	next() (num int, cells []string, err error) // io.EOF at the end
	progress() float64
	source() Source
	sheets() []string
	close() error
}

type reader struct {
	src       source
	header    []string
	headerRow int
	err       error // sticky: io.EOF or the first error
}

func newReader(src source, opt Options) (Reader, error) {
	r := &reader{src: src}
	seen := 0
	for {
		num, cells, err := src.next()
		if err == io.EOF {
			src.close()
			if seen == 0 {
				return nil, &FormatError{Problem: ProblemEmpty, Detail: "no rows with data"}
			}
			return nil, formatErr(ProblemNoHeader, "none of the first %d rows is the header", seen)
		}
		if err != nil {
			src.close()
			return nil, err
		}
		if blank(cells) {
			continue
		}
		seen++
		if h := trimHeader(cells); opt.IsHeader == nil || opt.IsHeader(h) {
			r.header = h
			r.headerRow = num
			return r, nil
		}
		if seen >= opt.HeaderSearch {
			src.close()
			return nil, formatErr(ProblemNoHeader, "none of the first %d rows is the header", seen)
		}
	}
}

func (r *reader) Header() []string  { return r.header }
func (r *reader) HeaderRow() int    { return r.headerRow }
func (r *reader) Progress() float64 { return r.src.progress() }
func (r *reader) Source() Source    { return r.src.source() }
func (r *reader) Sheets() []string  { return r.src.sheets() }
func (r *reader) Close() error      { return r.src.close() }

func (r *reader) Next() (Row, error) {
	if r.err != nil {
		return Row{}, r.err
	}
	for {
		num, cells, err := r.src.next()
		if err != nil {
			r.err = err
			return Row{}, err
		}
		if blank(cells) {
			continue
		}
		if len(cells) < len(r.header) {
			cells = append(cells, make([]string, len(r.header)-len(cells))...)
		}
		return Row{Num: num, Cells: cells}, nil
	}
}

// blank reports whether all cells are empty or white space.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// trimHeader trims the header cells (and a stray BOM) and drops trailing
// empty ones.
func trimHeader(cells []string) []string {
	h := make([]string, len(cells))
	for i, c := range cells {
		h[i] = strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF"))
	}
	for len(h) > 0 && h[len(h)-1] == "" {
		h = h[:len(h)-1]
	}
	return h
}
