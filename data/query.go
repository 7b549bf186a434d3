package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// where builds a WHERE clause from optional filter conditions.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// whereIn adds "col IN (...)".
func whereIn[T ~string | ~int64](w *where, col string, values []T) {
	marks := make([]string, len(values))
	for i, v := range values {
		marks[i] = "?"
		w.args = append(w.args, v)
	}
	w.conds = append(w.conds, col+" IN ("+strings.Join(marks, ", ")+")")
}

// search matches q anywhere in a folded search_key column, ignoring case in any
// alphabet; the text is taken literally (no wildcards).
func (w *where) search(q string, keyColumn string) {
	w.add("instr("+keyColumn+", ?) > 0", fold(q))
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, " AND ")
}

func queryStrings(ctx context.Context, s *Store, query string, args ...any) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, v)
	}
	return out, s.classify(rows.Err())
}

// notFound maps sql.ErrNoRows to ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

func (s *Store) notFound(err error) error { return s.classify(notFound(err)) }

// EachRow runs a read-only query for the analytics packages (data/kpi and the
// like) and calls scan for every row; errors are classified like the store's own.
func (s *Store) EachRow(ctx context.Context, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return s.classify(err)
		}
	}
	return s.classify(rows.Err())
}
