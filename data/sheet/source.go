package sheet

import "strings"

// Formats of a Source.
const (
	FormatCSV  = "CSV"
	FormatXLSX = "XLSX"
)

// Source is how a file was read, for the user to confirm it was read right.
type Source struct {
	Format    string // FormatCSV or FormatXLSX
	Encoding  string // CSV: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1251"
	BOM       bool   // CSV: the UTF-8 text starts with a byte order mark
	Delimiter rune   // CSV
	Sheet     string // XLSX
}

// String is a short technical description, e.g. "CSV, windows-1251, ';'" or
// "XLSX, sheet «Клиенты»".
func (s Source) String() string {
	if s.Format == FormatXLSX {
		return "XLSX, sheet «" + s.Sheet + "»"
	}
	enc := s.Encoding
	if s.BOM {
		enc += " with BOM"
	}
	delim := "'" + string(s.Delimiter) + "'"
	if s.Delimiter == '\t' {
		delim = "tab"
	}
	return strings.Join([]string{"CSV", enc, delim}, ", ")
}

// Describe says the same in the user's language; tr translates the keys
// file.read_xlsx, file.read_csv, file.with_bom and file.tab.
func (s Source) Describe(tr func(key string, params map[string]any) string) string {
	if s.Format == FormatXLSX {
		return tr("file.read_xlsx", map[string]any{"Sheet": s.Sheet})
	}
	enc := s.Encoding
	if s.BOM {
		enc = tr("file.with_bom", map[string]any{"Encoding": enc})
	}
	delim := "«" + string(s.Delimiter) + "»"
	if s.Delimiter == '\t' {
		delim = tr("file.tab", nil)
	}
	return tr("file.read_csv", map[string]any{"Encoding": enc, "Delimiter": delim})
}
