package health

// The pipeline fixture (clock: Monday 16 March 2026, noon), built through the store's
// public API:
//
//	Альфа  lead Анна throughout.
//	       upsell 200 000 × 50 % = 100 000 (created 10 Jan), cross-sell 100 000 × 30 % =
//	       30 000 (created 1 Mar), and a won upsell 500 000 × 90 % (not open: left out).
//	Бета   lead Анна, Борис from 1 Feb 2026.
//	       upsell 300 000 × 20 % = 60 000, cross-sell 80 000 × 75 % = 60 000 (10 Jan).
//	Гамма  a prospect without a lead: cross-sell 500 000 × 40 % = 200 000 (10 Jan).
//	Дельта lead Борис; upsell 1 000 000 × 100 % (10 Jan); lost and archived 10 Mar.
//
// On 16 March: Анна 2 open, 300 000, weighted 130 000 (upsell 100 000, cross-sell
// 30 000); Борис 2 open, 380 000, weighted 120 000 (60 000 + 60 000); no lead 1 open,
// 500 000, weighted 200 000 (cross-sell), listed last although the largest.
// On 15 January: Альфа's cross-sell is not yet created, Бета is still Анна's and
// Дельта not yet archived: Борис 1 000 000; Анна 3 open, 580 000, weighted 220 000
// (upsell 160 000, cross-sell 60 000); no lead 200 000.

import (
	"context"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

type regFixture struct {
	t   *testing.T
	ctx context.Context
	s   *data.Store
}

func newRegFixture(t *testing.T) *regFixture {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "registers.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return fixtureNow })
	t.Cleanup(func() { s.Close() })
	return &regFixture{t: t, ctx: context.Background(), s: s}
}

func (f *regFixture) staff(name string) int64 {
	f.t.Helper()
	grades, err := f.s.Grades(f.ctx)
	if err != nil || len(grades) == 0 {
		f.t.Fatalf("grades: %v", err)
	}
	id, err := f.s.SaveStaff(f.ctx, data.Staff{FullName: name, Position: "Аккаунт-менеджер", GradeID: grades[0].ID,
		HireDate: data.Day(2020, 1, 1), FTE: 1, Status: data.StaffActive}, data.GradeChange{})
	if err != nil {
		f.t.Fatalf("SaveStaff(%s): %v", name, err)
	}
	return id
}

// client saves a client that started on 1 January 2025 with the lead (0: a prospect
// without one).
func (f *regFixture) client(name string, budget int64, lead int64) int64 {
	f.t.Helper()
	c := data.Client{Name: name, Tier: "B", Status: data.ClientActive, MonthlyBudget: budget, Complexity: 3,
		StartDate: data.Day(2025, 1, 1)}
	if lead == 0 {
		c.Status = data.ClientProspect
	}
	id, err := f.s.SaveClient(f.ctx, c, data.ClientTeam{LeadID: lead})
	if err != nil {
		f.t.Fatalf("SaveClient(%s): %v", name, err)
	}
	return id
}

func (f *regFixture) opportunity(client int64, kind string, amount int64, probability int, created time.Time,
	status string) {
	f.t.Helper()
	_, err := f.s.SaveOpportunity(f.ctx, data.Opportunity{ClientID: client, Service: "media_buying", Kind: kind,
		Amount: amount, Probability: probability, ExpectedOn: data.Day(2026, 6, 1), CreatedOn: created, Status: status})
	if err != nil {
		f.t.Fatalf("SaveOpportunity: %v", err)
	}
}

type pipelineFixture struct {
	*regFixture
	anna, boris int64
}

func newPipelineFixture(t *testing.T) pipelineFixture {
	f := pipelineFixture{regFixture: newRegFixture(t)}
	f.anna, f.boris = f.staff("Анна Акимова"), f.staff("Борис Быков")
	alfa := f.client("Альфа", 500_000, f.anna)
	beta := f.client("Бета", 300_000, f.anna)
	gamma := f.client("Гамма", 200_000, 0)
	delta := f.client("Дельта", 100_000, f.boris)
	jan10 := data.Day(2026, 1, 10)
	f.opportunity(alfa, "upsell", 200_000, 50, jan10, "open")
	f.opportunity(alfa, "cross_sell", 100_000, 30, data.Day(2026, 3, 1), "open")
	f.opportunity(alfa, "upsell", 500_000, 90, jan10, "won")
	f.opportunity(beta, "upsell", 300_000, 20, jan10, "open")
	f.opportunity(beta, "cross_sell", 80_000, 75, jan10, "open")
	f.opportunity(gamma, "cross_sell", 500_000, 40, jan10, "open")
	f.opportunity(delta, "upsell", 1_000_000, 100, jan10, "open")
	if err := f.s.Reassign(f.ctx, beta, data.RoleLead, f.boris, data.Day(2026, 2, 1)); err != nil {
		t.Fatal(err)
	}
	if err := f.s.ArchiveClient(f.ctx, delta, data.Day(2026, 3, 10), "сократили бюджет"); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestPipelineByCurrentLeadWeightedFirstNoLeadLast(t *testing.T) {
	f := newPipelineFixture(t)
	got, err := Pipeline(f.ctx, f.s, today)
	if err != nil {
		t.Fatal(err)
	}
	want := []ManagerPipeline{
		{ManagerID: f.anna, Manager: "Анна Акимова", Open: 2, Total: 300_000, Weighted: 130_000, Upsell: 100_000,
			CrossSell: 30_000},
		{ManagerID: f.boris, Manager: "Борис Быков", Open: 2, Total: 380_000, Weighted: 120_000, Upsell: 60_000,
			CrossSell: 60_000},
		{Open: 1, Total: 500_000, Weighted: 200_000, CrossSell: 200_000},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("pipeline on 16 March:\n got %+v\nwant %+v", got, want)
	}

	got, err = Pipeline(f.ctx, f.s, data.Day(2026, 1, 15))
	if err != nil {
		t.Fatal(err)
	}
	want = []ManagerPipeline{
		{ManagerID: f.boris, Manager: "Борис Быков", Open: 1, Total: 1_000_000, Weighted: 1_000_000,
			Upsell: 1_000_000},
		{ManagerID: f.anna, Manager: "Анна Акимова", Open: 3, Total: 580_000, Weighted: 220_000, Upsell: 160_000,
			CrossSell: 60_000},
		{Open: 1, Total: 500_000, Weighted: 200_000, CrossSell: 200_000},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("pipeline on 15 January:\n got %+v\nwant %+v", got, want)
	}

	if got, err := Pipeline(f.ctx, f.s, data.Day(2026, 1, 9)); err != nil || len(got) != 0 {
		t.Fatalf("before any opportunity: %+v, %v", got, err)
	}
}

func TestPipelineChartAndTable(t *testing.T) {
	f := newPipelineFixture(t)
	p, err := Pipeline(f.ctx, f.s, today)
	if err != nil {
		t.Fatal(err)
	}
	c := PipelineChart(p, "ru", charts.Print)
	if want := []string{"Анна Акимова", "Борис Быков", "Без ведущего"}; !slices.Equal(c.Categories, want) {
		t.Fatalf("categories %q, want %q", c.Categories, want)
	}
	if want := []string{"Допродажа", "Кросс-продажа"}; !slices.Equal(c.Segments, want) {
		t.Fatalf("segments %q, want %q", c.Segments, want)
	}
	if want := [][]float64{{100_000, 30_000}, {60_000, 60_000}, {0, 200_000}}; !reflect.DeepEqual(c.Values, want) {
		t.Fatalf("values %v, want %v", c.Values, want)
	}
	if got, want := c.Format(1_200_000), charts.FormatAxis("ru", charts.UnitRoubles, 1_200_000); got != want {
		t.Fatalf("format %q, want %q", got, want)
	}
	if en := PipelineChart(p, "en", charts.Print); en.Categories[2] != "No lead" || en.Segments[1] != "Cross-sell" {
		t.Fatalf("English chart: %q %q", en.Categories, en.Segments)
	}
	if empty := PipelineChart(nil, "ru", charts.Print); len(empty.Categories) != 0 || empty.Empty == "" {
		t.Fatalf("empty chart %+v", empty)
	}

	rows := regRows(t, PipelineTable(p, "ru"))
	want := [][]any{
		{"Анна Акимова", int64(2), int64(300_000), int64(130_000), int64(100_000), int64(30_000)},
		{"Борис Быков", int64(2), int64(380_000), int64(120_000), int64(60_000), int64(60_000)},
		{"Без ведущего", int64(1), int64(500_000), int64(200_000), int64(0), int64(200_000)},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("table rows\n got %v\nwant %v", rows, want)
	}
}

func TestOpportunitiesTable(t *testing.T) {
	list := []data.Opportunity{
		{Client: "Альфа", Service: "media_buying", Kind: "upsell", Amount: 150_001, Probability: 35,
			ExpectedOn: data.Day(2026, 5, 15), CreatedOn: today, Status: "open"},
		{Client: "Бета", Service: "Видеопродакшн", Kind: "cross_sell", Amount: 80_000, Probability: 0,
			ExpectedOn: data.Day(2026, 4, 1), Status: "lost"},
	}
	tb := OpportunitiesTable(list, "ru")
	rows := regRows(t, tb)
	want := [][]any{
		{"Альфа", "Закупка рекламы", "Допродажа", int64(150_001), 0.35, int64(52_500), data.Day(2026, 5, 15), "Открыта",
			today},
		{"Бета", "Видеопродакшн", "Кросс-продажа", int64(80_000), 0.0, int64(0), data.Day(2026, 4, 1), "Отказ", nil},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows\n got %v\nwant %v", rows, want)
	}
	regCheckKinds(t, tb)
}

// regRows collects a table's rows.
func regRows(t *testing.T, tb table.Table) [][]any {
	t.Helper()
	rows, err := tb.Collect()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// regCheckKinds asserts that every cell is nil or of its column's Go type.
func regCheckKinds(t *testing.T, tb table.Table) {
	t.Helper()
	for _, row := range regRows(t, tb) {
		if len(row) != len(tb.Columns) {
			t.Fatalf("%s: row of %d cells, %d columns", tb.Name, len(row), len(tb.Columns))
		}
		for i, cell := range row {
			if cell == nil {
				continue
			}
			ok := false
			switch tb.Columns[i].Kind {
			case table.Text:
				_, ok = cell.(string)
			case table.Integer, table.Money:
				_, ok = cell.(int64)
			case table.Number, table.Percent:
				v, isFloat := cell.(float64)
				ok = isFloat && !math.IsNaN(v)
			case table.Date, table.DateTime:
				_, ok = cell.(time.Time)
			case table.Bool:
				_, ok = cell.(bool)
			}
			if !ok {
				t.Fatalf("%s: column %s holds %T", tb.Name, tb.Columns[i].Key, cell)
			}
		}
	}
}
