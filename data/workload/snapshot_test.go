package workload

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"leadboard/data"
)

// The weight formula, loads, capacity and months against a small department built
// through the store, every figure computed by hand in the comments.

var storeNow = time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)

type storeFixture struct {
	t                   *testing.T
	s                   *data.Store
	anna, boris, vera   int64 // middle (12), senior with 10 of her own, junior on leave
	alfa, beta, gamma   int64
	middle, senior, jun int64
}

func newStoreFixture(t *testing.T) *storeFixture {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "w.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetClock(func() time.Time { return storeNow })
	f := &storeFixture{t: t, s: s}
	grades, err := s.Grades(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range grades {
		switch g.Code {
		case "middle":
			f.middle = g.ID
		case "senior":
			f.senior = g.ID
		case "junior":
			f.jun = g.ID
		}
	}
	f.anna = f.person("Анна Акимова", f.middle, 1, 0, data.StaffActive)
	f.boris = f.person("Борис Быков", f.senior, 0.5, 10, data.StaffActive) // own capacity wins over 14 × 0.5
	f.vera = f.person("Вера Волкова", f.jun, 1, 0, data.StaffOnLeave)
	// Альфа: tier A, complexity 5, 3 services, weekly reports, 2 complaints and 1
	// request in the last 30 days.
	f.alfa = f.client("Альфа", "A", 5, []string{"media_buying", "creative", "analytics"}, f.anna, f.boris)
	f.contract(f.alfa, "weekly")
	f.log(f.alfa, "2026-03-01 10:00", data.KindComplaint)
	f.log(f.alfa, "2026-03-10 10:00", data.KindEscalation)
	f.log(f.alfa, "2026-03-11 10:00", data.KindRequest)
	f.log(f.alfa, "2026-01-11 10:00", data.KindComplaint) // older than 30 days: not recent load
	// Бета: tier C, complexity 1, one service, monthly reports, quiet.
	f.beta = f.client("Бета", "C", 1, []string{"smm"}, f.boris, 0)
	f.contract(f.beta, "monthly")
	// Гамма: tier B, complexity 3, led by Вера who is on leave.
	f.gamma = f.client("Гамма", "B", 3, []string{"seo"}, f.vera, 0)
	return f
}

func (f *storeFixture) person(name string, grade int64, fte, own float64, status data.StaffStatus) int64 {
	f.t.Helper()
	id, err := f.s.SaveStaff(context.Background(), data.Staff{FullName: name, GradeID: grade, HireDate: data.Day(2020, 1, 1),
		FTE: fte, CapacityOverride: own, Status: data.StaffActive}, data.GradeChange{})
	if err != nil {
		f.t.Fatal(err)
	}
	if status != data.StaffActive {
		p, _ := f.s.GetStaff(context.Background(), id)
		p.Status = status
		if _, err := f.s.SaveStaff(context.Background(), p, data.GradeChange{}); err != nil {
			f.t.Fatal(err)
		}
	}
	return id
}

func (f *storeFixture) client(name, tier string, complexity int, services []string, lead, backup int64) int64 {
	f.t.Helper()
	id, err := f.s.SaveClient(context.Background(), data.Client{Name: name, Tier: tier, Status: data.ClientActive,
		MonthlyBudget: 2_000_000, Complexity: complexity, Services: services, StartDate: data.Day(2025, 1, 1)},
		data.ClientTeam{LeadID: lead, BackupID: backup})
	if err != nil {
		f.t.Fatal(err)
	}
	return id
}

func (f *storeFixture) contract(client int64, frequency string) {
	f.t.Helper()
	_, err := f.s.SaveContract(context.Background(), data.Contract{ClientID: client, Number: "K-" + frequency,
		Start: data.Day(2025, 1, 1), End: data.Day(2026, 12, 31), Status: data.ContractActive, SLAHours: 24,
		ReportFrequency: frequency, ReportWorkday: 5, RenewalNoticeDays: 30})
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *storeFixture) log(client int64, at string, kind string) {
	f.t.Helper()
	when, _ := time.Parse(data.DateTimeLayout, at)
	in := data.Interaction{ClientID: client, At: when, Channel: "email", Kind: kind}
	if _, err := f.s.SaveInteraction(context.Background(), in); err != nil {
		f.t.Fatal(err)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestWeightsLoadsAndCapacity(t *testing.T) {
	f := newStoreFixture(t)
	snap, err := Take(context.Background(), f.s, Defaults())
	if err != nil {
		t.Fatal(err)
	}
	weights := map[int64]Breakdown{}
	for _, c := range snap.Clients {
		weights[c.ID] = c.Weight
	}
	// Альфа: base 3.0; complexity 3.0 × 0.15 × (5−3) = 0.9; services 0.1 × 2 = 0.2;
	// weekly 0.4; complaints 0.25 × 2 = 0.5; contacts 0.01 × 3 = 0.03. Total 5.03.
	// Бета: base 1.0; complexity 1.0 × 0.15 × (1−3) = −0.3; monthly 0.1. Total 0.8.
	// Гамма: base 1.7, nothing else. Total 1.7.
	for id, want := range map[int64]float64{f.alfa: 5.03, f.beta: 0.8, f.gamma: 1.7} {
		if got := weights[id].Total(); !near(got, want) {
			t.Errorf("client %d weighs %v (%+v), want %v", id, got, weights[id], want)
		}
	}
	loads := map[int64]Load{}
	for _, l := range snap.Loads() {
		loads[l.ID] = l
	}
	// Анна leads Альфа: 5.03 of 12 × 1 → 41.9 %, under.
	// Борис leads Бета (0.8) and backs up Альфа (5.03 × 0.2 = 1.006): 1.806 of his own 10.
	// Вера leads Гамма while on leave: 1.7 with no capacity, flagged.
	checks := []struct {
		who                  int64
		load, capacity, util float64
		band                 Band
	}{
		{f.anna, 5.03, 12, 5.03 / 12 * 100, BandUnder},
		{f.boris, 1.806, 10, 18.06, BandUnder},
		{f.vera, 1.7, 0, math.NaN(), BandNone},
	}
	for _, c := range checks {
		l := loads[c.who]
		if !near(l.Points(), c.load) || l.Capacity != c.capacity || Defaults().BandOf(l.Utilization()) != c.band ||
			(!math.IsNaN(c.util) && !near(l.Utilization(), c.util)) {
			t.Errorf("%s: load %v of %v (%v %%, %s), want %v of %v (%v %%, %s)", l.Name, l.Points(), l.Capacity,
				l.Utilization(), Defaults().BandOf(l.Utilization()), c.load, c.capacity, c.util, c.band)
		}
	}
	if loads[f.vera].OnLeaveClients != 1 {
		t.Errorf("Вера's clients while on leave: %d, want 1", loads[f.vera].OnLeaveClients)
	}
	// The department counts those with capacity: 6.836 of 22.
	tot := Defaults().TotalsOf(snap.Loads())
	if !near(tot.Capacity, 22) || tot.Managers != 2 || !near(tot.Load, 5.03+1.806+1.7) {
		t.Errorf("totals %+v", tot)
	}
}

func TestBudgetBaseAndSavedCoefficients(t *testing.T) {
	f := newStoreFixture(t)
	c := Defaults()
	c.Base, c.PointsPerMillion, c.BackupShare = BaseBudget, 0.5, 0.5
	if err := SaveCoefficients(context.Background(), f.s, c); err != nil {
		t.Fatal(err)
	}
	saved, err := LoadCoefficients(context.Background(), f.s)
	if err != nil || saved.Base != BaseBudget || saved.BackupShare != 0.5 {
		t.Fatalf("saved %+v, %v", saved, err)
	}
	snap, err := Take(context.Background(), f.s, saved)
	if err != nil {
		t.Fatal(err)
	}
	for _, cl := range snap.Clients {
		// Every client's budget is 2 million: base 0.5 × 2 = 1 (the least base is 1 too).
		if !near(cl.Weight.Base, 1) {
			t.Errorf("%s: base %v, want 1", cl.Name, cl.Weight.Base)
		}
	}
	bad := Defaults()
	bad.BackupShare, bad.OverAbove = 2, 50
	if err := SaveCoefficients(context.Background(), f.s, bad); err == nil {
		t.Error("a backup share of 200 % and bands the wrong way round were saved")
	}
}

func TestHistoryCountsMonthEnds(t *testing.T) {
	f := newStoreFixture(t)
	// From 1 March 2026 Бета goes to Анна.
	if err := f.s.Reassign(context.Background(), f.beta, data.RoleLead, f.anna, data.Day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	feb, mar := data.MonthFor(2026, time.February), data.MonthFor(2026, time.March)
	h, err := HistoryOf(context.Background(), f.s, Defaults(), feb, mar)
	if err != nil {
		t.Fatal(err)
	}
	// Static weights (without recent load): Альфа 4.5, Бета 0.8, Гамма 1.7.
	// February: Анна leads Альфа 4.5 + the month's log: no entries in February → 4.5.
	// March: Анна leads Альфа (4.5 + complaint 0.25 + escalation 0.25 + 3 entries × 0.01
	// = 5.03) and Бета 0.8 → 5.83.
	anna := h.Managers[f.anna]
	if len(anna) != 2 || !near(anna[0].Load, 4.5) || !near(anna[1].Load, 5.83) || anna[1].Capacity != 12 {
		t.Fatalf("Анна's months %+v", anna)
	}
	// Борис: February leads Бета 0.8 and backs up Альфа 0.9; March only the backup,
	// now 5.03 × 0.2. His own capacity applies to the past too.
	boris := h.Managers[f.boris]
	if !near(boris[0].Load, 0.8+0.9) || !near(boris[1].Load, 5.03*0.2) || boris[0].Capacity != 10 {
		t.Fatalf("Борис's months %+v", boris)
	}
}
