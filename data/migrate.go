package data

import (
	"embed"
	"fmt"
	"path"
	"sort"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations lists the embedded scripts in order; migration i+1 brings the schema to
// version i+1 (PRAGMA user_version).
var migrations = loadMigrations()

func loadMigrations() []string {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	scripts := make([]string, len(names))
	for i, name := range names {
		b, err := migrationFiles.ReadFile(path.Join("migrations", name))
		if err != nil {
			panic(err)
		}
		scripts[i] = string(b)
	}
	return scripts
}

// LatestSchema is the schema version this binary writes.
func LatestSchema() int { return len(migrations) }

// migrate applies the missing migrations, each in its own transaction together with
// the version bump, so a failure leaves the file at the last complete version.
func (s *Store) migrate() error {
	for v := s.version; v < len(migrations); v++ {
		tx, err := s.write.Begin()
		if err != nil {
			return s.classify(err)
		}
		script := migrations[v] + fmt.Sprintf("\nPRAGMA user_version = %d;\nPRAGMA application_id = %d;", v+1, applicationID)
		if _, err := tx.Exec(script); err != nil {
			tx.Rollback()
			return s.classify(fmt.Errorf("migration %d: %w", v+1, err))
		}
		if err := tx.Commit(); err != nil {
			return s.classify(err)
		}
		s.version = v + 1
	}
	return nil
}
