package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestOpenMissingFileWithoutCreate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "team.db")
	for _, opt := range []Options{{}, {ReadOnly: true}, {ReadOnly: true, Create: true}} {
		_, err := Open(path, opt)
		wantProblem(t, err, ProblemMissing, path)
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%+v: the file was created: %v", opt, err)
		}
		if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%+v: the folder was created", opt)
		}
	}
}

func TestOpenCreatesFileAndFolders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "team.db")
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.SchemaVersion() != LatestSchema() || LatestSchema() < 1 {
		t.Fatalf("schema %d, latest %d", s.SchemaVersion(), LatestSchema())
	}
	if !filepath.IsAbs(s.Path()) || s.Path() != path {
		t.Fatalf("Path() = %q", s.Path())
	}
	var appID int
	if err := s.read.QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil || appID != applicationID {
		t.Fatalf("application_id %x, %v", appID, err)
	}
	grades, err := s.Grades(tctx)
	if err != nil || len(grades) != 4 || grades[0].Code != "junior" || grades[3].Code != "lead" {
		t.Fatalf("grades %+v, %v", grades, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopening neither needs Create nor migrates again (no backup of a current file).
	s = openScratchStoreAt(t, path, Options{})
	if s.SchemaVersion() != LatestSchema() {
		t.Fatalf("reopened schema %d", s.SchemaVersion())
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.backup-*"))
	if len(backups) != 0 {
		t.Fatalf("a new file was backed up: %v", backups)
	}
	if probes, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".leadboard-probe-*")); len(probes) != 0 {
		t.Fatalf("the writability probe was left behind: %v", probes)
	}
}

func TestOpenRelativePathIsMadeAbsolute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s := openScratchStoreAt(t, "rel.db", Options{Create: true})
	if s.Path() != filepath.Join(dir, "rel.db") {
		t.Fatalf("Path() = %q", s.Path())
	}
}

func TestOpenRejectsPathWithQueryCharacters(t *testing.T) {
	for _, name := range []string{"a?mode=memory.db", "a#b.db"} {
		path := filepath.Join(t.TempDir(), name)
		_, err := Open(path, Options{Create: true})
		e := wantProblem(t, err, ProblemOther, path)
		if e.Err == nil || !strings.Contains(e.Error(), "must not contain") {
			t.Fatalf("message %q", e.Error())
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%s was created", path)
		}
	}
}

func TestOpenGarbageFile(t *testing.T) {
	for name, content := range map[string]string{
		"text":  strings.Repeat("Это не база данных, а список дел.\n", 500),
		"short": "SQLite",
		"near":  "SQLite format 2\x00" + strings.Repeat("x", 5000),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			before := statFile(t, path)
			for _, opt := range []Options{{}, {Create: true}, {ReadOnly: true}} {
				_, err := Open(path, opt)
				e := wantProblem(t, err, ProblemNotDatabase, path)
				if !strings.Contains(e.Error(), "not a Leadboard database") {
					t.Fatalf("message %q", e.Error())
				}
			}
			assertUntouched(t, path, before)
			assertNoSidecars(t, path)
		})
	}
}

func TestOpenDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, Options{Create: true})
	wantProblem(t, err, ProblemNotDatabase, dir)
}

func TestOpenZeroLengthFileIsNew(t *testing.T) {
	path := testDBPath(t)
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := openScratchStoreAt(t, path, Options{})
	if s.SchemaVersion() != LatestSchema() {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	if _, err := s.SaveStaff(tctx, samplePerson(t, s, "Петров Пётр"), GradeChange{}); err != nil {
		t.Fatal(err)
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.backup-*"))
	if len(backups) != 0 {
		t.Fatalf("an empty file was backed up: %v", backups)
	}
}

func TestOpenAnotherProgramsDatabase(t *testing.T) {
	cases := map[string]string{
		"own tables": `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
			INSERT INTO notes (body) VALUES ('купить молоко'), ('позвонить');`,
		"own application id": `PRAGMA application_id = 305419896;`,
		"own user version":   `PRAGMA user_version = 1;`,
	}
	for name, script := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.sqlite")
			db := rawDB(t, path, "")
			rawExec(t, db, script)
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			before := statFile(t, path)
			time.Sleep(10 * time.Millisecond) // a write would show in the modification time
			for _, opt := range []Options{{}, {Create: true}, {ReadOnly: true}} {
				_, err := Open(path, opt)
				wantProblem(t, err, ProblemNotDatabase, path)
			}
			assertUntouched(t, path, before)
		})
	}
}

func TestOpenNewerSchema(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	db := rawDB(t, path, "")
	rawExec(t, db, `PRAGMA user_version = 99`)
	db.Close()
	before := statFile(t, path)
	time.Sleep(10 * time.Millisecond)
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		_, err := Open(path, opt)
		e := wantProblem(t, err, ProblemNewer, path)
		if e.Version != 99 || e.Known != LatestSchema() {
			t.Fatalf("Version %d Known %d", e.Version, e.Known)
		}
		if msg := e.Error(); !strings.Contains(msg, "99") || !strings.Contains(msg, "newer") {
			t.Fatalf("message %q", msg)
		}
	}
	assertUntouched(t, path, before)
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.backup-*"))
	if len(backups) != 0 {
		t.Fatalf("a newer file was backed up: %v", backups)
	}
}

// bigLeadboardFile writes a database file of many pages and returns its bytes.
func bigLeadboardFile(t *testing.T, path string) []byte {
	t.Helper()
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	err = s.WriteTx(tctx, func(tx *sql.Tx) error {
		for i := range 300 {
			_, err := tx.Exec(`INSERT INTO staff (full_name, grade_id, hire_date, notes) VALUES (?, 1, '2020-01-01', ?)`,
				"Сотрудник "+strings.Repeat("Я", i%40), strings.Repeat("заметка ", 60))
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 20*4096 {
		t.Fatalf("the file is only %d bytes", len(b))
	}
	return b
}

func TestOpenDamagedFile(t *testing.T) {
	good := bigLeadboardFile(t, testDBPath(t))
	cases := map[string]func([]byte) []byte{
		"page 1 overwritten": func(b []byte) []byte {
			for i := 100; i < 4096; i++ {
				b[i] = byte(i*31 + 7)
			}
			return b
		},
		"truncated":          func(b []byte) []byte { return b[:len(b)/2/4096*4096] },
		"truncated mid-page": func(b []byte) []byte { return b[:3*4096+1000] },
	}
	for name, damage := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(path, damage(slices.Clone(good)), 0o644); err != nil {
				t.Fatal(err)
			}
			before := statFile(t, path)
			for _, opt := range []Options{{}, {ReadOnly: true}} {
				s, err := Open(path, opt)
				if err == nil {
					s.Close()
					t.Fatalf("%+v: a damaged file opened", opt)
				}
				e, ok := AsDBError(err)
				if !ok || (e.Problem != ProblemDamaged && e.Problem != ProblemNotDatabase) {
					t.Fatalf("%+v: want damaged or not a database, got %T %v", opt, err, err)
				}
				if msg := e.Error(); !strings.HasPrefix(msg, path+": ") || len(msg) < len(path)+20 {
					t.Fatalf("message %q", msg)
				}
			}
			assertUntouched(t, path, before)
			backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.backup-*"))
			if len(backups) != 0 {
				t.Fatalf("a damaged file was backed up: %v", backups)
			}
		})
	}
}

func TestOpenReadOnlyFile(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o644) })
	before := statFile(t, path)
	time.Sleep(10 * time.Millisecond)
	_, err := Open(path, Options{})
	e := wantProblem(t, err, ProblemReadOnly, path)
	if !strings.Contains(e.Error(), "read-only") {
		t.Fatalf("message %q", e.Error())
	}
	assertUntouched(t, path, before)

	// The ReadOnly option still shows what the file holds.
	s := openScratchStoreAt(t, path, Options{ReadOnly: true})
	rows, err := s.ListStaff(tctx, StaffFilter{})
	if err != nil || len(rows) != 1 || rows[0].FullName != "Иванов Иван" {
		t.Fatalf("ListStaff %+v, %v", rows, err)
	}
	s.Close()
	assertUntouched(t, path, before)
}

func TestOpenInReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.db")
	createLeadboardFile(t, path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	entries := func() []string {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}
	listing := entries()
	before := statFile(t, path)

	_, err := Open(path, Options{})
	wantProblem(t, err, ProblemReadOnly, path)
	assertUntouched(t, path, before)

	fresh := filepath.Join(dir, "new.db")
	_, err = Open(fresh, Options{Create: true})
	wantProblem(t, err, ProblemReadOnly, fresh)

	if got := entries(); !slices.Equal(got, listing) {
		t.Fatalf("the read-only folder changed: %v -> %v", listing, got)
	}
}

func TestOpenLockedDatabase(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	other := rawDB(t, path, "_locking_mode=EXCLUSIVE")
	rawExec(t, other, `UPDATE staff SET notes = 'занято'`)

	start := time.Now()
	_, err := Open(path, Options{BusyTimeout: 200 * time.Millisecond})
	e := wantProblem(t, err, ProblemLocked, path)
	if !strings.Contains(e.Error(), "locked") {
		t.Fatalf("message %q", e.Error())
	}
	if waited := time.Since(start); waited < 150*time.Millisecond || waited > 5*time.Second {
		t.Fatalf("waited %v for a 200 ms busy timeout", waited)
	}
	_, err = Open(path, Options{ReadOnly: true, BusyTimeout: 100 * time.Millisecond})
	wantProblem(t, err, ProblemLocked, path)

	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	s := openScratchStoreAt(t, path, Options{BusyTimeout: 200 * time.Millisecond})
	p, err := s.GetStaff(tctx, 1)
	if err != nil || p.Notes != "занято" {
		t.Fatalf("after the lock: %+v, %v", p, err)
	}
}

func TestWriteWhileAnotherProgramWrites(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	s := openScratchStoreAt(t, path, Options{BusyTimeout: 200 * time.Millisecond})
	other := rawDB(t, path, "")
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE staff SET notes = 'другая программа'`); err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveStaff(tctx, samplePerson(t, s, "Сидоров Сидор"), GradeChange{})
	wantProblem(t, err, ProblemLocked, path)
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	rows, err := s.ListStaff(tctx, StaffFilter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("the refused write was saved: %+v, %v", rows, err)
	}
	if _, err := s.SaveStaff(tctx, samplePerson(t, s, "Сидоров Сидор"), GradeChange{}); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
}

func TestReadOnlyOptionNeverWrites(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	base := LatestSchema()
	withMigrations(t, `CREATE TABLE later (id INTEGER PRIMARY KEY);`)
	before := statFile(t, path)
	time.Sleep(10 * time.Millisecond)

	s := openScratchStoreAt(t, path, Options{ReadOnly: true})
	if s.SchemaVersion() != base || LatestSchema() != base+1 {
		t.Fatalf("a read-only open migrated: schema %d of %d", s.SchemaVersion(), LatestSchema())
	}
	rows, err := s.ListStaff(tctx, StaffFilter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("ListStaff %+v, %v", rows, err)
	}
	_, err = s.SaveStaff(tctx, samplePerson(t, s, "Сидоров Сидор"), GradeChange{})
	wantProblem(t, err, ProblemReadOnly, path)
	err = s.WriteTx(tctx, func(tx *sql.Tx) error {
		t.Error("WriteTx ran on a read-only store")
		return nil
	})
	wantProblem(t, err, ProblemReadOnly, path)
	// Not even SQL that bypasses the store's own checks may write.
	for _, db := range []*sql.DB{s.write, s.read} {
		if _, err := db.Exec(`CREATE TABLE sneaky (x)`); err == nil {
			t.Fatal("a read-only store's connection wrote to the file")
		}
		if _, err := db.Exec(`PRAGMA user_version = 7`); err == nil {
			if v := countRows(t, s, `PRAGMA user_version`); v == 7 {
				t.Fatal("a read-only store's connection changed user_version")
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	assertUntouched(t, path, before)
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.backup-*"))
	if len(backups) != 0 {
		t.Fatalf("a read-only open wrote a backup: %v", backups)
	}
}

func TestConnectionsUseWALAndForeignKeys(t *testing.T) {
	s := openScratchStore(t)
	var mode string
	if err := s.write.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("writer journal_mode %q, %v", mode, err)
	}
	// Hold several pooled connections at once so each is checked, not one reused.
	var conns []*sql.Conn
	for range 3 {
		c, err := s.read.Conn(tctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for i, c := range conns {
		var fk int
		if err := c.QueryRowContext(tctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Fatalf("reader %d foreign_keys %d, %v", i, fk, err)
		}
		if err := c.QueryRowContext(tctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Fatalf("reader %d journal_mode %q, %v", i, mode, err)
		}
	}
	var fk int
	if err := s.write.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("writer foreign_keys %d, %v", fk, err)
	}
	// The mode is stored in the file: another program sees WAL too.
	s.Close()
	db := rawDB(t, s.Path(), "")
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("file journal_mode %q, %v", mode, err)
	}
}

func TestMigrationBacksUpFileWithData(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.db")
	createLeadboardFile(t, path)
	base := LatestSchema()
	withMigrations(t, `CREATE TABLE extra (id INTEGER PRIMARY KEY, note TEXT NOT NULL DEFAULT '');`)

	s := openScratchStoreAt(t, path, Options{})
	if s.SchemaVersion() != base+1 || LatestSchema() != base+1 {
		t.Fatalf("schema %d, latest %d", s.SchemaVersion(), LatestSchema())
	}
	if n := countRows(t, s, `SELECT count(*) FROM sqlite_master WHERE name = 'extra'`); n != 1 {
		t.Fatal("the new migration did not run")
	}
	backups, err := filepath.Glob(filepath.Join(dir, fmt.Sprintf("team.backup-v%d-*.db", base)))
	if err != nil || len(backups) != 1 {
		t.Fatalf("backups %v, %v", backups, err)
	}
	b := openScratchStoreAt(t, backups[0], Options{ReadOnly: true})
	if b.SchemaVersion() != base {
		t.Fatalf("backup schema %d", b.SchemaVersion())
	}
	rows, err := b.ListStaff(tctx, StaffFilter{})
	if err != nil || len(rows) != 1 || rows[0].FullName != "Иванов Иван" {
		t.Fatalf("backup staff %+v, %v", rows, err)
	}
	if n := countRows(t, b, `SELECT count(*) FROM sqlite_master WHERE name = 'extra'`); n != 0 {
		t.Fatal("the backup was taken after migrating")
	}
	s.Close()
	b.Close()

	// A file already at the latest schema is not backed up again.
	s = openScratchStoreAt(t, path, Options{})
	again, _ := filepath.Glob(filepath.Join(dir, "*.backup-*"))
	if len(again) != 1 {
		t.Fatalf("backups after reopening: %v", again)
	}
}

func TestFailingMigrationChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.db")
	createLeadboardFile(t, path)
	ro := openScratchStoreAt(t, path, Options{ReadOnly: true})
	before := dbSnapshot(t, ro)
	ro.Close()
	base := LatestSchema()

	withMigrations(t, `CREATE TABLE half (x); INSERT INTO half VALUES (1);
		UPDATE staff SET notes = 'изменено';
		INSERT INTO no_such_table VALUES (1);`)
	_, err := Open(path, Options{})
	e := wantProblem(t, err, ProblemOther, path)
	if !strings.Contains(e.Error(), fmt.Sprintf("migration %d", base+1)) {
		t.Fatalf("message %q", e.Error())
	}
	ro = openScratchStoreAt(t, path, Options{ReadOnly: true})
	if ro.SchemaVersion() != base {
		t.Fatalf("schema %d after a failed migration", ro.SchemaVersion())
	}
	if after := dbSnapshot(t, ro); after != before {
		t.Fatalf("a failed migration changed the file:\n%s\n---\n%s", before, after)
	}
	ro.Close()
	// The backup was taken before the attempt.
	if backups, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("team.backup-v%d-*.db", base))); len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
}

func TestEachMigrationIsItsOwnTransaction(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.db")
	createLeadboardFile(t, path)
	base := LatestSchema()
	withMigrations(t,
		`CREATE TABLE second (x); INSERT INTO second VALUES (2);`,
		`CREATE TABLE third (x); INSERT INTO missing VALUES (3);`)
	_, err := Open(path, Options{})
	wantProblem(t, err, ProblemOther, path)

	db := rawDB(t, path, "")
	if v := rawInt(t, db, `PRAGMA user_version`); v != base+1 {
		t.Fatalf("user_version %d, want %d (the migration that worked stays)", v, base+1)
	}
	if n := rawInt(t, db, `SELECT count(*) FROM second`); n != 1 {
		t.Fatalf("second holds %d rows", n)
	}
	if n := rawInt(t, db, `SELECT count(*) FROM sqlite_master WHERE name = 'third'`); n != 0 {
		t.Fatal("the failed migration left its table behind")
	}
	if n := rawInt(t, db, `SELECT count(*) FROM staff`); n != 1 {
		t.Fatalf("staff rows %d", n)
	}
	db.Close()

	// Fixing the script lets the next start finish from version 2.
	migrations[base+1] = `CREATE TABLE third (x);`
	s := openScratchStoreAt(t, path, Options{})
	if s.SchemaVersion() != base+2 {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	if backups, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("team.backup-v%d-*.db", base+1))); len(backups) != 1 {
		t.Fatalf("no backup of version 2: %v", backups)
	}
}

func TestHistoryIsNeverCascadeDeleted(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	mustSaveContract(t, s, sampleContract(client, "Д-1"))
	mustSaveInteraction(t, s, sampleComplaint(client, atTime("2026-03-01 10:00")))
	before := dbSnapshot(t, s)
	for _, q := range []string{
		`DELETE FROM staff WHERE id = ?`,
		`DELETE FROM clients WHERE id = ?`,
	} {
		id := lead
		if strings.Contains(q, "clients") {
			id = client
		}
		_, err := s.write.Exec(q, id)
		if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := s.write.Exec(`DELETE FROM grade_levels WHERE code = 'middle'`); err == nil {
		t.Fatal("a grade in use was deleted")
	}
	if after := dbSnapshot(t, s); after != before {
		t.Fatal("a refused delete changed the database")
	}
}

func TestDBErrorMessagesNameTheFile(t *testing.T) {
	path := filepath.Join("/data", "команда.db")
	cause := errors.New("disk on fire")
	for _, p := range []Problem{ProblemMissing, ProblemNotDatabase, ProblemDamaged, ProblemNewer,
		ProblemLocked, ProblemReadOnly, ProblemOther} {
		e := &DBError{Path: path, Problem: p, Version: 9, Known: 1, Err: cause}
		msg := e.Error()
		if !strings.HasPrefix(msg, path+": ") || len(msg) < len(path)+15 {
			t.Errorf("%s: %q", p, msg)
		}
		if !errors.Is(e, cause) {
			t.Errorf("%s does not unwrap", p)
		}
		if got, ok := AsDBError(errors.Join(errors.New("x"), e)); !ok || got != e {
			t.Errorf("AsDBError(%s) failed", p)
		}
	}
	if msg := (&DBError{Path: path, Problem: ProblemOther, Err: cause}).Error(); !strings.Contains(msg, "disk on fire") {
		t.Errorf("other: %q", msg)
	}
	if msg := (&DBError{Path: path, Problem: ProblemNewer, Version: 9, Known: 1}).Error(); !strings.Contains(msg, "9") ||
		!strings.Contains(msg, "1") {
		t.Errorf("newer: %q", msg)
	}
}

func TestValidationErrorHelpers(t *testing.T) {
	var c checker
	c.add("fte", "range", "Min", 0.1, "Max", 1.0)
	c.add("email", "invalid_email")
	err := c.err()
	v, ok := AsValidation(err)
	if !ok || len(v.Fields) != 2 {
		t.Fatalf("%v", err)
	}
	f, ok := v.For("fte")
	if !ok || f.Code != "range" || f.Params["Min"] != 0.1 || f.Params["Max"] != 1.0 {
		t.Fatalf("For(fte) = %+v", f)
	}
	if _, ok := v.For("name"); ok {
		t.Fatal("For(name) found a field")
	}
	if msg := v.Error(); !strings.Contains(msg, "fte: range") || !strings.Contains(msg, "email: invalid email") {
		t.Fatalf("message %q", msg)
	}
	if (&checker{}).err() != nil {
		t.Fatal("an empty checker reported an error")
	}
}

// assertNoSidecars checks that SQLite left no journal files next to path.
func assertNoSidecars(t *testing.T, path string) {
	t.Helper()
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s%s was created", path, suffix)
		}
	}
}

// Migration 3 makes a log entry's client, time and kind unique; twins already in a
// file move to the next free minute instead of stopping the upgrade.
func TestNaturalKeyMigrationKeepsTwins(t *testing.T) {
	path := testDBPath(t)
	// A file at schema 2, written with the first two migrations only.
	full := migrations
	migrations = full[:2]
	s, err := Open(path, Options{Create: true})
	migrations = full
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rawDB(t, path, "")
	rawExec(t, db, `INSERT INTO clients (id, name, tier, status, start_date, name_key) VALUES
		(1, 'Ромашка', 'B', 'active', '2025-01-01', 'ромашка')`)
	client := int64(1)
	for _, at := range []string{"2026-03-10 10:00", "2026-03-10 10:00", "2026-03-10 10:01", "2026-03-10 10:00"} {
		rawExec(t, db, `INSERT INTO interactions (client_id, occurred_at, channel, kind) VALUES (?, ?, 'call', 'complaint')`,
			client, at)
	}
	db.Close()

	s = openScratchStoreAt(t, path, Options{})
	got, err := s.ClientDetail(tctx, client)
	if err != nil {
		t.Fatal(err)
	}
	var times []string
	for _, in := range got.Interactions {
		times = append(times, in.At.Format(DateTimeLayout))
	}
	slices.Sort(times)
	if want := []string{"2026-03-10 10:00", "2026-03-10 10:01", "2026-03-10 10:02", "2026-03-10 10:03"}; !slices.Equal(times, want) {
		t.Fatalf("entries at %v, want %v", times, want)
	}
}
