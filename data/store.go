package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// applicationID marks a file as a Leadboard database (PRAGMA application_id), so the
// app never migrates another program's SQLite file.
const applicationID = 0x4C424431 // "LBD1"

// Store is the department's database: one SQLite file. Reads go through a pool of
// connections; writes go through a single connection so transactions never fight
// over the lock.
type Store struct {
	path     string
	read     *sql.DB
	write    *sql.DB
	readOnly bool
	version  int
	now      func() time.Time
}

// Options tune Open.
type Options struct {
	// Create makes the file (and its folder) when it does not exist.
	Create bool
	// ReadOnly opens without migrating or writing anything (used by `check`).
	ReadOnly bool
	// BusyTimeout is how long to wait for another program's lock; default 5 s.
	BusyTimeout time.Duration
}

// Open opens (and if needed creates and migrates) the database at path. Any problem
// comes back as a *DBError that names the file; a file with a problem is not written.
func Open(path string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &DBError{Path: path, Problem: ProblemOther, Err: err}
	}
	if strings.ContainsAny(abs, "?#") {
		return nil, &DBError{Path: abs, Problem: ProblemOther, Err: errors.New("the path must not contain '?' or '#'")}
	}
	if err := inspectFile(abs, opt); err != nil {
		return nil, err
	}
	if opt.BusyTimeout == 0 {
		opt.BusyTimeout = 5 * time.Second
	}
	s := &Store{path: abs, readOnly: opt.ReadOnly, now: time.Now}
	if err := s.connect(opt); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// inspectFile rejects, before SQLite touches it, a path that is missing, is not an
// SQLite file or is marked read-only.
func inspectFile(path string, opt Options) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if !opt.Create || opt.ReadOnly {
			return &DBError{Path: path, Problem: ProblemMissing}
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return &DBError{Path: path, Problem: ProblemReadOnly, Err: err}
		}
		return checkWritableDir(path)
	case err != nil:
		return &DBError{Path: path, Problem: ProblemOther, Err: err}
	case info.IsDir():
		return &DBError{Path: path, Problem: ProblemNotDatabase}
	}
	if err := checkHeader(path, info.Size()); err != nil {
		return err
	}
	if opt.ReadOnly {
		return nil
	}
	// The permission bits are checked as well as the open call, so that a file the
	// user marked read-only stays untouched even for a user who could write it anyway.
	if info.Mode().Perm()&0o200 == 0 {
		return &DBError{Path: path, Problem: ProblemReadOnly}
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return &DBError{Path: path, Problem: ProblemReadOnly, Err: err}
	}
	f.Close()
	return checkWritableDir(path)
}

// checkWritableDir: SQLite keeps its journal next to the file, so the folder must be
// writable too.
func checkWritableDir(path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm()&0o200 == 0 {
		return &DBError{Path: path, Problem: ProblemReadOnly, Err: err}
	}
	probe, err := os.CreateTemp(dir, ".leadboard-probe-*")
	if err != nil {
		return &DBError{Path: path, Problem: ProblemReadOnly, Err: err}
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

var sqliteHeader = []byte("SQLite format 3\x00")

func checkHeader(path string, size int64) error {
	if size == 0 {
		return nil // SQLite treats an empty file as an empty database
	}
	f, err := os.Open(path)
	if err != nil {
		return &DBError{Path: path, Problem: ProblemReadOnly, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return &DBError{Path: path, Problem: ProblemNotDatabase}
	}
	return nil
}

func (s *Store) dsn(opt Options, writer bool) string {
	params := fmt.Sprintf("_fk=1&_busy_timeout=%d&_synchronous=NORMAL", opt.BusyTimeout.Milliseconds())
	switch {
	case opt.ReadOnly:
		// go-sqlite3 passes "mode=ro" to SQLite only in a "file:" URI; on a plain path
		// query_only is what keeps every connection from writing.
		params += "&_query_only=1"
	case writer:
		params += "&_txlock=immediate"
	}
	return s.path + "?" + params
}

func (s *Store) connect(opt Options) error {
	var err error
	if s.write, err = sql.Open("sqlite3", s.dsn(opt, true)); err != nil {
		return s.classify(err)
	}
	s.write.SetMaxOpenConns(1)
	if err := s.identify(); err != nil {
		return err
	}
	if !opt.ReadOnly {
		if err := s.prepareForWrites(); err != nil {
			return err
		}
	}
	if s.read, err = sql.Open("sqlite3", s.dsn(opt, false)); err != nil {
		return s.classify(err)
	}
	s.read.SetMaxOpenConns(4)
	return s.classify(s.read.Ping())
}

// identify reads the schema version and refuses files that are not ours or are newer.
func (s *Store) identify() error {
	var appID, tables int
	row := s.write.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_master)`)
	if err := row.Scan(&appID, &s.version, &tables); err != nil {
		return s.classify(err)
	}
	foreign := appID != applicationID && (appID != 0 || s.version != 0 || tables != 0)
	if foreign {
		return &DBError{Path: s.path, Problem: ProblemNotDatabase}
	}
	if known := len(migrations); s.version > known {
		return &DBError{Path: s.path, Problem: ProblemNewer, Version: s.version, Known: known}
	}
	return nil
}

// prepareForWrites switches to WAL and brings the schema up to date, backing the file
// up first when it already holds data.
func (s *Store) prepareForWrites() error {
	if _, err := s.write.Exec(`PRAGMA journal_mode=WAL`); err != nil {
		return s.classify(err)
	}
	if s.version < len(migrations) && s.version > 0 {
		if err := s.backup(fmt.Sprintf("v%d", s.version)); err != nil {
			return err
		}
	}
	return s.migrate()
}

// backup writes a consistent copy next to the database file.
func (s *Store) backup(label string) error {
	base := fmt.Sprintf("%s.backup-%s-%s", strings.TrimSuffix(s.path, filepath.Ext(s.path)),
		label, s.now().Format("20060102-150405"))
	name := base + ".db"
	for n := 2; fileExists(name); n++ { // VACUUM INTO refuses to overwrite a file
		name = fmt.Sprintf("%s-%d.db", base, n)
	}
	if _, err := s.write.Exec(`VACUUM INTO ?`, name); err != nil {
		return s.classify(fmt.Errorf("backup to %s: %w", name, err))
	}
	return nil
}

// Create makes a new database at path, refusing a path that already exists, so that
// no existing file is ever replaced.
func Create(path string) (*Store, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, &DBError{Path: path, Problem: ProblemOther, Err: err}
	}
	f.Close()
	return Open(path, Options{Create: true})
}

// RemoveFiles deletes a database file and SQLite's files beside it; for a file the
// caller created itself and could not finish.
func RemoveFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// SchemaVersion is the file's schema version (lower than the binary's when the file
// was opened read-only and not migrated).
func (s *Store) SchemaVersion() int { return s.version }

// SetClock replaces the store's notion of "now" (tests and the demo generator).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Now is the store's current time.
func (s *Store) Now() time.Time { return s.now() }

// Today is the store's current date at midnight.
func (s *Store) Today() time.Time { return DateOf(s.now()) }

// Close releases the connections. Safe on a partly opened store.
func (s *Store) Close() error {
	var errs []error
	for _, db := range []*sql.DB{s.read, s.write} {
		if db != nil {
			errs = append(errs, db.Close())
		}
	}
	return errors.Join(errs...)
}

// inTx runs fn in one write transaction: all of it is saved or none of it.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.readOnly {
		return &DBError{Path: s.path, Problem: ProblemReadOnly}
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return s.classify(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.classify(err)
	}
	return s.classify(tx.Commit())
}

// WriteTx runs fn in one write transaction; for bulk writers inside data/ (the demo
// generator, imports) that validate on their own.
func (s *Store) WriteTx(ctx context.Context, fn func(tx *sql.Tx) error) error { return s.inTx(ctx, fn) }

// classify turns SQLite's low-level failures into a *DBError naming the file; other
// errors (validation, not found) pass through unchanged.
func (s *Store) classify(err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	problem := ProblemOther
	switch se.Code {
	case sqlite3.ErrNotADB:
		problem = ProblemNotDatabase
	case sqlite3.ErrCorrupt:
		problem = ProblemDamaged
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		problem = ProblemLocked
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
		problem = ProblemReadOnly
	case sqlite3.ErrConstraint:
		return err // a constraint the validation missed: report as is
	}
	return &DBError{Path: s.path, Problem: problem, Err: err}
}

// DefaultPath is where the user's own database lives: Leadboard/leadboard.db in the
// user's configuration folder (~/.config on Linux).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Leadboard", "leadboard.db"), nil
}
