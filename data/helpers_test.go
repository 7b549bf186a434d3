package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"leadboard/data/internal/dbdump"
)

// clockNow is the fixed "now" of every store opened by openScratchStore: Monday 16 March
// 2026, noon.
var clockNow = time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)

// clockToday is clockNow's date.
var clockToday = Day(2026, 3, 16)

// tctx is the context of every store call in the tests.
var tctx = context.Background()

// testDBPath is a database path in a fresh temporary folder.
func testDBPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "leadboard.db")
}

// openScratchStore creates a new database file with the clock fixed at clockNow.
func openScratchStore(t *testing.T) *Store {
	t.Helper()
	return openScratchStoreAt(t, testDBPath(t), Options{Create: true})
}

// openScratchStoreAt opens path with opt, fixes the clock and closes the store at the
// end of the test.
func openScratchStoreAt(t *testing.T, path string, opt Options) *Store {
	t.Helper()
	s, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	s.SetClock(func() time.Time { return clockNow })
	t.Cleanup(func() { s.Close() })
	return s
}

// gradeIDByCode finds a grade of the ladder by its code.
func gradeIDByCode(t *testing.T, s *Store, code string) int64 {
	t.Helper()
	grades, err := s.Grades(tctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range grades {
		if g.Code == code {
			return g.ID
		}
	}
	t.Fatalf("no grade %q", code)
	return 0
}

// samplePerson is a valid active full-time middle account manager hired in 2022.
func samplePerson(t *testing.T, s *Store, name string) Staff {
	t.Helper()
	return Staff{FullName: name, Position: "Аккаунт-менеджер", GradeID: gradeIDByCode(t, s, "middle"),
		Team: "Альфа", HireDate: Day(2022, 2, 1), FTE: 1, Status: StaffActive}
}

func mustSaveStaff(t *testing.T, s *Store, p Staff) int64 {
	t.Helper()
	id, err := s.SaveStaff(tctx, p, GradeChange{})
	if err != nil {
		t.Fatalf("SaveStaff(%s): %v", p.FullName, err)
	}
	return id
}

// seedPerson saves samplePerson(name) and returns the id.
func seedPerson(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	return mustSaveStaff(t, s, samplePerson(t, s, name))
}

// sampleClient is a valid active tier-B client that started in 2023.
func sampleClient(name string) Client {
	return Client{Name: name, Industry: "Ритейл", Tier: "B", Status: ClientActive, MonthlyBudget: 500_000,
		Complexity: 3, StartDate: Day(2023, 1, 10), Services: []string{"media_buying"}}
}

func mustSaveClient(t *testing.T, s *Store, c Client, team ClientTeam) int64 {
	t.Helper()
	id, err := s.SaveClient(tctx, c, team)
	if err != nil {
		t.Fatalf("SaveClient(%s): %v", c.Name, err)
	}
	return id
}

// seedClient saves an active client led by lead.
func seedClient(t *testing.T, s *Store, name string, lead int64) int64 {
	t.Helper()
	return mustSaveClient(t, s, sampleClient(name), ClientTeam{LeadID: lead})
}

// sampleContract is a valid active contract of the client.
func sampleContract(clientID int64, number string) Contract {
	return Contract{ClientID: clientID, Number: number, Start: Day(2025, 1, 1), End: Day(2026, 12, 31),
		MonthlyFee: 150_000, Status: ContractActive, RenewalNoticeDays: 30, SLAHours: 24,
		ReportFrequency: "monthly", ReportWorkday: 5}
}

func mustSaveContract(t *testing.T, s *Store, k Contract) int64 {
	t.Helper()
	id, err := s.SaveContract(tctx, k)
	if err != nil {
		t.Fatalf("SaveContract(%s): %v", k.Number, err)
	}
	return id
}

func mustSaveInteraction(t *testing.T, s *Store, in Interaction) int64 {
	t.Helper()
	id, err := s.SaveInteraction(tctx, in)
	if err != nil {
		t.Fatalf("SaveInteraction(%s): %v", in.Kind, err)
	}
	return id
}

// sampleComplaint is an open complaint logged at the given time.
func sampleComplaint(clientID int64, at time.Time) Interaction {
	return Interaction{ClientID: clientID, At: at, Channel: "email", Kind: KindComplaint}
}

// wantField asserts that err is a *ValidationError with code on field.
func wantField(t *testing.T, err error, field, code string) FieldError {
	t.Helper()
	v, ok := AsValidation(err)
	if !ok {
		t.Fatalf("want a validation error %s/%s, got %T %v", field, code, err, err)
	}
	for _, f := range v.Fields {
		if f.Field == field && f.Code == code {
			return f
		}
	}
	t.Fatalf("want %s/%s, got %v", field, code, v)
	return FieldError{}
}

// wantProblem asserts that err is a *DBError of the given kind whose message names path.
func wantProblem(t *testing.T, err error, problem Problem, path string) *DBError {
	t.Helper()
	e, ok := AsDBError(err)
	if !ok {
		t.Fatalf("want a DBError %s, got %T %v", problem, err, err)
	}
	if e.Problem != problem {
		t.Fatalf("want problem %s, got %s (%v)", problem, e.Problem, err)
	}
	if path != "" && !strings.Contains(e.Error(), path) {
		t.Fatalf("message %q does not name %s", e.Error(), path)
	}
	return e
}

// dbSnapshot renders every row of every table plus the schema version, to prove that a
// refused operation wrote nothing.
func dbSnapshot(t *testing.T, s *Store) string {
	t.Helper()
	d, err := dbdump.Dump(s.read)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// expectInvalid runs op, which must fail validation with code on field, and checks
// that the database is exactly as it was.
func expectInvalid(t *testing.T, s *Store, field, code string, op func() error) FieldError {
	t.Helper()
	before := dbSnapshot(t, s)
	fe := wantField(t, op(), field, code)
	if after := dbSnapshot(t, s); after != before {
		t.Fatalf("a refused operation changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	return fe
}

// fileState is a file's content and modification time.
type fileState struct {
	data  []byte
	mtime time.Time
	mode  os.FileMode
}

func statFile(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{data: data, mtime: info.ModTime(), mode: info.Mode()}
}

// assertUntouched checks that the file has the same bytes and modification time.
func assertUntouched(t *testing.T, path string, before fileState) {
	t.Helper()
	after := statFile(t, path)
	if !bytes.Equal(before.data, after.data) {
		t.Errorf("%s: content changed (%d -> %d bytes)", path, len(before.data), len(after.data))
	}
	if !before.mtime.Equal(after.mtime) {
		t.Errorf("%s: modification time changed", path)
	}
	if before.mode != after.mode {
		t.Errorf("%s: mode changed %v -> %v", path, before.mode, after.mode)
	}
}

// rawDB opens path with the plain go-sqlite3 driver, registered as "sqlite3" (as
// another program would).
func rawDB(t *testing.T, path, params string) *sql.DB {
	t.Helper()
	dsn := path
	if params != "" {
		dsn += "?" + params
	}
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func rawExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func rawInt(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// countRows runs a count query through the store's read pool.
func countRows(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.read.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// assignmentsOf lists a client's assignment rows in insertion order.
func assignmentsOf(t *testing.T, s *Store, clientID int64) []Assignment {
	t.Helper()
	rows, err := s.read.Query(`SELECT id, client_id, staff_id, role, start_date, end_date FROM assignments
		WHERE client_id = ? ORDER BY id`, clientID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []Assignment
	for rows.Next() {
		var a Assignment
		if err := rows.Scan(&a.ID, &a.ClientID, &a.StaffID, &a.Role, scanTime(&a.Start), scanTime(&a.End)); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// openRole is the open assignment of the client in the role (zero when none).
func openRole(t *testing.T, s *Store, clientID int64, role Role) Assignment {
	t.Helper()
	var found Assignment
	for _, a := range assignmentsOf(t, s, clientID) {
		if a.Role == role && a.End.IsZero() {
			if found.ID != 0 {
				t.Fatalf("client %d has two open %s rows", clientID, role)
			}
			found = a
		}
	}
	return found
}

// createLeadboardFile makes a database file with one person in it and closes it.
func createLeadboardFile(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.SaveStaff(tctx, samplePerson(t, s, "Иванов Иван"), GradeChange{}); err != nil {
		t.Fatal(err)
	}
}

// withMigrations appends scripts to the embedded migrations for one test.
func withMigrations(t *testing.T, scripts ...string) {
	t.Helper()
	orig := migrations
	migrations = append(slices.Clone(orig), scripts...)
	t.Cleanup(func() { migrations = orig })
}

func isErr(err, target error) bool { return errors.Is(err, target) }

func atTime(s string) time.Time {
	t, err := time.Parse(DateTimeLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}
