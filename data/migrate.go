package data

import (
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"time"
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

// migrationSteps are Go steps run before a version's script, in its transaction,
// for work SQL alone cannot do safely.
var migrationSteps = map[int]func(tx *sql.Tx) error{
	3: separateTwinEntries,
}

// migrate applies the missing migrations, each in its own transaction together with
// the version bump, so a failure leaves the file at the last complete version.
func (s *Store) migrate() error {
	for v := s.version; v < len(migrations); v++ {
		tx, err := s.write.Begin()
		if err != nil {
			return s.classify(err)
		}
		if step := migrationSteps[v+1]; step != nil {
			if err := step(tx); err != nil {
				tx.Rollback()
				return s.classify(fmt.Errorf("migration %d: %w", v+1, err))
			}
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

// separateTwinEntries moves each later twin of a log entry (same client, minute and
// kind) to the next minute that is free for it, so that the natural key can become
// unique without losing an entry.
func separateTwinEntries(tx *sql.Tx) error {
	rows, err := tx.Query(`SELECT i.id, i.client_id, i.kind, i.occurred_at FROM interactions i
		WHERE EXISTS (SELECT 1 FROM interactions o WHERE o.client_id = i.client_id AND o.occurred_at = i.occurred_at
			AND o.kind = i.kind AND o.id < i.id)
		ORDER BY i.id`)
	if err != nil {
		return err
	}
	type twin struct {
		id, client int64
		kind       string
		at         time.Time
	}
	var twins []twin
	for rows.Next() {
		var t twin
		if err := rows.Scan(&t.id, &t.client, &t.kind, scanTime(&t.at)); err != nil {
			rows.Close()
			return err
		}
		twins = append(twins, t)
	}
	rows.Close()
	for _, t := range twins {
		at := t.at
		for {
			at = at.Add(time.Minute)
			var taken int
			err := tx.QueryRow(`SELECT count(*) FROM interactions WHERE client_id = ? AND kind = ? AND occurred_at = ?`,
				t.client, t.kind, dateTimeValue(at)).Scan(&taken)
			if err != nil {
				return err
			}
			if taken == 0 {
				break
			}
		}
		if _, err := tx.Exec(`UPDATE interactions SET occurred_at = ? WHERE id = ?`, dateTimeValue(at), t.id); err != nil {
			return err
		}
	}
	return nil
}
