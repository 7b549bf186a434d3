package health

// The renewals fixture (clock: Monday 16 March 2026), health bands red below 50,
// amber below 70:
//
//	Альфа  lead Анна, budget 500 000, 600 000 from 10 Mar, health 45 (red).
//	       A30 ends 15 Apr 2026: 30 days left, the 30-day window. A draft A30-next
//	       starts 16 Apr: renewed.
//	Бета   lead Анна, Борис from 1 Feb 2026; budget 300 000; health 50 (amber: the
//	       red threshold itself is amber).
//	       B31 ends 16 Apr: 31 days, the 60-day window. A terminated contract that
//	       started after it does not renew it. B35 runs alongside and ends 20 Apr: a
//	       parallel contract that started earlier does not renew B31 either.
//	Гамма  lead Борис, budget 200 000, health 70 (green: the amber threshold is green).
//	       G0 ends today: 0 days left, the 30-day window.
//	Дельта lead Борис, budget 100 000, no health score.
//	       D-old ended yesterday (still marked active): out. D90 started today, ends
//	       14 Jun: 90 days, the 90-day window, renews D-old.
//	Ель    lead Анна: E91 ends 15 Jun, 91 days: outside every window; a draft ending
//	       in April and an active contract starting next month are not in force.

import (
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"leadboard/charts"
	"leadboard/data"
)

type renewalFixture struct {
	*regFixture
	alfa, beta, gamma, delta int64
	health                   map[int64]float64
}

func (f *regFixture) contract(client int64, number string, start, end time.Time, status data.ContractStatus) {
	f.t.Helper()
	_, err := f.s.SaveContract(f.ctx, data.Contract{ClientID: client, Number: number, Start: start, End: end,
		MonthlyFee: 100_000, Status: status, RenewalNoticeDays: 30, SLAHours: 24, ReportFrequency: "monthly",
		ReportWorkday: 5})
	if err != nil {
		f.t.Fatalf("SaveContract(%s): %v", number, err)
	}
}

func newRenewalFixture(t *testing.T) renewalFixture {
	f := renewalFixture{regFixture: newRegFixture(t)}
	anna, boris := f.staff("Анна Акимова"), f.staff("Борис Быков")
	f.alfa = f.client("Альфа", 500_000, anna)
	f.beta = f.client("Бета", 300_000, anna)
	f.gamma = f.client("Гамма", 200_000, boris)
	f.delta = f.client("Дельта", 100_000, boris)
	yel := f.client("Ель", 50_000, anna)
	c, err := f.s.GetClient(f.ctx, f.alfa)
	if err != nil {
		t.Fatal(err)
	}
	c.MonthlyBudget = 600_000
	if _, err := f.s.SaveClient(f.ctx, c, data.ClientTeam{LeadID: anna, From: data.Day(2026, 3, 10)}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Reassign(f.ctx, f.beta, data.RoleLead, boris, data.Day(2026, 2, 1)); err != nil {
		t.Fatal(err)
	}
	active, draft := data.ContractActive, data.ContractDraft
	f.contract(f.alfa, "A30", data.Day(2025, 4, 16), data.Day(2026, 4, 15), active)
	f.contract(f.alfa, "A30-next", data.Day(2026, 4, 16), data.Day(2027, 4, 15), draft)
	f.contract(f.beta, "B31", data.Day(2025, 4, 17), data.Day(2026, 4, 16), active)
	f.contract(f.beta, "B31-broken", data.Day(2026, 4, 17), data.Day(2026, 4, 17), data.ContractTerminated)
	f.contract(f.beta, "B35", data.Day(2025, 1, 1), data.Day(2026, 4, 20), active)
	f.contract(f.gamma, "G0", data.Day(2025, 3, 17), today, active)
	f.contract(f.delta, "D-old", data.Day(2025, 3, 16), data.Day(2026, 3, 15), active)
	f.contract(f.delta, "D90", today, data.Day(2026, 6, 14), active)
	f.contract(yel, "E91", data.Day(2025, 6, 16), data.Day(2026, 6, 15), active)
	f.contract(yel, "E-draft", data.Day(2025, 6, 16), data.Day(2026, 4, 1), draft)
	f.contract(yel, "E-next", data.Day(2026, 4, 1), data.Day(2026, 4, 30), active)
	f.health = map[int64]float64{f.alfa: 45, f.beta: 50, f.gamma: 70}
	return f
}

// renewalKey is what the tests compare of a renewal.
type renewalKey struct {
	Number, Client, Lead string
	DaysLeft, Bucket     int
	Budget               int64
	Renewed              bool
	Band                 string
}

func keysOf(rs []Renewal) []renewalKey {
	var out []renewalKey
	for _, r := range rs {
		out = append(out, renewalKey{r.Number, r.Client, r.Lead, r.DaysLeft, RenewalBucket(r.DaysLeft), r.Budget,
			r.Renewed, r.Band})
	}
	return out
}

var (
	wantG0  = renewalKey{"G0", "Гамма", "Борис Быков", 0, 30, 200_000, false, "green"}
	wantA30 = renewalKey{"A30", "Альфа", "Анна Акимова", 30, 30, 600_000, true, "red"}
	wantB31 = renewalKey{"B31", "Бета", "Борис Быков", 31, 60, 300_000, false, "amber"}
	wantB35 = renewalKey{"B35", "Бета", "Борис Быков", 35, 60, 300_000, false, "amber"}
	wantD90 = renewalKey{"D90", "Дельта", "Борис Быков", 90, 90, 100_000, false, ""}
)

func TestRenewalsWindowsAndEdges(t *testing.T) {
	f := newRenewalFixture(t)
	for _, c := range []struct {
		days int
		want []renewalKey
	}{
		{30, []renewalKey{wantG0, wantA30}},
		{60, []renewalKey{wantG0, wantA30, wantB31, wantB35}},
		{90, []renewalKey{wantG0, wantA30, wantB31, wantB35, wantD90}},
	} {
		rs, err := Renewals(f.ctx, f.s, today, c.days, f.health, DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		if got := keysOf(rs); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%d days:\n got %+v\nwant %+v", c.days, got, c.want)
		}
		for _, r := range rs {
			if _, scored := f.health[r.ClientID]; scored == math.IsNaN(r.Health) {
				t.Errorf("%s: health %v", r.Number, r.Health)
			}
			if r.MonthlyFee != 100_000 || r.Ends.IsZero() || r.ContractID == 0 {
				t.Errorf("%s: %+v", r.Number, r)
			}
		}
	}
	// The budget at stake is the one in force on the day asked about: Альфа's
	// 500 000 before 10 March. D-old, in force then, is renewed by D90.
	rs, err := Renewals(f.ctx, f.s, data.Day(2026, 3, 9), 37, f.health, DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	want := []renewalKey{{"D-old", "Дельта", "Борис Быков", 6, 30, 100_000, true, ""},
		{"G0", "Гамма", "Борис Быков", 7, 30, 200_000, false, "green"},
		{"A30", "Альфа", "Анна Акимова", 37, 60, 500_000, true, "red"}}
	if got := keysOf(rs); !reflect.DeepEqual(got, want) {
		t.Errorf("on 9 March:\n got %+v\nwant %+v", got, want)
	}
}

// The bands are the settings' (Settings.Band), the colours the distribution
// chart's.
func TestRenewalsBandsAreTheSettings(t *testing.T) {
	f := newRenewalFixture(t)
	st := DefaultSettings()
	st.Red, st.Amber = 46, 50 // Альфа 45 red, Бета 50 and Гамма 70 green
	rs, err := Renewals(f.ctx, f.s, today, 60, f.health, st)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rs {
		got[r.Number] = r.Band
	}
	want := map[string]string{"G0": BandGreen, "A30": BandRed, "B31": BandGreen, "B35": BandGreen}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bands %v, want %v", got, want)
	}
	renewals := RenewalsByMonthChart(rs, "en", charts.Print).Style.Palette
	distribution := DistributionChart(nil, st, "en", charts.Print).Style.Palette
	if len(renewals) != len(distribution)+1 || !slices.Equal(renewals[:len(distribution)], distribution) {
		t.Errorf("renewals palette %v, distribution's %v and a grey for no score", renewals, distribution)
	}
}

func TestRenewalBucketEdges(t *testing.T) {
	for days, want := range map[int]int{0: 30, 1: 30, 30: 30, 31: 60, 60: 60, 61: 90, 90: 90, 91: 120} {
		if got := RenewalBucket(days); got != want {
			t.Errorf("RenewalBucket(%d) = %d, want %d", days, got, want)
		}
	}
}

func TestRenewalsByMonthChart(t *testing.T) {
	f := newRenewalFixture(t)
	rs, err := Renewals(f.ctx, f.s, today, 90, f.health, DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	c := RenewalsByMonthChart(rs, "ru", charts.Print)
	if want := []string{"мар 26", "апр 26", "май 26", "июн 26"}; !slices.Equal(c.Categories, want) {
		t.Fatalf("categories %q, want %q", c.Categories, want)
	}
	if want := []string{"Красная зона", "Жёлтая зона", "Зелёная зона", "Нет оценки"}; !slices.Equal(c.Segments, want) {
		t.Fatalf("segments %q, want %q", c.Segments, want)
	}
	// Бета has two contracts ending in April: its budget is at stake once.
	want := [][]float64{{0, 0, 200_000, 0}, {600_000, 300_000, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 100_000}}
	if !reflect.DeepEqual(c.Values, want) {
		t.Fatalf("values %v, want %v", c.Values, want)
	}
	if got, want := c.Format(600_000), charts.FormatAxis("ru", charts.UnitRoubles, 600_000); got != want {
		t.Fatalf("format %q, want %q", got, want)
	}
	if len(c.Style.Palette) != 4 || c.Style.Palette[0] != charts.OkabeIto[5] || c.Style.Palette[2] != charts.OkabeIto[2] {
		t.Fatalf("palette %v: red vermillion, green bluish green", c.Style.Palette)
	}
	if empty := RenewalsByMonthChart(nil, "en", charts.Print); len(empty.Categories) != 0 || empty.Empty == "" {
		t.Fatalf("empty chart %+v", empty)
	}
	if err := c.PNG(discard{}, 900, 450); err != nil {
		t.Fatal(err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func TestRenewalsTable(t *testing.T) {
	f := newRenewalFixture(t)
	rs, err := Renewals(f.ctx, f.s, today, 90, f.health, DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	tb := RenewalsTable(rs, "en")
	rows := regRows(t, tb)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5", len(rows))
	}
	want := []any{data.Day(2026, 4, 16), int64(60), int64(31), "Бета", "B31", "Борис Быков", int64(100_000),
		int64(300_000), false, 50.0, "Amber"}
	if !reflect.DeepEqual(rows[2], want) {
		t.Fatalf("B31 row\n got %v\nwant %v", rows[2], want)
	}
	if last := rows[4]; last[9] != nil || last[10] != "No score" || last[1] != int64(90) {
		t.Fatalf("D90 row %v: no score, 90-day window", last)
	}
	regCheckKinds(t, tb)
}

// For a past day the status kept is today's: a contract that has ended since was
// in force then, as the audit and the health scores read it (any status but a
// draft). Today only an active contract is in force.
func TestRenewalsOnAPastDayReadSignedContracts(t *testing.T) {
	f := newRenewalFixture(t)
	f.contract(f.gamma, "G-ended", data.Day(2025, 3, 1), data.Day(2026, 3, 12), data.ContractEnded)
	f.contract(f.gamma, "G-ended-later", data.Day(2025, 3, 1), data.Day(2026, 4, 2), data.ContractEnded)
	rs, err := Renewals(f.ctx, f.s, data.Day(2026, 3, 9), 7, f.health, DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, r.Number)
	}
	if want := []string{"G-ended", "D-old", "G0"}; !slices.Equal(got, want) {
		t.Errorf("on 9 March: %q, want %q", got, want)
	}
	rs, err = Renewals(f.ctx, f.s, today, 30, f.health, DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Number == "G-ended-later" {
			t.Errorf("today an ended contract is not in force: %+v", r)
		}
	}
}
