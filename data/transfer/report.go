package transfer

import (
	"fmt"
	"sort"

	"leadboard/data/sheet"
)

// RowError is one reason a row (or the file) cannot be imported: where, what was
// written there, and a code the app translates (the data layer's validation codes
// and parse codes, plus the few below).
type RowError struct {
	Row    int    // line or row number in the file
	Column string // the column's header as written in the file ("" for the whole row)
	Value  string
	Code   string
	Params map[string]any
}

func (e RowError) String() string {
	s := fmt.Sprintf("row %d", e.Row)
	if e.Column != "" {
		s += fmt.Sprintf(", column %s", e.Column)
	}
	if e.Value != "" {
		s += fmt.Sprintf(", value %q", e.Value)
	}
	s += ": " + e.Code
	if len(e.Params) > 0 {
		keys := make([]string, 0, len(e.Params))
		for k := range e.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s += fmt.Sprintf(" %s=%v", k, e.Params[k])
		}
	}
	return s
}

// Describe writes the error as "row N, column C, value V: reason" in a language:
// tr translates a message key with its parameters (the window and the command line
// each have their own).
func (e RowError) Describe(k Kind, lang string, tr func(key string, params map[string]any) string) string {
	params := map[string]any{}
	for key, v := range e.Params {
		params[key] = v
	}
	if col, ok := params["Column"].(string); ok { // a missing column: name it as files do
		for _, c := range Columns(k) {
			if c.Key == col {
				params["Column"] = c.Title(lang)
			}
		}
	}
	key := "import.row_error"
	switch {
	case e.Column == "": // the whole row, or the file's header
		key = "import.line_error"
	case e.Value == "":
		key = "import.cell_error"
	}
	return tr(key, map[string]any{"Row": e.Row, "Column": e.Column, "Value": e.Value,
		"Reason": tr("err."+e.Code, params)})
}

// Codes of problems only an import has.
const (
	CodeMissingColumn = "missing_column"  // a required column is not in the file
	CodeUnknownClient = "unknown_client"  // no client of that name
	CodeUnknownKPI    = "unknown_kpi"     // no KPI with that code or name
	CodeValueOrTarget = "value_or_target" // a KPI row needs a value, a target or both
	// A KPI's value names whom it is for at the KPI's own level.
	CodeValueForClient     = "value_for_client"
	CodeValueForManager    = "value_for_manager"
	CodeValueForDepartment = "value_for_department"
	CodeRepeated           = "repeated_in_file" // the same record twice in one file
	CodeColumnNeeded       = "column_needed"    // the row needs a value from a column the file lacks
	CodeNotAllowed         = "not_allowed"      // not one of the column's words (Allowed lists them)
)

// maxErrors is how many row errors a report lists; the rest are only counted.
const maxErrors = 1000

// Report is what an import did, or would do (dry run), to the database.
type Report struct {
	Kind      Kind
	Source    sheet.Source // how the file was read
	Rows      int          // data rows read
	Added     int
	Updated   int
	Unchanged int
	Errors    []RowError
	More      int  // errors beyond those listed
	DryRun    bool // nothing was to be written
	Written   bool // the rows were saved
}

// Failed reports whether any row was refused (then nothing was written).
func (r *Report) Failed() bool { return len(r.Errors) > 0 }

func (r *Report) fail(e RowError) {
	if len(r.Errors) < maxErrors {
		r.Errors = append(r.Errors, e)
	} else {
		r.More++
	}
}
