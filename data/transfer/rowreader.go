package transfer

import (
	"strings"
	"time"

	"leadboard/data"
	"leadboard/data/parse"
)

// rowReader reads one file row by field, collecting every cell that cannot be read
// and every field the data layer refuses, as RowErrors in the file's own terms.
type rowReader struct {
	num     int
	cells   map[string]string // field key -> cell text
	headers map[string]string // field key -> header as written in the file
	errs    []RowError
	record  any    // what a preparer read from the row, for importRow to write
	lang    string // the language of the values a message lists
}

func (r *rowReader) has(key string) bool {
	_, ok := r.cells[key]
	return ok
}

// text is a cell's trimmed text ("" for a column the file does not have). The quote
// an export puts before text that a spreadsheet would take for a formula
// ("'+7 495…", "'=…") is taken off again.
func (r *rowReader) text(key string) string {
	s := strings.TrimSpace(r.cells[key])
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		s = s[1:]
	}
	return s
}

func (r *rowReader) fail(key, code string, params map[string]any) {
	r.errs = append(r.errs, RowError{Row: r.num, Column: r.headers[key], Value: r.text(key), Code: code, Params: params})
}

// failed reports whether the row already has an error.
func (r *rowReader) failed() bool { return len(r.errs) > 0 }

// exampleDate is the date the "not a date" message shows as an example.
var exampleDate = time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)

// read applies a parser to a non-empty cell; an empty cell gives the zero value.
func read[T any](r *rowReader, key string, p func(string) (T, error)) T {
	var zero T
	s := r.text(key)
	if s == "" {
		return zero
	}
	v, err := p(s)
	if err != nil {
		code := "invalid"
		var params map[string]any
		if pe, ok := err.(*parse.Error); ok {
			code = pe.Code
			switch code {
			case parse.CodeAmbiguousPerson: // the message lists the people the name fits
				params = map[string]any{"Value": pe.Value}
			case parse.CodeNotDate: // the message shows a date as the language writes it
				params = map[string]any{"Example": exampleDate}
			}
		}
		r.fail(key, code, params)
		return zero
	}
	return v
}

func (r *rowReader) date(key string) time.Time     { return read(r, key, parse.Date) }
func (r *rowReader) dateTime(key string) time.Time { return read(r, key, parse.DateTime) }
func (r *rowReader) number(key string) float64     { return read(r, key, parse.Number) }
func (r *rowReader) integer(key string) int64      { return read(r, key, parse.Integer) }
func (r *rowReader) money(key string) int64        { return read(r, key, parse.Money) }
func (r *rowReader) boolean(key string) bool       { return read(r, key, parse.Bool) }

// word reads a cell that must be one of a vocabulary's words; the error lists them.
func (r *rowReader) word(key string, v *vocabulary) string {
	return r.oneOf(key, v.enum(), func() []string { return v.names(r.lang) })
}

// oneOf reads a cell against an enumeration; the error lists the allowed words.
func (r *rowReader) oneOf(key string, e parse.Enum, allowed func() []string) string {
	s := r.text(key)
	if s == "" {
		return ""
	}
	code, err := e.Parse(s)
	if err != nil {
		r.fail(key, CodeNotAllowed, map[string]any{"Allowed": strings.Join(allowed(), ", ")})
	}
	return code
}

// optionalNumber is nil for an empty cell.
func (r *rowReader) optionalNumber(key string) *float64 {
	if r.text(key) == "" {
		return nil
	}
	v := r.number(key)
	return &v
}

// person matches a cell against people's names; 0 for an empty cell.
func (r *rowReader) person(key string, names parse.Names) int64 {
	return read(r, key, names.Match)
}

// rejected records the data layer's field errors, translating its field names into
// the file's columns (fields maps a data field to an import field key). A field the
// file has no column for is reported as that column being needed. Any other error
// is the database's, not the row's: it comes back to stop the import.
func (r *rowReader) rejected(err error, fields map[string]string) error {
	v, ok := data.AsValidation(err)
	if !ok {
		return err
	}
	for _, f := range v.Fields {
		key := f.Field
		if mapped, ok := fields[f.Field]; ok {
			key = mapped
		}
		if _, inFile := r.headers[key]; !inFile {
			r.errs = append(r.errs, RowError{Row: r.num, Code: CodeColumnNeeded, Params: map[string]any{"Column": key}})
			continue
		}
		r.errs = append(r.errs, RowError{Row: r.num, Column: r.headers[key], Value: r.text(key), Code: f.Code, Params: f.Params})
	}
	return nil
}
