package demo_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"leadboard/data"
	"leadboard/data/demo"
	"leadboard/data/internal/dbdump"
)

var asOf = data.Day(2026, 3, 31)

// generate makes a small demo database in a fresh file.
func generate(t testing.TB, seed int64, at time.Time) (*data.Store, demo.Summary) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sum, err := demo.Generate(context.Background(), s, demo.Options{Scale: demo.Small, Seed: seed, AsOf: at})
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return at.Add(12 * time.Hour) })
	return s, sum
}

var shared struct {
	once sync.Once
	dir  string
	path string
	sum  demo.Summary
	err  error
}

// fixture is one small demo database shared by the tests that only read it.
func fixture(t *testing.T) (*data.Store, *sql.DB) {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "leadboard-demo-test-")
		if shared.err != nil {
			return
		}
		shared.path = filepath.Join(shared.dir, "demo.db")
		s, err := data.Open(shared.path, data.Options{Create: true})
		if err != nil {
			shared.err = err
			return
		}
		defer s.Close()
		shared.sum, shared.err = demo.Generate(context.Background(), s, demo.Options{Seed: 42, AsOf: asOf})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	s, err := data.Open(shared.path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return asOf.Add(12 * time.Hour) })
	return s, rawDB(t, shared.path)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// dump renders every table, row by row with value types, in a stable order.
func dump(t testing.TB, db *sql.DB) string {
	t.Helper()
	d, err := dbdump.Dump(db)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func queryStrings(t testing.TB, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func queryInt(t testing.TB, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestDeterministic(t *testing.T) {
	s1, sum1 := generate(t, 7, asOf)
	s2, sum2 := generate(t, 7, asOf)
	s3, _ := generate(t, 8, asOf)
	d1, d2, d3 := dump(t, rawDB(t, s1.Path())), dump(t, rawDB(t, s2.Path())), dump(t, rawDB(t, s3.Path()))
	if !reflect.DeepEqual(sum1, sum2) {
		t.Errorf("summaries differ: %+v and %+v", sum1, sum2)
	}
	if d1 != d2 {
		t.Errorf("the same seed gave different tables (sha256 %x and %x)", sha256.Sum256([]byte(d1)), sha256.Sum256([]byte(d2)))
	}
	if d1 == d3 {
		t.Error("different seeds gave the same tables")
	}
	// Data ends at AsOf, whatever today is.
	s4, _ := generate(t, 7, data.Day(2025, 6, 30))
	if d4 := dump(t, rawDB(t, s4.Path())); d4 == d1 {
		t.Error("a different AsOf gave the same tables")
	}
}

func TestSmallShape(t *testing.T) {
	s, db := fixture(t)
	ctx := context.Background()
	sum := shared.sum
	check := func(what string, got, lo, hi int) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s = %d, want %d-%d", what, got, lo, hi)
		}
	}
	check("staff", sum.Staff, 15, 20)
	check("clients", sum.Clients, 70, 70)
	check("contacts", sum.Contacts, 70, 280)
	check("interactions", sum.Interactions, 8000, 20000)
	check("current staff", queryInt(t, db, `SELECT count(*) FROM staff WHERE status <> 'left'`), 13, 17)
	check("staff on leave", queryInt(t, db, `SELECT count(*) FROM staff WHERE status = 'on_leave'`), 1, 2)
	check("staff who left", queryInt(t, db, `SELECT count(*) FROM staff WHERE status = 'left'`), 1, 5)
	check("team leads", queryInt(t, db, `SELECT count(*) FROM staff s JOIN grade_levels g ON g.id = s.grade_id
		WHERE g.code = 'lead' AND s.status <> 'left'`), 1, 2)
	check("teams", queryInt(t, db, `SELECT count(DISTINCT team) FROM staff`), 2, 3)
	for _, code := range []string{"junior", "middle", "senior", "lead"} {
		check("current "+code, queryInt(t, db, `SELECT count(*) FROM staff s JOIN grade_levels g ON g.id = s.grade_id
			WHERE g.code = ? AND s.status <> 'left'`, code), 1, 6)
	}
	check("active clients", queryInt(t, db, `SELECT count(*) FROM clients WHERE status = 'active'`), 52, 60)
	check("paused clients", queryInt(t, db, `SELECT count(*) FROM clients WHERE status = 'paused'`), 1, 5)
	check("churned clients", queryInt(t, db, `SELECT count(*) FROM clients WHERE status = 'churned'`), 7, 11)
	check("prospects", queryInt(t, db, `SELECT count(*) FROM clients WHERE status = 'prospect'`), 1, 5)
	check("tier A", queryInt(t, db, `SELECT count(*) FROM clients WHERE tier = 'A'`), 8, 13)
	check("tier B", queryInt(t, db, `SELECT count(*) FROM clients WHERE tier = 'B'`), 21, 28)
	check("churned in the window", queryInt(t, db, `SELECT count(*) FROM clients WHERE status = 'churned'
		AND churn_date BETWEEN '2024-04-01' AND '2026-03-31' AND churn_reason <> ''`), 7, 11)
	check("budgets out of the tier's range", queryInt(t, db, `SELECT count(*) FROM clients WHERE monthly_budget % 1000 <> 0
		OR (tier = 'A' AND monthly_budget NOT BETWEEN 3000000 AND 15000000)
		OR (tier = 'B' AND monthly_budget NOT BETWEEN 800000 AND 3000000)
		OR (tier = 'C' AND monthly_budget NOT BETWEEN 150000 AND 800000)`), 0, 0)
	check("clients without services", queryInt(t, db, `SELECT count(*) FROM clients c
		WHERE NOT EXISTS (SELECT 1 FROM client_services s WHERE s.client_id = c.id)`), 0, 0)
	check("clients without a decision maker", queryInt(t, db, `SELECT count(*) FROM clients c
		WHERE NOT EXISTS (SELECT 1 FROM contacts k WHERE k.client_id = c.id AND k.decision_maker = 1)`), 0, 15)
	check("contacts per client out of 1-4", queryInt(t, db, `SELECT count(*) FROM (SELECT count(k.id) n FROM clients c
		LEFT JOIN contacts k ON k.client_id = c.id GROUP BY c.id) WHERE n NOT BETWEEN 1 AND 4`), 0, 0)
	check("active contracts", queryInt(t, db, `SELECT count(*) FROM contracts WHERE status = 'active'`), 55, 60)
	check("served clients without one active contract", queryInt(t, db, `SELECT count(*) FROM clients c
		WHERE c.status IN ('active', 'paused')
			AND (SELECT count(*) FROM contracts k WHERE k.client_id = c.id AND k.status = 'active') <> 1`), 0, 0)
	check("contracts outside the usual terms", queryInt(t, db, `SELECT count(*) FROM contracts WHERE
		sla_hours NOT IN (4, 8, 24) OR report_workday NOT BETWEEN 1 AND 10 OR renewal_notice_days NOT IN (30, 60)
		OR number NOT LIKE 'АМ-____/___%'`), 0, 0)
	check("churned clients whose last contract is open", queryInt(t, db, `SELECT count(*) FROM clients c
		WHERE c.status = 'churned' AND EXISTS (SELECT 1 FROM contracts k WHERE k.client_id = c.id
			AND k.status NOT IN ('ended', 'terminated'))`), 0, 0)

	// Interactions: working days and hours, before AsOf, fields set per kind.
	check("interactions at night or after AsOf", queryInt(t, db, `SELECT count(*) FROM interactions
		WHERE substr(occurred_at, 12) NOT BETWEEN '09:00' AND '19:00' OR occurred_at >= '2026-03-31'
			OR strftime('%w', occurred_at) IN ('0', '6') OR resolved_at < occurred_at OR resolved_at >= '2026-03-31'`), 0, 0)
	check("kind-specific fields wrong", queryInt(t, db, `SELECT count(*) FROM interactions WHERE
		(kind = 'report_sent') <> (report_due IS NOT NULL)
		OR (kind IN ('upsell', 'cross_sell', 'renewal')) <> (amount IS NOT NULL AND amount > 0)
		OR (kind <> 'feedback' AND satisfaction IS NOT NULL)
		OR (kind NOT IN ('request', 'complaint', 'escalation') AND (response_hours IS NOT NULL OR resolved_at IS NOT NULL))`), 0, 0)
	var meanSat, complaintShare float64
	if err := db.QueryRow(`SELECT avg(satisfaction), avg(kind IN ('complaint', 'escalation')) FROM interactions`).
		Scan(&meanSat, &complaintShare); err != nil {
		t.Fatal(err)
	}
	if meanSat < 3.9 || meanSat > 4.3 {
		t.Errorf("mean satisfaction %.2f, want about 4.1", meanSat)
	}
	if complaintShare < 0.01 || complaintShare > 0.08 {
		t.Errorf("complaints and escalations are %.1f%% of the log, want a few per cent", 100*complaintShare)
	}
	check("on-time reports", queryInt(t, db, `SELECT 100 * sum(substr(occurred_at, 1, 10) <= report_due) / count(*)
		FROM interactions WHERE kind = 'report_sent'`), 80, 98)
	check("reports of weekly contracts", queryInt(t, db, `SELECT count(*) FROM interactions i
		JOIN contracts k ON k.client_id = i.client_id AND k.status = 'active' AND k.report_frequency = 'weekly'
		WHERE i.kind = 'report_sent'`), 1, 100000)
	check("kinds used", queryInt(t, db, `SELECT count(DISTINCT kind) FROM interactions`), 9, 9)

	// Text is Russian: no Latin letters outside links, e-mails and codes.
	latin := regexp.MustCompile(`[A-Za-z]`)
	for _, q := range []string{
		`SELECT full_name || position || team || notes FROM staff`,
		`SELECT reason FROM grade_history`,
		`SELECT name || industry || churn_reason || notes FROM clients`,
		`SELECT name || role FROM contacts`,
		`SELECT DISTINCT notes FROM interactions`,
	} {
		for _, v := range queryStrings(t, db, q) {
			if latin.MatchString(v) {
				t.Errorf("Latin letters in %q", v)
			}
		}
	}

	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Healthy {
		t.Errorf("check: %v", rep.Problems)
	}
	if rep.Counts["interactions"] != sum.Interactions || rep.Counts["staff"] != sum.Staff ||
		rep.Counts["assignments"] != sum.Assignments || rep.Counts["contracts"] != sum.Contracts ||
		rep.Counts["kpi_values"] != sum.KPIValues || rep.Counts["kpi_targets"] != sum.KPITargets {
		t.Errorf("summary %+v does not match the counts %v", sum, rep.Counts)
	}
	check("KPIs", rep.Counts["kpis"], 29, 29) // 21 derived from the migration, 8 entered
	check("KPI values", sum.KPIValues, 8000, 14000)
	check("KPI targets", sum.KPITargets, 150, 600)
	check("clients that came back", queryInt(t, db, `SELECT count(*) FROM (SELECT client_id FROM client_periods
		GROUP BY client_id HAVING count(*) = 2)`), 1, 1)
	check("budget rows", queryInt(t, db, `SELECT count(*) FROM client_budgets`), 300, 1500)

	o, err := s.Overview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if o.ContractsEnding == 0 || o.OverdueComplaints == 0 || o.OnLeave == 0 || o.ActiveClients == 0 || o.MonthlyBudget == 0 {
		t.Errorf("overview lacks something to show: %+v", o)
	}
	t.Logf("overview: %+v", o)
}

type span struct {
	client, staff int64
	role          string
	start, end    string // end "" while open
}

func (a span) last() string {
	if a.end == "" {
		return "9999-12-31"
	}
	return a.end
}

func loadSpans(t testing.TB, db *sql.DB) map[int64][]span {
	t.Helper()
	rows, err := db.Query(`SELECT client_id, staff_id, role, start_date, coalesce(end_date, '') FROM assignments
		ORDER BY client_id, start_date, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64][]span{}
	for rows.Next() {
		var a span
		if err := rows.Scan(&a.client, &a.staff, &a.role, &a.start, &a.end); err != nil {
			t.Fatal(err)
		}
		out[a.client] = append(out[a.client], a)
	}
	return out
}

func nextDay(d string) string {
	t, err := time.Parse(data.DateLayout, d)
	if err != nil {
		panic(err)
	}
	return t.AddDate(0, 0, 1).Format(data.DateLayout)
}

// checkAssignments verifies the assignment rules on a whole database by interval
// analysis: exactly one lead a day while a client is served, backups that are never
// the lead, and nobody assigned outside their employment. Shared with the large demo
// check in the benchmarks.
func checkAssignments(t testing.TB, db *sql.DB) {
	t.Helper()
	spans := loadSpans(t, db)
	periods := loadPeriods(t, db)
	type cl struct {
		id     int64
		status string
		churn  string
	}
	var clients []cl
	rows, err := db.Query(`SELECT id, status, coalesce(churn_date, '') FROM clients ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c cl
		if err := rows.Scan(&c.id, &c.status, &c.churn); err != nil {
			t.Fatal(err)
		}
		clients = append(clients, c)
	}
	rows.Close()
	errs := 0
	fail := func(format string, args ...any) {
		t.Helper()
		if errs++; errs <= 20 {
			t.Errorf(format, args...)
		}
	}
	for _, c := range clients {
		var leads, backups []span
		for _, a := range spans[c.id] {
			if a.role == "lead" {
				leads = append(leads, a)
			} else {
				backups = append(backups, a)
			}
		}
		switch c.status {
		case "prospect":
			if len(leads)+len(backups) > 0 {
				fail("prospect %d has assignments", c.id)
			}
			continue
		case "active", "paused", "churned":
			if len(leads) == 0 {
				fail("client %d (%s) never had a lead", c.id, c.status)
				continue
			}
		}
		// Leads: one after another without gaps or overlaps, to the end; a client that
		// left and came back has a gap from the end of one spell to the start of the next.
		ps := periods[c.id]
		for i := 1; i < len(leads); i++ {
			gap := slices.ContainsFunc(ps[1:], func(p period) bool {
				return leads[i].start == p.start && slices.ContainsFunc(ps, func(q period) bool { return q.end == leads[i-1].end })
			})
			if leads[i-1].end == "" || (leads[i].start != nextDay(leads[i-1].end) && !gap) {
				fail("client %d: lead %+v does not follow %+v on the next day", c.id, leads[i], leads[i-1])
			}
		}
		last := leads[len(leads)-1]
		if c.status == "churned" {
			if last.end != c.churn {
				fail("churned client %d: the last lead ends %q, not on the churn date %s", c.id, last.end, c.churn)
			}
			for _, a := range backups {
				if a.end == "" || a.end > c.churn {
					fail("churned client %d: backup %+v goes past the churn date %s", c.id, a, c.churn)
				}
			}
		} else if last.end != "" {
			fail("client %d (%s): the last lead ended on %s", c.id, c.status, last.end)
		}
		// Backups: at most one a day, never the lead on the same day.
		for i, b := range backups {
			if b.end != "" && b.end < b.start {
				fail("client %d: backup ends before it starts: %+v", c.id, b)
			}
			if i > 0 && backups[i-1].last() >= b.start {
				fail("client %d: backups %+v and %+v overlap", c.id, backups[i-1], b)
			}
			for _, l := range leads {
				if l.staff == b.staff && l.start <= b.last() && b.start <= l.last() {
					fail("client %d: %d is backup %+v while lead %+v", c.id, b.staff, b, l)
				}
			}
		}
	}
	// Employment: nobody before hiring or after leaving; nobody who left still assigned.
	if n := queryInt(t, db, `SELECT count(*) FROM assignments a JOIN staff s ON s.id = a.staff_id
		WHERE a.start_date < s.hire_date
			OR (s.status = 'left' AND (a.end_date IS NULL OR a.end_date >= s.left_date))`); n > 0 {
		fail("%d assignments fall outside the person's employment", n)
	}
	// Every log entry of a person is on a day they served the client.
	if n := queryInt(t, db, `SELECT count(*) FROM interactions i WHERE i.staff_id IS NOT NULL AND NOT EXISTS (
		SELECT 1 FROM assignments a WHERE a.client_id = i.client_id AND a.staff_id = i.staff_id
			AND a.start_date <= substr(i.occurred_at, 1, 10)
			AND coalesce(a.end_date, '9999-12-31') >= substr(i.occurred_at, 1, 10))`); n > 0 {
		fail("%d interactions are attributed to someone not serving the client that day", n)
	}
}

func TestAssignments(t *testing.T) {
	_, db := fixture(t)
	checkAssignments(t, db)
	// Most A and B clients have a backup now.
	var withBackup, ab int
	err := db.QueryRow(`SELECT sum(EXISTS (SELECT 1 FROM assignments a WHERE a.client_id = c.id AND a.role = 'backup'
			AND a.end_date IS NULL)), count(*)
		FROM clients c WHERE c.status IN ('active', 'paused') AND c.tier IN ('A', 'B')`).Scan(&withBackup, &ab)
	if err != nil {
		t.Fatal(err)
	}
	if withBackup*10 < ab*6 {
		t.Errorf("%d of %d A and B clients have a backup, want most", withBackup, ab)
	}
	// History has reassignments, and people who left handed their clients over.
	if n := queryInt(t, db, `SELECT count(*) FROM assignments WHERE role = 'lead' AND end_date IS NOT NULL
		AND client_id IN (SELECT id FROM clients WHERE status <> 'churned')`); n < 5 {
		t.Errorf("only %d lead changes", n)
	}
}

// The workload itself, as the app measures it, is checked in workload_test.go.
func TestSlowResponders(t *testing.T) {
	_, db := fixture(t)
	// One or two managers answer visibly slower than the rest.
	var slowest, typical float64
	err := db.QueryRow(`WITH m AS (SELECT staff_id, avg(response_hours) AS h FROM interactions
			WHERE kind = 'request' AND response_hours IS NOT NULL AND staff_id IS NOT NULL GROUP BY staff_id HAVING count(*) > 100)
		SELECT max(h), (SELECT h FROM m ORDER BY h LIMIT 1 OFFSET (SELECT count(*) / 2 FROM m)) FROM m`).Scan(&slowest, &typical)
	if err != nil {
		t.Fatal(err)
	}
	if slowest < 2*typical {
		t.Errorf("slowest average response %.1f h against a median of %.1f h", slowest, typical)
	}
}

func TestGradeHistory(t *testing.T) {
	_, db := fixture(t)
	rows, err := db.Query(`SELECT s.id, s.grade_id, s.hire_date, coalesce(s.left_date, '2026-03-31'),
			h.changed_on, coalesce(h.from_grade_id, 0), h.to_grade_id, h.reason
		FROM staff s JOIN grade_history h ON h.staff_id = s.id ORDER BY s.id, h.changed_on, h.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type line struct {
		staff, grade       int64
		hire, end, changed string
		from, to           int64
		reason             string
	}
	byStaff := map[int64][]line{}
	var order []int64
	for rows.Next() {
		var l line
		if err := rows.Scan(&l.staff, &l.grade, &l.hire, &l.end, &l.changed, &l.from, &l.to, &l.reason); err != nil {
			t.Fatal(err)
		}
		if len(byStaff[l.staff]) == 0 {
			order = append(order, l.staff)
		}
		byStaff[l.staff] = append(byStaff[l.staff], l)
	}
	if len(order) != shared.sum.Staff {
		t.Errorf("%d people have a grade history, want all %d", len(order), shared.sum.Staff)
	}
	promotions := 0
	for _, id := range order {
		h := byStaff[id]
		if f := h[0]; f.from != 0 || f.changed != f.hire || f.reason != "" {
			t.Errorf("staff %d: first line %+v, want the grade at hiring on the hire date", id, f)
		}
		for i := 1; i < len(h); i++ {
			promotions++
			if h[i].from != h[i-1].to || h[i].reason == "" || h[i].changed <= h[i-1].changed || h[i].changed > h[i].end {
				t.Errorf("staff %d: line %+v does not follow %+v", id, h[i], h[i-1])
			}
		}
		if last := h[len(h)-1]; last.to != last.grade {
			t.Errorf("staff %d: grade %d, last history line says %d", id, last.grade, last.to)
		}
	}
	if promotions == 0 {
		t.Error("nobody was ever promoted")
	}
}

func TestRefusesNonEmpty(t *testing.T) {
	s, _ := generate(t, 1, asOf)
	before := dump(t, rawDB(t, s.Path()))
	_, err := demo.Generate(context.Background(), s, demo.Options{Seed: 2, AsOf: asOf})
	if !errors.Is(err, demo.ErrNotEmpty) {
		t.Fatalf("second generation: %v, want ErrNotEmpty", err)
	}
	if after := dump(t, rawDB(t, s.Path())); after != before {
		t.Error("the refused generation changed the database")
	}

	// One person entered by hand is enough to refuse.
	s2, err := data.Open(filepath.Join(t.TempDir(), "one.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	grades, err := s2.Grades(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s2.SaveStaff(context.Background(), data.Staff{FullName: "Петрова Анна Сергеевна", GradeID: grades[0].ID,
		HireDate: data.Day(2024, 1, 15), FTE: 1}, data.GradeChange{}); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(context.Background(), s2, demo.Options{Seed: 1, AsOf: asOf}); !errors.Is(err, demo.ErrNotEmpty) {
		t.Fatalf("generation over a person: %v, want ErrNotEmpty", err)
	}
	if _, err := demo.Generate(context.Background(), s2, demo.Options{Scale: "huge"}); err == nil {
		t.Error("an unknown scale was accepted")
	}
}

func TestCancel(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "cancel.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen []float64
	_, err = demo.Generate(ctx, s, demo.Options{Seed: 3, AsOf: asOf, Progress: func(f float64) {
		seen = append(seen, f)
		if f >= 0.4 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled generation: %v, want context.Canceled", err)
	}
	if len(seen) == 0 || seen[len(seen)-1] >= 1 {
		t.Errorf("progress %v", seen)
	}
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for table, n := range rep.Counts {
		if n != 0 && table != "grade_levels" && table != "kpis" { // both seeded by the migrations
			t.Errorf("%d rows left in %s after cancelling", n, table)
		}
	}
	// The database is still usable: a full generation works afterwards.
	var progress []float64
	if _, err := demo.Generate(context.Background(), s, demo.Options{Seed: 3, AsOf: asOf,
		Progress: func(f float64) { progress = append(progress, f) }}); err != nil {
		t.Fatal(err)
	}
	if !slices.IsSorted(progress) || progress[0] != 0 || progress[len(progress)-1] != 1 || len(progress) > 400 {
		t.Errorf("progress %v, want 0 to 1 in order", progress)
	}
	// A context cancelled up front writes nothing either.
	s3, err := data.Open(filepath.Join(t.TempDir(), "cancelled.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	if _, err := demo.Generate(ctx, s3, demo.Options{Seed: 3, AsOf: asOf}); !errors.Is(err, context.Canceled) {
		t.Fatalf("generation with a cancelled context: %v", err)
	}
}

// TestRowsPassValidation runs every generated record through the store's own field
// validation.
func TestRowsPassValidation(t *testing.T) {
	s, _ := fixture(t)
	ctx := context.Background()
	staff, err := s.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
	if err != nil {
		t.Fatal(err)
	}
	if len(staff) != shared.sum.Staff {
		t.Fatalf("%d staff listed, %d generated", len(staff), shared.sum.Staff)
	}
	for _, r := range staff {
		if err := data.ValidateStaff(r.Staff); err != nil {
			t.Errorf("staff %q: %v", r.FullName, err)
		}
	}
	for _, archived := range []bool{false, true} {
		clients, err := s.ListClients(ctx, data.ClientFilter{Archived: archived})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range clients {
			if err := data.ValidateClient(r.Client, data.ClientTeam{LeadID: r.Lead.ID, BackupID: r.Backup.ID}); err != nil {
				t.Errorf("client %q: %v", r.Name, err)
			}
			d, err := s.ClientDetail(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range d.Contracts {
				if err := data.ValidateContract(k); err != nil {
					t.Errorf("contract %s: %v", k.Number, err)
				}
			}
			for _, in := range d.Interactions {
				if err := data.ValidateInteraction(in.Interaction); err != nil {
					t.Errorf("interaction %d of %q: %v", in.ID, r.Name, err)
				}
			}
		}
	}
}

// TestStoreAcceptsDemoRows saves a sample of the generated records back through the
// store's own methods: they must pass its validation and come back unchanged.
func TestStoreAcceptsDemoRows(t *testing.T) {
	s, _ := generate(t, 5, asOf)
	ctx := context.Background()
	db := rawDB(t, s.Path())
	before := dump(t, db)

	staff, err := s.ListStaff(ctx, data.StaffFilter{Statuses: data.StaffStatuses})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range staff {
		if _, err := s.SaveStaff(ctx, r.Staff, data.GradeChange{}); err != nil {
			t.Errorf("staff %q (%s): %v", r.FullName, r.Status, err)
		}
	}
	var clients []data.ClientRow
	for _, archived := range []bool{false, true} {
		rows, err := s.ListClients(ctx, data.ClientFilter{Archived: archived})
		if err != nil {
			t.Fatal(err)
		}
		clients = append(clients, rows...)
	}
	if len(clients) != 70 {
		t.Fatalf("%d clients listed", len(clients))
	}
	for i, r := range clients {
		if _, err := s.SaveClient(ctx, r.Client, data.ClientTeam{LeadID: r.Lead.ID, BackupID: r.Backup.ID}); err != nil {
			t.Errorf("client %q (%s): %v", r.Name, r.Status, err)
		}
		if i%3 != 0 {
			continue
		}
		d, err := s.ClientDetail(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Client.Served() && (d.Lead.ID != r.Lead.ID || d.Lead.ID == 0) {
			t.Errorf("client %q: detail lead %v, list lead %v", r.Name, d.Lead, r.Lead)
		}
		for _, k := range d.Contacts {
			if _, err := s.SaveContact(ctx, k); err != nil {
				t.Errorf("contact %q of %q: %v", k.Name, r.Name, err)
			}
		}
		for _, k := range d.Contracts {
			if _, err := s.SaveContract(ctx, k); err != nil {
				t.Errorf("contract %s of %q: %v", k.Number, r.Name, err)
			}
		}
		for j, in := range d.Interactions {
			if j%10 != 0 && in.Kind != data.KindComplaint && in.Kind != data.KindRenewal {
				continue
			}
			if _, err := s.SaveInteraction(ctx, in.Interaction); err != nil {
				t.Errorf("interaction %d (%s) of %q: %v", in.ID, in.Kind, r.Name, err)
			}
		}
	}
	if after := dump(t, db); after != before {
		a, b := strings.Split(before, "\n"), strings.Split(after, "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("re-saving changed the data; first difference:\n%s\n%s", a[i], b[i])
			}
		}
		t.Fatal("re-saving changed the data")
	}
}

// BenchmarkGenerateSmall times what other packages' tests pay for a demo database.
func BenchmarkGenerateSmall(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		s, err := data.Open(filepath.Join(dir, fmt.Sprintf("demo%d.db", i)), data.Options{Create: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := demo.Generate(context.Background(), s, demo.Options{Seed: int64(i), AsOf: asOf}); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// An import knows a log entry by its client, time and kind: the demo never repeats one.
func TestLogEntriesAreDistinct(t *testing.T) {
	_, db := fixture(t)
	if n := queryInt(t, db, `SELECT count(*) FROM (SELECT 1 FROM interactions
		GROUP BY client_id, occurred_at, kind HAVING count(*) > 1)`); n != 0 {
		t.Errorf("%d repeated log entries", n)
	}
}
