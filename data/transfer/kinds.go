// Package transfer moves the department's records in and out of files: imports of
// CSV and XLSX the way Russian offices write them (all or nothing, with an error for
// every bad cell), and the tables every list exports. It sits in data/: SQL stays
// behind the store's transaction API, and the window and the command line share it.
package transfer

import (
	"leadboard/data"
	"leadboard/data/table"
)

// Kind is what a file holds.
type Kind string

const (
	Staff        Kind = "staff"
	Clients      Kind = "clients"
	Contacts     Kind = "contacts"
	Contracts    Kind = "contracts"
	Assignments  Kind = "assignments"
	Interactions Kind = "interactions"
	KPI          Kind = "kpi"
	Feedback     Kind = "feedback"
)

// Kinds lists them in the order they are best imported: people and clients first,
// then what refers to them.
var Kinds = []Kind{Staff, Clients, Contacts, Contracts, Assignments, Interactions, KPI, Feedback}

// outcome is what importing one row did.
type outcome int

const (
	added outcome = iota
	updated
	unchanged
)

// rowImporter imports the rows of one file inside the import's transaction. A row's
// problems go into its rowReader; an error return is a failure of the database.
type rowImporter interface {
	importRow(r *rowReader) (outcome, error)
	close() error
}

// preparer is an importer that reads a row's cells without the database; import
// runs prepare on the reading goroutine, then importRow writes what it prepared.
type preparer interface {
	prepare(r *rowReader)
}

// spec is everything the package knows about a kind.
type spec struct {
	fields []field
	index  headerIndex
	// open starts importing a file; file is its name and lang the language of notes
	// the import writes (such as a grade change's reason).
	open func(t *data.Tx, file, lang string) (rowImporter, error)
}

var specs = map[Kind]*spec{}

func register(k Kind, fields []field, open func(t *data.Tx, file, lang string) (rowImporter, error)) {
	specs[k] = &spec{fields: fields, index: indexFields(fields), open: open}
}

// Columns are the columns of a kind, in the order files are written.
func Columns(k Kind) []table.Column {
	s, ok := specs[k]
	if !ok {
		return nil
	}
	out := make([]table.Column, len(s.fields))
	for i, f := range s.fields {
		out[i] = f.column()
	}
	return out
}

// Required lists the keys of the columns a file of the kind must have.
func Required(k Kind) []string {
	var out []string
	for _, f := range specs[k].fields {
		if f.required {
			out = append(out, f.key)
		}
	}
	return out
}

// noChange is the nothing-to-close of importers without prepared statements.
type noChange struct{}

func (noChange) close() error { return nil }
