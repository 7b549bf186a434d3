// Package dbdump renders a whole SQLite database as text, for tests that prove an
// operation changed nothing (or two databases are the same).
package dbdump

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// Dump renders the schema version and every row of every table with its value
// types, in a stable order. skip names "table.column"s left out (a timestamp that
// may differ).
func Dump(db *sql.DB, skip ...string) (string, error) {
	var b strings.Builder
	var version int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "user_version %d\n", version)
	tables, err := tableNames(db)
	if err != nil {
		return "", err
	}
	for _, table := range tables {
		lines, err := tableLines(db, table, skip)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "== %s (%d)\n%s\n", table, len(lines), strings.Join(lines, "\n"))
	}
	return b.String(), nil
}

func tableNames(db *sql.DB) ([]string, error) {
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// tableLines renders a table's rows, sorted (row order on disk is not a change).
func tableLines(db *sql.DB, table string, skip []string) ([]string, error) {
	rows, err := db.Query(`SELECT * FROM "` + table + `"`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var lines []string
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var line strings.Builder
		for i, v := range vals {
			if slices.Contains(skip, table+"."+cols[i]) {
				continue
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&line, "%T:%#v|", v, v)
		}
		lines = append(lines, line.String())
	}
	slices.Sort(lines)
	return lines, rows.Err()
}
