package data

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned when a record asked for by id does not exist.
var ErrNotFound = errors.New("record not found")

// Problem says why a database file cannot be used; the UI and the command line
// translate it into a message that names the file and what to do.
type Problem string

const (
	ProblemMissing     Problem = "missing"      // the file does not exist
	ProblemNotDatabase Problem = "not_database" // the file is not an SQLite database
	ProblemDamaged     Problem = "damaged"      // SQLite reports a malformed database
	ProblemNewer       Problem = "newer"        // written by a newer Leadboard
	ProblemLocked      Problem = "locked"       // another program holds a lock
	ProblemReadOnly    Problem = "read_only"    // the file or its folder cannot be written
	ProblemOther       Problem = "other"
)

// DBError reports a database file that cannot be opened or written. When Open
// returns it, nothing has been written to the file.
type DBError struct {
	Path    string
	Problem Problem
	// Version and Known are set for ProblemNewer: the file's schema and the newest
	// schema this binary knows.
	Version, Known int
	Err            error
}

func (e *DBError) Error() string {
	var what string
	switch e.Problem {
	case ProblemMissing:
		what = "the file does not exist; check the path or create a new database"
	case ProblemNotDatabase:
		what = "the file is not a Leadboard database; choose another file"
	case ProblemDamaged:
		what = "the database is damaged; restore it from a backup copy (leadboard keeps *.backup-*.db files next to it)"
	case ProblemNewer:
		what = fmt.Sprintf("the database was written by a newer Leadboard (schema %d, this version knows %d); update Leadboard", e.Version, e.Known)
	case ProblemLocked:
		what = "the database is locked by another program; close it and try again"
	case ProblemReadOnly:
		what = "the file or its folder is read-only; make it writable or copy it to a writable folder"
	default:
		what = "cannot open the database"
	}
	msg := fmt.Sprintf("%s: %s", e.Path, what)
	if e.Err != nil && e.Problem == ProblemOther {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *DBError) Unwrap() error { return e.Err }

// FieldError names one invalid field and why it is invalid. Code is a stable key
// ("required", "range", ...) that the UI translates; Params fill its placeholders.
type FieldError struct {
	Field  string
	Code   string
	Params map[string]any
}

func (e FieldError) Error() string {
	msg := e.Field + ": " + strings.ReplaceAll(e.Code, "_", " ")
	if len(e.Params) > 0 {
		msg += fmt.Sprint(" ", e.Params)
	}
	return msg
}

// ValidationError lists every invalid field of a record that was not saved.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// For returns the first error for field, if any.
func (e *ValidationError) For(field string) (FieldError, bool) {
	for _, f := range e.Fields {
		if f.Field == field {
			return f, true
		}
	}
	return FieldError{}, false
}

// AsValidation unwraps a *ValidationError from err.
func AsValidation(err error) (*ValidationError, bool) {
	var v *ValidationError
	ok := errors.As(err, &v)
	return v, ok
}

// AsDBError unwraps an *DBError from err.
func AsDBError(err error) (*DBError, bool) {
	var o *DBError
	ok := errors.As(err, &o)
	return o, ok
}
