package data

import (
	"context"
	"fmt"
)

// CountedTables are the entities `leadboard check` counts, keyed as in its JSON.
// Later features append their tables here.
var CountedTables = []string{"staff", "clients", "contacts", "contracts", "assignments", "interactions",
	"grade_levels", "grade_history", "kpis", "kpi_values", "kpi_targets", "review_cycles", "reviews", "feedback",
	"competencies", "assessments", "plan_items", "trainings", "audits", "audit_items", "actions", "procedures",
	"opportunities"}

// CheckReport is the result of a health check of the database file.
type CheckReport struct {
	Path          string         `json:"path"`
	SchemaVersion int            `json:"schema_version"`
	LatestSchema  int            `json:"latest_schema"`
	Healthy       bool           `json:"healthy"`
	Problems      []string       `json:"problems"`
	Counts        map[string]int `json:"counts"`
}

// Check runs SQLite's integrity and foreign-key checks and counts every entity.
// It only reads.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Path: s.path, SchemaVersion: s.version, LatestSchema: LatestSchema(), Counts: map[string]int{}}
	integrity, err := queryStrings(ctx, s, `PRAGMA integrity_check`)
	if err != nil {
		return r, err
	}
	for _, line := range integrity {
		if line != "ok" {
			r.Problems = append(r.Problems, "integrity: "+line)
		}
	}
	rows, err := s.read.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return r, s.classify(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return r, s.classify(err)
		}
		r.Problems = append(r.Problems, fmt.Sprintf("foreign key: %s row %v refers to a missing %s", table, rowid, parent))
	}
	rows.Close()
	for _, table := range CountedTables {
		var n int
		// Table names come from the fixed list above, never from input.
		err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n)
		if err != nil {
			if s.version < LatestSchema() {
				continue // an older file opened read-only may not have the table yet
			}
			return r, s.classify(err)
		}
		r.Counts[table] = n
	}
	r.Healthy = len(r.Problems) == 0
	return r, nil
}
