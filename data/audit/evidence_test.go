package audit_test

// The evidence figures against a small department where each is counted by hand.
//
// Clock: Monday 16 March 2026, noon. Two audit days: today (statuses as they are)
// and 15 October 2025 (a past audit: read from the history).
//
// Staff (hired 2020-01-01 unless said; personal capacities for the workload):
//
//	A Анна   active, capacity 2      review final 2025-04-10; assessment 2025-09-16 (6 months to the day before today)
//	B Борис  active, capacity 4      reviews final 2025-02-10 and 2025-03-16 (13 and 12 months before today);
//	                                 assessment 2025-09-17
//	V Вера   on leave                review final 2026-01-20
//	G Глеб   active, hired 2025-12-01, capacity 1; a draft review
//	D Дарья  left 2026-01-10         review final 2025-06-01
//
// Clients (tier C, complexity 3, no services), their contracts, people, contacts,
// document links and log entries in the "in touch" windows:
//
//	C1 Альфа  active 2024-01-01  K1 2025-01-01..2026-12-31 (target of K1 from 2026-01)
//	          lead A, backup B; a contact; all three documents; log 2026-03-01, 2025-10-15 23:30
//	C2 Бета   active 2024-01-01  K2 2025-01-01..2026-03-15 (active; ended yesterday), a draft covering today,
//	          and K2-old 2025-01-01..2026-12-31, terminated (not in force today, in force in the history);
//	          a target of C2 for 2025; lead G (from his hiring, 2025-12-01); a contact; two documents;
//	          log 2026-02-14 10:00 (the window's first day)
//	C3 Вега   active 2025-06-01  K3 2025-06-01..open (a target of C3 from 2026-03); lead B;
//	          log 2026-02-13 23:00 (a day too early), 2025-10-16 00:00 (a day too late)
//	C4 Гамма  active 2025-01-01  K4 2026-03-16..2027-03-15 (starts today; a target of K4 from 2026-04);
//	          lead B, backup A; a contact; all three documents; log 2026-03-16 09:00
//	C5 Дельта paused, 2024-01-01, lead A (still served in the history)
//	C6 Ёж     2024-01-01, lost 2025-12-01, lead A until then; K6 2024-01-01..2025-11-30 (ended);
//	          a contact; log 2025-10-01
//
// Budgets: C1 100 000, C2 200 000, C3 300 000, C4 50 000, C5 80 000, C6 40 000.

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"testing"
	"time"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/audit"
)

var (
	evNow  = time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)
	evPast = data.Day(2025, 10, 15)
)

type evFixture struct {
	t   *testing.T
	ctx context.Context
	s   *data.Store

	anna, boris, vera, gleb, darya int64
	c1, c2, c3, c4, c5, c6         int64
	k1, k2, k3, k4, k6             int64
}

func openEvidenceStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "evidence.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return evNow })
	t.Cleanup(func() { s.Close() })
	return s
}

func newEvidenceFixture(t *testing.T) *evFixture {
	t.Helper()
	f := &evFixture{t: t, ctx: context.Background(), s: openEvidenceStore(t)}
	hired := data.Day(2020, 1, 1)
	f.anna = f.staff("Анна Акимова", hired, data.StaffActive, 2)
	f.boris = f.staff("Борис Быков", hired, data.StaffActive, 4)
	f.vera = f.staff("Вера Волкова", hired, data.StaffOnLeave, 0)
	f.gleb = f.staff("Глеб Горин", data.Day(2025, 12, 1), data.StaffActive, 1)
	f.darya = f.staff("Дарья Донская", hired, data.StaffActive, 0)

	all := func(c *data.Client) { c.DocContract, c.DocBrief, c.DocReporting = "k.pdf", "b.pdf", "r.xlsx" }
	f.c1 = f.client("Альфа", data.Day(2024, 1, 1), 100_000, data.ClientTeam{LeadID: f.anna, BackupID: f.boris}, all)
	f.c2 = f.client("Бета", data.Day(2024, 1, 1), 200_000, data.ClientTeam{LeadID: f.gleb}, func(c *data.Client) {
		c.DocContract, c.DocBrief, c.DocReporting = "k.pdf", "b.pdf", "  "
	})
	f.c3 = f.client("Вега", data.Day(2025, 6, 1), 300_000, data.ClientTeam{LeadID: f.boris}, nil)
	f.c4 = f.client("Гамма", data.Day(2025, 1, 1), 50_000, data.ClientTeam{LeadID: f.boris, BackupID: f.anna}, all)
	f.c5 = f.client("Дельта", data.Day(2024, 1, 1), 80_000, data.ClientTeam{LeadID: f.anna}, nil)
	f.c6 = f.client("Ёж", data.Day(2024, 1, 1), 40_000, data.ClientTeam{LeadID: f.anna}, nil)
	f.change(f.c5, data.ClientTeam{LeadID: f.anna}, func(c *data.Client) { c.Status = data.ClientPaused })
	f.change(f.c6, data.ClientTeam{}, func(c *data.Client) {
		c.Status, c.ChurnDate, c.ChurnReason = data.ClientChurned, data.Day(2025, 12, 1), "ушёл"
	})

	f.k1 = f.contract(f.c1, "K1", data.Day(2025, 1, 1), data.Day(2026, 12, 31), data.ContractActive, 4)
	f.k2 = f.contract(f.c2, "K2", data.Day(2025, 1, 1), data.Day(2026, 3, 15), data.ContractActive, 24)
	f.contract(f.c2, "K2-draft", data.Day(2026, 1, 1), time.Time{}, data.ContractDraft, 24)
	f.contract(f.c2, "K2-old", data.Day(2025, 1, 1), data.Day(2026, 12, 31), data.ContractTerminated, 24)
	f.k3 = f.contract(f.c3, "K3", data.Day(2025, 6, 1), time.Time{}, data.ContractActive, 24)
	f.k4 = f.contract(f.c4, "K4", data.Day(2026, 3, 16), data.Day(2027, 3, 15), data.ContractActive, 24)
	f.k6 = f.contract(f.c6, "K6", data.Day(2024, 1, 1), data.Day(2025, 11, 30), data.ContractEnded, 24)

	f.target(data.ScopeContract, f.k1, "2026-01", "")
	f.target(data.ScopeClient, f.c2, "2025-01", "2025-12")
	f.target(data.ScopeClient, f.c3, "2026-03", "")
	f.target(data.ScopeContract, f.k4, "2026-04", "")

	for _, c := range []int64{f.c1, f.c2, f.c4, f.c6} {
		if _, err := f.s.SaveContact(f.ctx, data.Contact{ClientID: c, Name: "Контакт"}); err != nil {
			t.Fatal(err)
		}
	}
	f.meeting(f.c1, "2026-03-01 10:00")
	f.meeting(f.c1, "2025-10-15 23:30")
	f.meeting(f.c2, "2026-02-14 10:00")
	f.meeting(f.c3, "2026-02-13 23:00")
	f.meeting(f.c3, "2025-10-16 00:00")
	f.meeting(f.c4, "2026-03-16 09:00")
	f.meeting(f.c6, "2025-10-01 10:00")
	if err := f.s.ArchiveStaff(f.ctx, f.darya, data.Day(2026, 1, 10)); err != nil {
		t.Fatalf("ArchiveStaff: %v", err)
	}
	return f
}

// staff saves a person (capacity 0: the grade's).
func (f *evFixture) staff(name string, hired time.Time, status data.StaffStatus, capacity float64) int64 {
	f.t.Helper()
	grades, err := f.s.Grades(f.ctx)
	if err != nil || len(grades) == 0 {
		f.t.Fatalf("grades: %v", err)
	}
	id, err := f.s.SaveStaff(f.ctx, data.Staff{FullName: name, Position: "Аккаунт-менеджер", GradeID: grades[0].ID,
		HireDate: hired, FTE: 1, CapacityOverride: capacity, Status: status}, data.GradeChange{})
	if err != nil {
		f.t.Fatalf("SaveStaff(%s): %v", name, err)
	}
	return id
}

func (f *evFixture) client(name string, start time.Time, budget int64, team data.ClientTeam, edit func(*data.Client)) int64 {
	f.t.Helper()
	c := data.Client{Name: name, Tier: "C", Status: data.ClientActive, MonthlyBudget: budget, Complexity: 3,
		StartDate: start}
	if edit != nil {
		edit(&c)
	}
	id, err := f.s.SaveClient(f.ctx, c, team)
	if err != nil {
		f.t.Fatalf("SaveClient(%s): %v", name, err)
	}
	return id
}

func (f *evFixture) change(id int64, team data.ClientTeam, edit func(*data.Client)) {
	f.t.Helper()
	c, err := f.s.GetClient(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	edit(&c)
	if _, err := f.s.SaveClient(f.ctx, c, team); err != nil {
		f.t.Fatalf("SaveClient(%s): %v", c.Name, err)
	}
}

func (f *evFixture) contract(client int64, number string, start, end time.Time, status data.ContractStatus,
	sla float64) int64 {
	f.t.Helper()
	id, err := f.s.SaveContract(f.ctx, data.Contract{ClientID: client, Number: number, Start: start, End: end,
		Status: status, SLAHours: sla, ReportFrequency: "none", MonthlyFee: 100_000, RenewalNoticeDays: 30,
		ReportWorkday: 5})
	if err != nil {
		f.t.Fatalf("SaveContract(%s): %v", number, err)
	}
	return id
}

// target sets a target on the budget KPI for a client or contract ("" to: open).
func (f *evFixture) target(scope string, entity int64, from, to string) {
	f.t.Helper()
	k, err := f.s.KPIByCode(f.ctx, "budget")
	if err != nil {
		f.t.Fatal(err)
	}
	tg := data.KPITarget{KPIID: k.ID, Scope: scope, EntityID: entity, From: month(f.t, from), Target: 100_000}
	if to != "" {
		tg.To = month(f.t, to)
	}
	if err := f.s.Update(f.ctx, func(tx *data.Tx) error { _, err := tx.SetKPITarget(tg); return err }); err != nil {
		f.t.Fatalf("SetKPITarget(%s %d): %v", scope, entity, err)
	}
}

func month(t *testing.T, s string) data.Month {
	t.Helper()
	m, err := data.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (f *evFixture) log(in data.Interaction) {
	f.t.Helper()
	if in.Channel == "" {
		in.Channel = "email"
	}
	if _, err := f.s.SaveInteraction(f.ctx, in); err != nil {
		f.t.Fatalf("SaveInteraction(%s %v): %v", in.Kind, in.At, err)
	}
}

func (f *evFixture) meeting(client int64, at string) {
	f.t.Helper()
	f.log(data.Interaction{ClientID: client, At: stamp(f.t, at), Kind: data.KindMeeting, Channel: "meeting"})
}

func stamp(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(data.DateTimeLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// exec runs fixture SQL for what the store has no writer of in this test's reach.
func (f *evFixture) exec(query string, args ...any) {
	f.t.Helper()
	err := f.s.WriteTx(f.ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(f.ctx, query, args...)
		return err
	})
	if err != nil {
		f.t.Fatalf("%s: %v", query, err)
	}
}

func (f *evFixture) evidence(asOf time.Time) map[string]audit.Figure {
	f.t.Helper()
	got, err := audit.Evidence(f.ctx, f.s, asOf)
	if err != nil {
		f.t.Fatalf("Evidence(%v): %v", asOf, err)
	}
	if len(got) != len(audit.EvidenceCodes) {
		f.t.Errorf("Evidence(%v): %d figures, want %d", asOf, len(got), len(audit.EvidenceCodes))
	}
	for _, code := range audit.EvidenceCodes {
		if got[code].Code != code {
			f.t.Errorf("Evidence(%v): no figure %s", asOf, code)
		}
	}
	return got
}

// share checks a share figure's counts and value.
func share(t *testing.T, when string, got map[string]audit.Figure, code string, part, whole int) {
	t.Helper()
	g := got[code]
	want := 100 * float64(part) / float64(whole)
	if g.Part != part || g.Whole != whole || !near(g.Value, want) || g.Unit != charts.UnitPercent {
		t.Errorf("%s %s = %d of %d (%.4g %s), want %d of %d (%.4g)", when, code, g.Part, g.Whole, g.Value, g.Unit,
			part, whole, want)
	}
}

// value checks a figure that is not a share of counted things.
func value(t *testing.T, when string, got map[string]audit.Figure, code, unit string, want float64) {
	t.Helper()
	g := got[code]
	if !near(g.Value, want) || g.Unit != unit || g.Whole != 0 {
		t.Errorf("%s %s = %.6g %s (whole %d), want %.6g %s", when, code, g.Value, g.Unit, g.Whole, want, unit)
	}
}

func near(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) < 1e-9
}

func TestEvidenceOfClients(t *testing.T) {
	f := newEvidenceFixture(t)
	today := f.evidence(evNow)
	// Active today: C1-C4 (C5 paused, C6 lost).
	share(t, "today", today, audit.ClientsWithContract, 3, 4)  // K1, K3, K4 from today; K2 ended yesterday; C2's draft and terminated ones are none
	share(t, "today", today, audit.ClientsWithContacts, 3, 4)  // C1, C2, C4
	share(t, "today", today, audit.ClientsWithLead, 4, 4)      // everyone active has a lead
	share(t, "today", today, audit.ClientsWithBackup, 2, 4)    // C1, C4
	share(t, "today", today, audit.ClientsWithDocuments, 2, 4) // C1, C4; C2's reporting link is blank
	share(t, "today", today, audit.ClientsInTouch, 3, 4)       // C1, C2 (on the window's first day), C4 (today)
	// In force today: K1, K3, K4; targets for March: K1's own, K3's client's; K4's starts in April.
	share(t, "today", today, audit.ContractsWithTargets, 2, 3)

	past := f.evidence(evPast)
	// Served on 15.10.2025: all six (C5's pause is not in the history, C6 still served).
	share(t, "past", past, audit.ClientsWithContract, 4, 6)  // K1, K2, K3, K6 (ended since); K4 not yet
	share(t, "past", past, audit.ClientsWithContacts, 4, 6)  // C1, C2, C4, C6
	share(t, "past", past, audit.ClientsWithLead, 5, 6)      // C2's lead G only from 01.12.2025
	share(t, "past", past, audit.ClientsWithBackup, 2, 6)    // C1, C4
	share(t, "past", past, audit.ClientsWithDocuments, 2, 6) // today's links: C1, C4
	share(t, "past", past, audit.ClientsInTouch, 2, 6)       // C6 (01.10), C1 (late on the day); C3 a day after
	// In force then: K1, K2, K2-old, K3, K6; targets for October 2025: C2's (for 2025),
	// which speaks for both of C2's contracts.
	share(t, "past", past, audit.ContractsWithTargets, 2, 5)
}

// addPeople records reviews, assessments, a matrix in two versions and feedback.
// Reviews and assessments are written as SQL rows: the store's own paths (ratings,
// every competency observed) would add nothing these figures read.
func (f *evFixture) addPeople() {
	grades, err := f.s.Grades(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	grade := grades[0].ID
	f.exec(`INSERT INTO review_templates (id, grade_id, version, created_on) VALUES (1, ?, 1, '2024-01-01')`, grade)
	cycle := func(id int, name string) {
		f.exec(`INSERT INTO review_cycles (id, name, name_key, period_from, period_to, due_on, status)
			VALUES (?, ?, ?, '2024-01-01', '2024-12-31', '2025-02-01', 'open')`, id, name, name)
	}
	cycle(1, "first")
	cycle(2, "second")
	review := func(cycle int, staff int64, finalized string) {
		status, score, on := "final", any(3.5), any(finalized)
		if finalized == "" {
			status, score, on = "draft", nil, nil
		}
		f.exec(`INSERT INTO reviews (cycle_id, staff_id, template_id, status, score, finalized_on)
			VALUES (?, ?, 1, ?, ?, ?)`, cycle, staff, status, score, on)
	}
	review(1, f.anna, "2025-04-10")
	review(1, f.boris, "2025-02-10")
	review(2, f.boris, "2025-03-16")
	review(1, f.vera, "2026-01-20")
	review(1, f.gleb, "")
	review(1, f.darya, "2025-06-01")

	// Matrix 1 (2025-01-01): 2 competencies x 4 grades, 4 written. Matrix 2
	// (2026-02-01): 3 x 4, 10 rows of which one has a blank English text.
	f.exec(`INSERT INTO competency_matrices (id, version, created_on) VALUES (1, 1, '2025-01-01'), (2, 2, '2026-02-01')`)
	f.exec(`INSERT INTO competencies (id, matrix_id, position, code, area, name_ru, name_en) VALUES
		(1, 1, 1, 'a', 'x', 'А', 'A'), (2, 1, 2, 'b', 'x', 'Б', 'B'),
		(3, 2, 1, 'a', 'x', 'А', 'A'), (4, 2, 2, 'b', 'x', 'Б', 'B'), (5, 2, 3, 'c', 'x', 'В', 'C')`)
	level := func(competency int64, grade int64, en string) {
		f.exec(`INSERT INTO competency_levels (competency_id, grade_id, required, expectation_ru, expectation_en)
			VALUES (?, ?, 2, 'Ожидается', ?)`, competency, grade, en)
	}
	for _, g := range grades[:2] {
		level(1, g.ID, "Expected")
		level(2, g.ID, "Expected")
	}
	for _, g := range grades {
		level(3, g.ID, "Expected")
		level(4, g.ID, "Expected")
	}
	level(5, grades[0].ID, "Expected")
	level(5, grades[1].ID, " ")

	assessed := func(staff int64, finished string) {
		f.exec(`INSERT INTO assessments (staff_id, matrix_id, grade_id, started_on, finished_on, recommendation, decision)
			VALUES (?, 1, ?, ?, ?, 'develop', 'develop')`, staff, grade, finished, finished)
	}
	assessed(f.anna, "2025-09-16")
	assessed(f.boris, "2025-09-17")

	deps, err := f.s.Departments(f.ctx)
	if err != nil || len(deps) == 0 {
		f.t.Fatalf("departments: %v", err)
	}
	for _, fb := range []data.Feedback{
		{StaffID: f.anna, On: data.Day(2026, 3, 10), Handoff: 5, Briefs: 4, Communication: 3}, // 12 over 3
		{StaffID: f.boris, On: data.Day(2025, 3, 17), Handoff: 2, Briefs: 2, Deadlines: 2, Communication: 2},
		{StaffID: f.vera, On: data.Day(2025, 3, 16), Handoff: 1, Briefs: 1, Deadlines: 1, Communication: 1},
	} {
		fb.DepartmentID = deps[0].ID
		if _, err := f.s.SaveFeedback(f.ctx, fb); err != nil {
			f.t.Fatalf("SaveFeedback: %v", err)
		}
	}
}

func TestEvidenceOfPeople(t *testing.T) {
	f := newEvidenceFixture(t)
	f.addPeople()
	today := f.evidence(evNow)
	// At work today: A, B, V (on leave), G; Д left.
	share(t, "today", today, audit.StaffReviewed, 2, 4) // A, V; B's latest is 12 months to the day, G's a draft
	share(t, "today", today, audit.StaffAssessed, 1, 4) // B; A's is 6 months to the day
	share(t, "today", today, audit.GradesDescribed, 9, 12)
	// Ratings since 16.03.2025 (not on it): 5+4+3 and 2+2+2+2.
	value(t, "today", today, audit.DepartmentFeedback, charts.UnitScore, 20.0/7)

	past := f.evidence(evPast)
	// At work on 15.10.2025: A, B, V, Д (G not hired yet).
	share(t, "past", past, audit.StaffReviewed, 3, 4) // A, B, Д; V's review came later
	share(t, "past", past, audit.StaffAssessed, 2, 4) // A, B
	share(t, "past", past, audit.GradesDescribed, 4, 8)
	// Ratings in (15.10.2024, 15.10.2025]: 2+2+2+2 and 1+1+1+1.
	value(t, "past", past, audit.DepartmentFeedback, charts.UnitScore, 12.0/8)
}

// An assessment counts until the grades screen says one is due again: 1 March +
// 6 months is 1 September, so on 31 August it still counts; 28 February's is due
// on 28 August.
func TestEvidenceWindowsAtMonthEnds(t *testing.T) {
	f := newEvidenceFixture(t)
	f.addPeople()
	f.exec(`INSERT INTO assessments (staff_id, matrix_id, grade_id, started_on, finished_on, recommendation, decision)
		SELECT ?, 1, grade_id, '2025-03-01', '2025-03-01', 'develop', 'develop' FROM staff WHERE id = ?`, f.vera, f.vera)
	f.exec(`INSERT INTO assessments (staff_id, matrix_id, grade_id, started_on, finished_on, recommendation, decision)
		SELECT ?, 1, grade_id, '2025-02-28', '2025-02-28', 'develop', 'develop' FROM staff WHERE id = ?`, f.darya, f.darya)
	// At work on 31.08.2025: A, B, V, Д; A's and B's assessments come later.
	share(t, "31.08.2025", f.evidence(data.Day(2025, 8, 31)), audit.StaffAssessed, 1, 4) // V
}

// addRegister records procedures, acknowledgements, audits and actions.
func (f *evFixture) addRegister() {
	f.exec(`INSERT INTO procedures (id, title, title_key, version, last_reviewed, review_months, archived_on) VALUES
		(1, 'P1', 'p1', 2, '2025-03-16', 12, NULL),
		(2, 'P2', 'p2', 1, '2025-03-15', 12, NULL),
		(3, 'P3', 'p3', 1, '2020-01-01', 6, '2026-01-01'),
		(4, 'P4', 'p4', 1, '2025-09-30', 1, NULL)`)
	ack := func(procedure int, staff int64, version int, on string) {
		f.exec(`INSERT INTO procedure_acks (procedure_id, staff_id, version, acknowledged_on) VALUES (?, ?, ?, ?)`,
			procedure, staff, version, on)
	}
	ack(1, f.anna, 2, "2026-01-05")
	ack(2, f.anna, 1, "2025-05-01")
	ack(4, f.anna, 1, "2025-10-01")
	ack(1, f.boris, 1, "2025-01-01") // the old version
	ack(2, f.boris, 1, "2025-11-01")
	ack(4, f.vera, 1, "2025-10-20")
	ack(1, f.darya, 2, "2025-06-01")

	first, err := f.s.SaveAudit(f.ctx, data.Audit{HeldOn: data.Day(2025, 9, 1)})
	if err != nil {
		f.t.Fatal(err)
	}
	second, err := f.s.SaveAudit(f.ctx, data.Audit{HeldOn: data.Day(2026, 1, 15)})
	if err != nil {
		f.t.Fatal(err)
	}
	for _, a := range []data.Action{
		{AuditID: first, What: "X1", Due: data.Day(2025, 10, 1)},
		{AuditID: first, What: "X2", Due: data.Day(2025, 10, 10), Status: "done", DoneOn: data.Day(2025, 11, 1)},
		{AuditID: first, What: "X3", Due: data.Day(2026, 3, 16)},
		{AuditID: second, What: "X4", Due: data.Day(2025, 10, 1)},
		{AuditID: first, What: "X5", Due: data.Day(2025, 9, 15), Status: "cancelled"},
		{What: "X6", Due: data.Day(2026, 3, 1)},
	} {
		if _, err := f.s.SaveAction(f.ctx, a); err != nil {
			f.t.Fatalf("SaveAction(%s): %v", a.What, err)
		}
	}
}

func TestEvidenceOfRegister(t *testing.T) {
	f := newEvidenceFixture(t)
	f.addRegister()
	today := f.evidence(evNow)
	// In force today: P1, P2, P4. Next reviews: P1 16.03.2026 (today: in time), P2 the
	// day before, P4 30.10.2025.
	share(t, "today", today, audit.ProceduresReviewed, 1, 3)
	// A, B, V, G x P1, P2, P4: A all three, B only P2 (P1 read in version 1), V P4.
	share(t, "today", today, audit.ProceduresAcknowledged, 5, 12)
	// Open and due before today: X1, X4, X6 (X3 is due today, X2 done, X5 cancelled).
	value(t, "today", today, audit.ActionsOverdue, charts.UnitCount, 3)

	past := f.evidence(evPast)
	// In force: all four; P1, P2, P4 due on or after 15.10.2025, P3 long overdue.
	share(t, "past", past, audit.ProceduresReviewed, 3, 4)
	// A, B, V, Д x P1-P4 acknowledged by then: A P2, P4; Д P1 (others read later).
	share(t, "past", past, audit.ProceduresAcknowledged, 3, 16)
	// Open then and due before: X1, X2 (done later); X4 belongs to a later audit.
	value(t, "past", past, audit.ActionsOverdue, charts.UnitCount, 2)
}

// addKPIData logs the fourth quarter of 2025, the quarter before today's audit.
func (f *evFixture) addKPIData() {
	report := func(client int64, at string, due time.Time) {
		f.log(data.Interaction{ClientID: client, At: stamp(f.t, at), Kind: data.KindReportSent, ReportDue: due})
	}
	report(f.c1, "2025-11-06 10:00", data.Day(2025, 11, 7)) // on time
	report(f.c3, "2025-12-08 10:00", data.Day(2025, 12, 5)) // late
	request := func(client int64, at string, hours float64) {
		f.log(data.Interaction{ClientID: client, At: stamp(f.t, at), Kind: data.KindRequest, ResponseHours: &hours})
	}
	request(f.c1, "2025-11-10 10:00", 3)  // SLA 4 (K1): in time
	request(f.c1, "2025-11-11 10:00", 5)  // late
	request(f.c3, "2025-12-01 10:00", 20) // SLA 24 (K3): in time
	complaint := func(client int64, at, resolved string) {
		f.log(data.Interaction{ClientID: client, At: stamp(f.t, at), Kind: data.KindComplaint,
			ResolvedAt: stamp(f.t, resolved)})
	}
	complaint(f.c4, "2025-11-03 10:00", "2025-11-03 13:00") // 3 h; no contract yet: 24 h
	complaint(f.c1, "2025-12-02 10:00", "2025-12-02 16:00") // 6 h; SLA 4: late
	rating := func(client int64, at string, score int) {
		f.log(data.Interaction{ClientID: client, At: stamp(f.t, at), Kind: data.KindFeedback, Satisfaction: score})
	}
	rating(f.c1, "2025-10-20 10:00", 5)
	rating(f.c2, "2025-11-20 10:00", 4)
	rating(f.c3, "2025-12-20 10:00", 2)
}

func TestEvidenceFromKPIs(t *testing.T) {
	f := newEvidenceFixture(t)
	f.addKPIData()
	today := f.evidence(evNow)
	// The fourth quarter of 2025.
	value(t, "today", today, audit.ReportsOnTime, charts.UnitPercent, 50)
	value(t, "today", today, audit.ResponseWithinSLA, charts.UnitPercent, 200.0/3)
	value(t, "today", today, audit.ComplaintsWithinSLA, charts.UnitPercent, 50)
	value(t, "today", today, audit.Satisfaction, charts.UnitScore, 11.0/3)
	// Served on 30.09.2025: all six; on 31.12.2025 C6 is gone.
	value(t, "today", today, audit.Retention, charts.UnitPercent, 500.0/6)
	// February 2026: C1-C5 = 730 000 against C1, C2, C4, C5, C6 = 470 000 a year before.
	value(t, "today", today, audit.BudgetGrowth, charts.UnitPercent, (730.0/470-1)*100)

	past := f.evidence(evPast)
	// The third quarter of 2025: nothing logged, nothing owed.
	for _, code := range []string{audit.ReportsOnTime, audit.ResponseWithinSLA, audit.ComplaintsWithinSLA,
		audit.Satisfaction} {
		if past[code].HasValue() {
			t.Errorf("past %s = %v, want no data", code, past[code].Value)
		}
	}
	value(t, "past", past, audit.Retention, charts.UnitPercent, 100)
	// September 2025: C1-C6 = 770 000 against C1, C2, C5, C6 = 420 000.
	value(t, "past", past, audit.BudgetGrowth, charts.UnitPercent, (770.0/420-1)*100)
}

func TestEvidenceOfWorkload(t *testing.T) {
	f := newEvidenceFixture(t)
	today := f.evidence(evNow)
	// Tier C clients weigh 1 point, plus 0.01 per log entry in the last 30 days (C1,
	// C2, C4 one each); a backup carries a fifth. V is on leave (no capacity).
	// A: C1 1.01 + C5 1 + a fifth of C4 1.01 over 2; B: C3 1 + C4 1.01 + a fifth of
	// C1 over 4; G: C2 1.01 over 1.
	utils := []float64{(1.01 + 1 + 0.202) / 2 * 100, (1 + 1.01 + 0.202) / 4 * 100, 1.01 * 100}
	value(t, "today", today, audit.WorkloadSpread, "pp", stddev(utils))
	value(t, "today", today, audit.Overloaded, charts.UnitCount, 2) // A and G over 100 %

	past := f.evidence(evPast)
	// On 30.09.2025, with no log that month: A leads C1, C5, C6 and backs C4 (3.2 over
	// 2); B leads C3, C4 and backs C1 (2.2 over 4); V and Д carry nothing on the
	// grade's 8 (leave is not in the history); G was not hired.
	utils = []float64{3.2 / 2 * 100, 2.2 / 4 * 100, 0, 0}
	value(t, "past", past, audit.WorkloadSpread, "pp", stddev(utils))
	value(t, "past", past, audit.Overloaded, charts.UnitCount, 1)
}

func stddev(v []float64) float64 {
	mean, sq := 0.0, 0.0
	for _, x := range v {
		mean += x / float64(len(v))
	}
	for _, x := range v {
		sq += (x - mean) * (x - mean)
	}
	return math.Sqrt(sq / float64(len(v)))
}

func TestEvidenceOfAnEmptyDatabase(t *testing.T) {
	s := openEvidenceStore(t)
	for _, asOf := range []time.Time{evNow, evPast} {
		got, err := audit.Evidence(context.Background(), s, asOf)
		if err != nil {
			t.Fatalf("Evidence(%v): %v", asOf, err)
		}
		for _, code := range audit.EvidenceCodes {
			if f, ok := got[code]; !ok || f.HasValue() {
				t.Errorf("empty database, %v: %s = %+v, want no data", asOf, code, f)
			}
		}
	}
}

func TestEvidenceIsExplained(t *testing.T) {
	for _, lang := range []string{"en", "ru"} {
		for _, code := range audit.EvidenceCodes {
			f := audit.None(code, charts.UnitPercent)
			for _, key := range []string{"name", "how"} {
				text := f.Name(lang)
				if key == "how" {
					text = f.How(lang)
				}
				if text == "" || text == "audit.evidence."+code+"."+key {
					t.Errorf("%s: no %s text for %s", lang, key, code)
				}
			}
		}
	}
}
