package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckHealthyFixture(t *testing.T) {
	f := newListFixture(t)
	r, err := f.s.Check(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Healthy || len(r.Problems) != 0 {
		t.Fatalf("problems %v", r.Problems)
	}
	if r.Path != f.s.Path() || r.SchemaVersion != LatestSchema() || r.LatestSchema != LatestSchema() {
		t.Fatalf("report %+v", r)
	}
	want := map[string]int{
		"staff":         6,
		"clients":       7,
		"contacts":      0,
		"contracts":     10,
		"assignments":   6, // Альфа, Бета and Гамма each have a lead and a backup
		"interactions":  10,
		"grade_levels":  4,
		"grade_history": 6,
		"kpis":          21, // the derived KPIs, seeded by migration 4
		"kpi_values":    0,
		"kpi_targets":   0,
		"review_cycles": 0,
		"reviews":       0,
		"feedback":      0,
		"competencies":  0,
		"assessments":   0,
		"plan_items":    0,
		"trainings":     0,
		"audits":        0, "audit_items": 0, "actions": 0, "procedures": 0, "opportunities": 0,
	}
	for _, table := range CountedTables {
		if _, ok := want[table]; !ok {
			t.Errorf("no expectation for %s", table)
		}
	}
	for table, n := range want {
		if r.Counts[table] != n {
			t.Errorf("%s: %d, want %d", table, r.Counts[table], n)
		}
	}
}

func TestCheckFindsForeignKeyViolation(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	db := rawDB(t, path, "_fk=0")
	rawExec(t, db, `INSERT INTO assignments (client_id, staff_id, role, start_date) VALUES (77, 1, 'lead', '2026-01-01')`)
	rawExec(t, db, `INSERT INTO grade_history (staff_id, changed_on, to_grade_id) VALUES (88, '2026-01-01', 1)`)
	db.Close()

	s := openScratchStoreAt(t, path, Options{ReadOnly: true})
	r, err := s.Check(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Healthy {
		t.Fatal("a foreign-key violation was reported healthy")
	}
	joined := strings.Join(r.Problems, "\n")
	for _, want := range []string{"foreign key: assignments", "missing clients", "foreign key: grade_history", "missing staff"} {
		if !strings.Contains(joined, want) {
			t.Errorf("problems %q lack %q", joined, want)
		}
	}
	if len(r.Problems) != 2 || r.Counts["assignments"] != 1 {
		t.Errorf("problems %v, counts %v", r.Problems, r.Counts)
	}
}

func TestCheckFindsIntegrityProblems(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	// Make an index disagree with its table, as a half-written page would.
	db := rawDB(t, path, "")
	rawExec(t, db, `PRAGMA writable_schema = ON`)
	rawExec(t, db, `UPDATE sqlite_master SET sql = 'CREATE INDEX staff_status ON staff(team)' WHERE name = 'staff_status'`)
	db.Close()

	s := openScratchStoreAt(t, path, Options{ReadOnly: true})
	r, err := s.Check(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Healthy || len(r.Problems) == 0 || !strings.HasPrefix(r.Problems[0], "integrity: ") {
		t.Fatalf("report %+v", r)
	}
}

func TestCheckOnDamagedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "team.db")
	good := bigLeadboardFile(t, path)
	damaged := append([]byte(nil), good...)
	// Leave page 1 (the schema) intact, so the file opens, and wreck a run of data pages.
	for i := 4 * 4096; i < 12*4096; i++ {
		damaged[i] = byte(i*13 + 5)
	}
	if err := os.WriteFile(path, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{ReadOnly: true}, {}} {
		s, err := Open(path, opt)
		if err != nil {
			wantProblem(t, err, ProblemDamaged, path)
			continue
		}
		r, err := s.Check(tctx)
		s.Close()
		if err != nil {
			wantProblem(t, err, ProblemDamaged, path)
			continue
		}
		if r.Healthy || len(r.Problems) == 0 {
			t.Fatalf("%+v: a damaged file was reported healthy: %+v", opt, r)
		}
	}
}

func TestCheckOlderSchemaReadOnly(t *testing.T) {
	path := testDBPath(t)
	createLeadboardFile(t, path)
	base := LatestSchema()
	withMigrations(t, `CREATE TABLE future_things (id INTEGER PRIMARY KEY);`)
	CountedTables = append(CountedTables, "future_things")
	t.Cleanup(func() { CountedTables = CountedTables[:len(CountedTables)-1] })

	s := openScratchStoreAt(t, path, Options{ReadOnly: true})
	r, err := s.Check(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Healthy || r.SchemaVersion != base || r.LatestSchema != base+1 {
		t.Fatalf("report %+v", r)
	}
	if _, ok := r.Counts["future_things"]; ok || r.Counts["staff"] != 1 {
		t.Fatalf("counts %v", r.Counts)
	}
}
