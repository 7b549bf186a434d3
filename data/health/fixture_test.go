package health

// The fixture the store-backed health tests read: a small department built only
// through the store's public API.
//
// Clock: Monday 16 March 2026, noon. As of that day the 90-day window is
// 17 Dec 2025 .. 16 Mar 2026, the 90 days before it 18 Sep .. 16 Dec 2025, the
// three full months December .. February, the budget compared with 16 Dec 2025.
//
// Staff (middle grade, capacity 12): Анна, Борис; Вера (on leave); Глеб (his own
// capacity of 1 point: over capacity with any client).
//
//	Альфа  lead Анна, backup Борис. Contract K1 from 2025-01-01, open, SLA 4 h, monthly
//	       reports. KPI "leads" 90 a month against a target of 100 → 90 %.
//	       Ratings 5 and 4 (recent), 4 (before) → 4.5, no fall → 87.5.
//	       One complaint on 10 Jan (one on 16 Dec is outside the window) → 75.
//	       Responses 1 h, 2 h, 5 h → 2 of 3 within 4 h → 66.7.
//	       Reports due 8 Dec and 8 Jan sent on time, February's never → 66.7.
//	       Budget unchanged → 100; renewal 100; coverage 100.
//	       Computed (20×90 + 15×87.5 + 15×75 + 10×66.67 + 10×66.67 + 3×10×100) / 100
//	       = 85.7 → 86, green.
//	Бета   lead Вера (on leave), no backup, no contract. Ratings 3, 3 (recent), 4, 5
//	       (before) → 50 − 20 × 1.5 = 20. A complaint and an escalation → 3 → 25.
//	       Budget 400 000, 200 000 from 1 Feb 2026 → −50 % → 0. Renewal 0 (active,
//	       no contract). Coverage 0. No KPI, responses or reports: weights 60.
//	       Computed (15×20 + 15×25) / 60 = 11.25 → 11, red.
//	Гамма  paused, lead Борис, backup Анна. Contract K3 2025-06-01 .. 2026-05-15
//	       (ends in 60 days), SLA 24 h, monthly reports: December's sent late,
//	       January's and February's never → 0, «нет отчёта за январь». One response in
//	       30 h → 0 %. Renewal 0.
//	Дельта lead Анна, backup Борис. Contract K4 2025-01-01 .. 2026-05-16 (61 days):
//	       renewal 100. Override 30 in force until 31 Mar.
//	Ёлка   lead Глеб (over capacity), backup Анна. Contract K5 2025-01-01 ..
//	       2026-04-01, K5-2 from 2026-04-02: renewal 100; coverage 50. Override that
//	       expired yesterday.
//	Зима   lead Борис, backup Анна. Contract K6 from 2025-01-01, no reports.
//	       Complaints: 10 Dec, 15 Jan, 5 and 20 Feb (History: 1, 2, 4 in the windows
//	       ending 31 Dec, 31 Jan, 28 Feb).
//	Жук    churned on 1 Mar 2026: not served on the 16th.
//	Ива    a prospect: never served.

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"leadboard/data"
)

var fixtureNow = time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)

var today = data.Day(2026, 3, 16)

type fixture struct {
	t   *testing.T
	ctx context.Context
	s   *data.Store

	anna, boris, vera, gleb                     int64
	alfa, beta, gamma, delta, yolka, zima, zhuk int64
	deltaOverride, yolkaOverride                int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "health.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return fixtureNow })
	t.Cleanup(func() { s.Close() })
	f := &fixture{t: t, ctx: context.Background(), s: s}

	f.anna = f.staff("Анна Акимова", 0)
	f.boris = f.staff("Борис Быков", 0)
	f.vera = f.staff("Вера Волкова", 0)
	f.gleb = f.staff("Глеб Гусев", 1)

	f.alfa = f.client("Альфа", data.ClientActive, 500_000, f.anna, f.boris)
	f.beta = f.client("Бета", data.ClientActive, 400_000, f.vera, 0)
	f.gamma = f.client("Гамма", data.ClientPaused, 300_000, f.boris, f.anna)
	f.delta = f.client("Дельта", data.ClientActive, 300_000, f.anna, f.boris)
	f.yolka = f.client("Ёлка", data.ClientActive, 300_000, f.gleb, f.anna)
	f.zima = f.client("Зима", data.ClientActive, 300_000, f.boris, f.anna)
	f.zhuk = f.client("Жук", data.ClientActive, 100_000, f.boris, f.anna)
	f.save(data.Client{Name: "Ива", Tier: "C", Status: data.ClientProspect, Complexity: 3,
		StartDate: data.Day(2026, 1, 1)}, data.ClientTeam{})

	// Вера goes on leave after taking Бета.
	vera, err := s.GetStaff(f.ctx, f.vera)
	if err != nil {
		t.Fatal(err)
	}
	vera.Status = data.StaffOnLeave
	if _, err := s.SaveStaff(f.ctx, vera, data.GradeChange{}); err != nil {
		t.Fatal(err)
	}
	// Бета's budget halves from 1 February; Жук leaves on 1 March.
	f.change(f.beta, data.ClientTeam{LeadID: f.vera, From: data.Day(2026, 2, 1)}, func(c *data.Client) {
		c.MonthlyBudget = 200_000
	})
	if err := s.ArchiveClient(f.ctx, f.zhuk, data.Day(2026, 3, 1), "ушёл"); err != nil {
		t.Fatal(err)
	}

	open := time.Time{}
	f.contract(f.alfa, "K1", data.Day(2025, 1, 1), open, 4, "monthly", data.ContractActive)
	f.contract(f.gamma, "K3", data.Day(2025, 6, 1), data.Day(2026, 5, 15), 24, "monthly", data.ContractActive)
	f.contract(f.delta, "K4", data.Day(2025, 1, 1), data.Day(2026, 5, 16), 24, "none", data.ContractActive)
	f.contract(f.yolka, "K5", data.Day(2025, 1, 1), data.Day(2026, 4, 1), 24, "none", data.ContractActive)
	f.contract(f.yolka, "K5-2", data.Day(2026, 4, 2), open, 24, "none", data.ContractActive)
	f.contract(f.zima, "K6", data.Day(2025, 1, 1), open, 24, "none", data.ContractActive)

	// Альфа.
	f.kpi(f.alfa, 90, 100)
	f.rating(f.alfa, "2026-01-20 10:00", 5)
	f.rating(f.alfa, "2026-03-02 10:00", 4)
	f.rating(f.alfa, "2025-11-02 10:00", 4)
	f.log(data.Interaction{ClientID: f.alfa, At: stamp("2026-01-10 10:00"), Kind: data.KindComplaint})
	f.log(data.Interaction{ClientID: f.alfa, At: stamp("2025-12-16 23:00"), Kind: data.KindComplaint})
	f.request(f.alfa, "2025-12-05 10:00", 1)
	f.request(f.alfa, "2026-01-05 10:00", 2)
	f.request(f.alfa, "2026-02-05 10:00", 5)
	f.report(f.alfa, "2025-12-08 10:00", data.Day(2025, 12, 8))
	f.report(f.alfa, "2026-01-08 10:00", data.Day(2026, 1, 8))

	// Бета.
	f.rating(f.beta, "2026-01-10 10:00", 3)
	f.rating(f.beta, "2026-02-10 10:00", 3)
	f.rating(f.beta, "2025-10-10 10:00", 4)
	f.rating(f.beta, "2025-11-10 10:00", 5)
	f.log(data.Interaction{ClientID: f.beta, At: stamp("2026-02-11 10:00"), Kind: data.KindComplaint})
	f.log(data.Interaction{ClientID: f.beta, At: stamp("2026-02-12 10:00"), Kind: data.KindEscalation})

	// Гамма.
	f.report(f.gamma, "2025-12-15 10:00", data.Day(2025, 12, 8))
	f.request(f.gamma, "2026-01-20 10:00", 30)
	f.kpi(f.gamma, 72, 100)

	// Зима.
	for _, at := range []string{"2025-12-10 10:00", "2026-01-15 10:00", "2026-02-05 10:00", "2026-02-20 10:00"} {
		f.log(data.Interaction{ClientID: f.zima, At: stamp(at), Kind: data.KindComplaint})
	}

	// Overrides: Дельта's in force, Ёлка's expired yesterday.
	f.deltaOverride = f.override(data.HealthOverride{ClientID: f.delta, Score: 30, Note: "Смена руководства у клиента",
		SetOn: data.Day(2026, 3, 10), ExpiresOn: data.Day(2026, 3, 31)})
	f.yolkaOverride = f.override(data.HealthOverride{ClientID: f.yolka, Score: 95, Note: "Подписали допсоглашение",
		SetOn: data.Day(2026, 3, 1), ExpiresOn: data.Day(2026, 3, 20)})
	if err := s.EndHealthOverride(f.ctx, f.yolkaOverride); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) staff(name string, capacity float64) int64 {
	f.t.Helper()
	var middle int64
	grades, err := f.s.Grades(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, g := range grades {
		if g.Code == "middle" {
			middle = g.ID
		}
	}
	id, err := f.s.SaveStaff(f.ctx, data.Staff{FullName: name, Position: "Аккаунт-менеджер", GradeID: middle,
		Team: "Альфа", HireDate: data.Day(2020, 1, 1), FTE: 1, CapacityOverride: capacity,
		Status: data.StaffActive}, data.GradeChange{})
	if err != nil {
		f.t.Fatalf("SaveStaff(%s): %v", name, err)
	}
	return id
}

func (f *fixture) save(c data.Client, team data.ClientTeam) int64 {
	f.t.Helper()
	id, err := f.s.SaveClient(f.ctx, c, team)
	if err != nil {
		f.t.Fatalf("SaveClient(%s): %v", c.Name, err)
	}
	return id
}

func (f *fixture) client(name string, status data.ClientStatus, budget int64, lead, backup int64) int64 {
	f.t.Helper()
	return f.save(data.Client{Name: name, Tier: "B", Status: status, MonthlyBudget: budget, Complexity: 3,
		StartDate: data.Day(2023, 1, 10)}, data.ClientTeam{LeadID: lead, BackupID: backup})
}

func (f *fixture) change(id int64, team data.ClientTeam, edit func(c *data.Client)) {
	f.t.Helper()
	c, err := f.s.GetClient(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	edit(&c)
	f.save(c, team)
}

func (f *fixture) contract(client int64, number string, start, end time.Time, sla float64, reports string,
	status data.ContractStatus) int64 {
	f.t.Helper()
	id, err := f.s.SaveContract(f.ctx, data.Contract{ClientID: client, Number: number, Start: start, End: end,
		MonthlyFee: 100_000, Status: status, RenewalNoticeDays: 30, SLAHours: sla, ReportFrequency: reports,
		ReportWorkday: 5})
	if err != nil {
		f.t.Fatalf("SaveContract(%s): %v", number, err)
	}
	return id
}

func (f *fixture) log(in data.Interaction) {
	f.t.Helper()
	if in.Channel == "" {
		in.Channel = "email"
	}
	if _, err := f.s.SaveInteraction(f.ctx, in); err != nil {
		f.t.Fatalf("SaveInteraction(%s %v): %v", in.Kind, in.At, err)
	}
}

func (f *fixture) request(client int64, at string, hours float64) {
	f.log(data.Interaction{ClientID: client, At: stamp(at), Kind: data.KindRequest, ResponseHours: &hours})
}

func (f *fixture) report(client int64, at string, due time.Time) {
	f.log(data.Interaction{ClientID: client, At: stamp(at), Kind: data.KindReportSent, ReportDue: due})
}

func (f *fixture) rating(client int64, at string, score int) {
	f.log(data.Interaction{ClientID: client, At: stamp(at), Kind: data.KindFeedback, Satisfaction: score})
}

// kpi gives the client a monthly value and target of an entered KPI "leads" in
// December .. February.
func (f *fixture) kpi(client int64, value, target float64) {
	f.t.Helper()
	k, err := f.s.KPIByCode(f.ctx, "leads")
	if err != nil {
		id, err := f.s.SaveKPI(f.ctx, data.KPI{Code: "leads", NameRU: "Заявки", NameEN: "Leads", Unit: data.UnitCount,
			Direction: data.HigherIsBetter, Combine: data.CombineSum, Level: data.LevelClient})
		if err != nil {
			f.t.Fatal(err)
		}
		k.ID = id
	}
	dec := data.MonthFor(2025, time.December)
	err = f.s.Update(f.ctx, func(tx *data.Tx) error {
		for m := dec; m <= dec+2; m++ {
			if _, err := tx.SetKPIValue(data.KPIValue{KPIID: k.ID, Month: m, EntityID: client, Value: value}); err != nil {
				return err
			}
		}
		_, err := tx.SetKPITarget(data.KPITarget{KPIID: k.ID, Scope: data.ScopeClient, EntityID: client, From: dec,
			To: dec + 2, Target: target})
		return err
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) override(o data.HealthOverride) int64 {
	f.t.Helper()
	id, err := f.s.SaveHealthOverride(f.ctx, o)
	if err != nil {
		f.t.Fatalf("SaveHealthOverride: %v", err)
	}
	return id
}

// scores computes everyone's health as of a day with the default settings, by client.
func (f *fixture) scores(asOf time.Time) map[int64]ClientHealth {
	f.t.Helper()
	hs, err := Scores(f.ctx, f.s, DefaultSettings(), asOf)
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[int64]ClientHealth{}
	for _, h := range hs {
		out[h.ClientID] = h
	}
	return out
}

func stamp(s string) time.Time {
	t, err := time.Parse(data.DateTimeLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// same compares scores: NaN equals NaN, numbers agree to 0.01.
func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 0.01
}

var na = math.NaN()
