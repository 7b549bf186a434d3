package data

import (
	"context"
	"database/sql"
	"errors"
)

// Setting reads a value the department keeps in its database (the workload
// formula, for one); found is false when it was never saved.
func (s *Store) Setting(ctx context.Context, key string) (value string, found bool, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, s.classify(err)
}

// SaveSetting writes a value under its key, replacing the one before.
func (s *Store) SaveSetting(ctx context.Context, key, value string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}
