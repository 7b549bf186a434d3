package data

import (
	"context"
	"database/sql"
	"time"
)

// Tx is one write transaction. Its methods validate and write exactly like the
// Store's Save methods (each of which is a Tx of its own), so several records can
// be saved all or nothing: an import commits every row or none.
type Tx struct {
	ctx context.Context
	tx  *sql.Tx
	s   *Store
}

// Outcome says what recording one record did.
type Outcome int

const (
	Added     Outcome = iota // written as a new record
	Updated                  // an existing record was corrected
	Unchanged                // already recorded as it is: left alone
	Repeated                 // written earlier in the same batch (a duplicate in one file)
)

// Update runs fn in one write transaction; an error from fn rolls everything back.
func (s *Store) Update(ctx context.Context, fn func(t *Tx) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return fn(&Tx{ctx: ctx, tx: tx, s: s}) })
}

// Savepoint runs fn so that, when it fails, only what fn wrote is undone and the
// transaction goes on (an import keeps checking the rows after a bad one).
func (t *Tx) Savepoint(fn func() error) error {
	if _, err := t.tx.ExecContext(t.ctx, `SAVEPOINT row`); err != nil {
		return err
	}
	if err := fn(); err != nil {
		if _, rbErr := t.tx.ExecContext(t.ctx, `ROLLBACK TO row`); rbErr != nil {
			return rbErr
		}
		t.tx.ExecContext(t.ctx, `RELEASE row`)
		return err
	}
	_, err := t.tx.ExecContext(t.ctx, `RELEASE row`)
	return err
}

// save is the shape of the Store's one-record saves: a transaction around a Tx save.
func save[T any](s *Store, ctx context.Context, fn func(t *Tx) (T, error)) (T, error) {
	var out T
	err := s.Update(ctx, func(t *Tx) error {
		var err error
		out, err = fn(t)
		return err
	})
	return out, err
}

// Today is the store's current date.
func (t *Tx) Today() time.Time { return t.s.Today() }
