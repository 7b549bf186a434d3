package demo_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/demo"
)

// Tests of the client history (spells of service, budgets) and of the KPIs: the
// entered catalogue, its monthly values and the targets.

type period struct {
	start, end string // end "" while served
}

func loadPeriods(t testing.TB, db *sql.DB) map[int64][]period {
	t.Helper()
	rows, err := db.Query(`SELECT client_id, start_date, coalesce(end_date, '') FROM client_periods
		ORDER BY client_id, start_date`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64][]period{}
	for rows.Next() {
		var id int64
		var p period
		if err := rows.Scan(&id, &p.start, &p.end); err != nil {
			t.Fatal(err)
		}
		out[id] = append(out[id], p)
	}
	return out
}

// window describes the months a demo database covers.
type window struct {
	asOf  time.Time
	first string // "YYYY-MM", the window's first month
	now   string // AsOf's month, unfinished: no KPI values
}

func windowOf(asOf time.Time, months int) window {
	first := time.Date(asOf.Year(), asOf.Month()-time.Month(months-1), 1, 0, 0, 0, 0, time.UTC)
	return window{asOf: asOf, first: first.Format("2006-01"), now: asOf.Format("2006-01")}
}

// servedMonths lists the finished months of the window in which the spells serve a
// client at least a day; the end date (the churn date) is the first day not served.
func (w window) servedMonths(ps []period) []string {
	var out []string
	first, _ := time.Parse("2006-01", w.first)
	for m := first; m.Format("2006-01") < w.now; m = m.AddDate(0, 1, 0) {
		start, last := m.Format(data.DateLayout), m.AddDate(0, 1, -1).Format(data.DateLayout)
		if slices.ContainsFunc(ps, func(p period) bool { return p.start <= last && (p.end == "" || p.end > start) }) {
			out = append(out, m.Format("2006-01"))
		}
	}
	return out
}

// checkHistory verifies the client history and KPI tables of a whole database;
// shared by the small fixture and the large demo.
func checkHistory(t testing.TB, db *sql.DB, w window) {
	t.Helper()
	errs := 0
	fail := func(format string, args ...any) {
		t.Helper()
		if errs++; errs <= 20 {
			t.Errorf(format, args...)
		}
	}
	periods := loadPeriods(t, db)
	asOf := w.asOf.Format(data.DateLayout)

	// Spells match the clients: from the start date to the churn date, none for a
	// prospect, in order and apart.
	rows, err := db.Query(`SELECT id, status, start_date, coalesce(churn_date, '') FROM clients ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	expected := 0 // served client-months
	for rows.Next() {
		var id int64
		var status, start, churn string
		if err := rows.Scan(&id, &status, &start, &churn); err != nil {
			t.Fatal(err)
		}
		ps := periods[id]
		if status == "prospect" {
			if len(ps) > 0 {
				fail("prospect %d has spells %v", id, ps)
			}
			continue
		}
		if len(ps) == 0 || ps[0].start != start || ps[len(ps)-1].end != churn {
			fail("client %d (%s, %s to %q): spells %v", id, status, start, churn, ps)
			continue
		}
		for i := 1; i < len(ps); i++ {
			if ps[i-1].end == "" || ps[i].start <= ps[i-1].end {
				fail("client %d: spells %v overlap", id, ps)
			}
		}
		expected += len(w.servedMonths(ps))
	}
	rows.Close()

	// Budgets: a history for every client from its start, ending on today's budget.
	if n := queryInt(t, db, `SELECT count(*) FROM clients c WHERE
		(SELECT min(valid_from) FROM client_budgets b WHERE b.client_id = c.id) IS NOT c.start_date
		OR (SELECT monthly_budget FROM client_budgets b WHERE b.client_id = c.id ORDER BY valid_from DESC LIMIT 1)
			IS NOT c.monthly_budget
		OR EXISTS (SELECT 1 FROM client_budgets b WHERE b.client_id = c.id
			AND (b.valid_from > ? OR b.valid_from > c.churn_date OR b.monthly_budget <= 0))`, asOf); n > 0 {
		fail("%d clients' budget histories do not run from the start date to the current budget", n)
	}

	// The entered KPIs.
	codes := queryStrings(t, db, `SELECT code FROM kpis WHERE source = 'entered' AND level = 'client' ORDER BY code`)
	if want := []string{"conversion", "cpl", "ctr", "leads", "reach", "romi", "sales", "spend"}; !slices.Equal(codes, want) {
		fail("entered KPIs %v, want %v", codes, want)
	}
	latin := regexp.MustCompile(`[A-Za-z]`)
	for _, v := range queryStrings(t, db, `SELECT name_ru || definition_ru FROM kpis WHERE source = 'entered'`) {
		if latin.MatchString(v) {
			fail("Latin letters in %q", v)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM kpis WHERE source = 'entered' AND (name_en = '' OR definition_ru = ''
		OR definition_en = '')`); n > 0 {
		fail("%d entered KPIs lack a name or a definition", n)
	}

	// Values: only in months a client was served, none before the window or in the
	// unfinished month, all eight in every served month.
	if n := queryInt(t, db, `SELECT count(*) FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id
		WHERE k.source <> 'entered' OR v.month < ? OR v.month >= ? OR NOT EXISTS (SELECT 1 FROM client_periods p
			WHERE p.client_id = v.entity_id AND p.start_date <= date(v.month || '-01', '+1 month', '-1 day')
			AND (p.end_date IS NULL OR p.end_date > v.month || '-01'))`, w.first, w.now); n > 0 {
		fail("%d KPI values fall outside the months their client was served", n)
	}
	complete := queryInt(t, db, `SELECT count(*) FROM (SELECT 1 FROM kpi_values GROUP BY entity_id, month
		HAVING count(DISTINCT kpi_id) = 8)`)
	if total := queryInt(t, db, `SELECT count(*) FROM kpi_values`); complete != expected || total != 8*expected {
		fail("%d values, %d complete client-months, want all 8 values for each of %d served client-months",
			total, complete, expected)
	}

	// The values agree with each other as a client's report would.
	if n := queryInt(t, db, `WITH r AS (SELECT v.entity_id, v.month,
			max(CASE k.code WHEN 'leads' THEN v.value END) AS leads, max(CASE k.code WHEN 'cpl' THEN v.value END) AS cpl,
			max(CASE k.code WHEN 'spend' THEN v.value END) AS spend, max(CASE k.code WHEN 'romi' THEN v.value END) AS romi,
			max(CASE k.code WHEN 'reach' THEN v.value END) AS reach, max(CASE k.code WHEN 'ctr' THEN v.value END) AS ctr,
			max(CASE k.code WHEN 'conversion' THEN v.value END) AS conversion,
			max(CASE k.code WHEN 'sales' THEN v.value END) AS sales
		FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id GROUP BY v.entity_id, v.month)
		SELECT count(*) FROM r WHERE leads < 1 OR spend <= 0 OR abs(cpl - spend / leads) > 0.5
			OR sales > leads OR abs(sales - leads * conversion / 100) > max(0.5, leads * 0.0001)
			OR romi < -100 OR reach <= 0 OR ctr <= 0 OR ctr > 10`); n > 0 {
		fail("%d client-months have results that disagree", n)
	}

	// Targets: client leads and cost per lead, by the year or open-ended; managers'
	// and the department's for the KPIs they are judged by.
	if n := queryInt(t, db, `SELECT count(*) FROM kpi_targets t JOIN kpis k ON k.id = t.kpi_id WHERE
		CASE t.scope
			WHEN 'client' THEN k.code NOT IN ('leads', 'cpl') OR t.entity_id NOT IN (SELECT id FROM clients)
				OR NOT (t.to_month IS NULL OR (substr(t.from_month, 6) = '01' AND t.to_month = substr(t.from_month, 1, 4) || '-12'))
			WHEN 'manager' THEN k.code NOT IN ('response_sla', 'reports_on_time', 'satisfaction')
				OR t.entity_id NOT IN (SELECT id FROM staff)
			WHEN 'department' THEN t.entity_id <> 0
			ELSE 1 END
		OR t.target <= 0`); n > 0 {
		fail("%d targets are not as the demo sets them", n)
	}
	for _, scope := range []string{"client", "manager", "department"} {
		if queryInt(t, db, `SELECT count(*) FROM kpi_targets WHERE scope = ?`, scope) == 0 {
			fail("no %s targets", scope)
		}
	}
	got := queryStrings(t, db, `SELECT DISTINCT k.code FROM kpi_targets t JOIN kpis k ON k.id = t.kpi_id
		WHERE t.scope = 'department' ORDER BY k.code`)
	if want := []string{"complaints_per10", "leads", "reports_on_time", "response_median", "retention",
		"satisfaction"}; !slices.Equal(got, want) {
		fail("department targets for %v, want %v", got, want)
	}
}

func TestHistoryAndKPIs(t *testing.T) {
	_, db := fixture(t)
	checkHistory(t, db, windowOf(asOf, 24))
}

// monthly returns a client's values of a KPI, month by month.
func monthly(t *testing.T, db *sql.DB, client int64, code string) []float64 {
	t.Helper()
	rows, err := db.Query(`SELECT v.value FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id
		WHERE k.code = ? AND v.entity_id = ? ORDER BY v.month`, code, client)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []float64
	for rows.Next() {
		var v float64
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// change is the mean of the last six values over the mean of the first six.
func change(xs []float64) float64 { return mean(xs[len(xs)-6:]) / mean(xs[:6]) }

// The stars and decliners named in the summary tell their story in the numbers.
func TestStarsAndDecliners(t *testing.T) {
	_, db := fixture(t)
	sum := shared.sum
	if len(sum.Stars) != 2 || len(sum.Decliners) != 2 {
		t.Fatalf("stars %v, decliners %v, want two of each", sum.Stars, sum.Decliners)
	}
	budget := func(id int64, on string) float64 {
		return float64(queryInt(t, db, `SELECT monthly_budget FROM client_budgets WHERE client_id = ? AND valid_from <= ?
			ORDER BY valid_from DESC LIMIT 1`, id, on))
	}
	for _, id := range sum.Stars {
		leads, cpl := monthly(t, db, id, "leads"), monthly(t, db, id, "cpl")
		if len(leads) < 20 || change(leads) < 2 || change(cpl) > 0.9 || budget(id, "2026-03-31") < 1.8*budget(id, "2024-04-01") {
			t.Errorf("star %d: leads x%.2f, cost per lead x%.2f, budget %.0f then %.0f", id, change(leads), change(cpl),
				budget(id, "2024-04-01"), budget(id, "2026-03-31"))
		}
	}
	gone := 0
	for _, id := range sum.Decliners {
		leads, cpl := monthly(t, db, id, "leads"), monthly(t, db, id, "cpl")
		last := queryStrings(t, db, `SELECT coalesce(churn_date, '2026-03-31') FROM clients WHERE id = ?`, id)[0]
		if len(leads) < 12 || change(leads) > 0.7 || change(cpl) < 1.15 || budget(id, last) > 0.8*budget(id, "2024-04-01") {
			t.Errorf("decliner %d: leads x%.2f, cost per lead x%.2f, budget %.0f then %.0f", id, change(leads),
				change(cpl), budget(id, "2024-04-01"), budget(id, last))
		}
		gone += queryInt(t, db, `SELECT count(*) FROM clients WHERE id = ? AND status = 'churned'`, id)
	}
	if gone != 1 {
		t.Errorf("%d decliners left, want one (the other still served, at risk)", gone)
	}
}

// Budgets follow the advertising year: up before New Year, down in January and
// in summer.
func TestBudgetSeasons(t *testing.T) {
	_, db := fixture(t)
	total := func(on string) int {
		return queryInt(t, db, `SELECT sum((SELECT b.monthly_budget FROM client_budgets b WHERE b.client_id = p.client_id
				AND b.valid_from <= ?1 ORDER BY b.valid_from DESC LIMIT 1))
			FROM client_periods p WHERE p.start_date <= ?1 AND (p.end_date IS NULL OR p.end_date > ?1)`, on)
	}
	dec, feb, may, jul := total("2024-12-01"), total("2025-02-01"), total("2025-05-01"), total("2025-07-15")
	if !(dec > feb && may > jul && dec > jul) {
		t.Errorf("department budget: December %d, February %d, May %d, July %d", dec, feb, may, jul)
	}
	// Plans change every few months.
	perYear := float64(queryInt(t, db, `SELECT count(*) FROM client_budgets WHERE valid_from >= '2024-04-01'`)) /
		float64(queryInt(t, db, `SELECT count(*) FROM clients`)) / 2
	if perYear < 1.5 || perYear > 5 {
		t.Errorf("%.1f budget changes a client a year, want a few", perYear)
	}
}

// TestLargeDemo generates the large demo and checks it as the small one. It takes a
// few minutes, so it runs only when LEADBOARD_LARGE_DEMO is set:
//
//	LEADBOARD_LARGE_DEMO=1 go test -tags migrated_fynedo -run LargeDemo -timeout 30m ./data/demo/
func TestLargeDemo(t *testing.T) {
	if os.Getenv("LEADBOARD_LARGE_DEMO") == "" {
		t.Skip("set LEADBOARD_LARGE_DEMO=1 to generate and check the large demo")
	}
	s, err := data.Open(filepath.Join(t.TempDir(), "large.db"), data.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	sum, err := demo.Generate(context.Background(), s, demo.Options{Scale: demo.Large, Seed: 1, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated in %v: %+v", time.Since(start).Round(time.Millisecond), sum)
	if sum.KPIValues < 1_000_000 || len(sum.Stars) < 2 || len(sum.Decliners) < 2 {
		t.Errorf("%d KPI values (want at least a million), stars %v, decliners %v", sum.KPIValues, sum.Stars, sum.Decliners)
	}
	db := rawDB(t, s.Path())
	if n := queryInt(t, db, `SELECT count(*) FROM kpi_values`); n != sum.KPIValues {
		t.Errorf("%d KPI values in the table, %d in the summary", n, sum.KPIValues)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM (SELECT client_id FROM client_periods GROUP BY client_id
		HAVING count(*) = 2)`); n != 2 {
		t.Errorf("%d clients came back, want 2", n)
	}
	checkAssignments(t, db)
	checkHistory(t, db, windowOf(asOf, 60))
	if sum.ReviewCycles != 3 || sum.Reviews < 500 || sum.Feedback < 3000 ||
		queryInt(t, db, `SELECT count(*) FROM reviews`) != sum.Reviews {
		t.Errorf("%d review cycles, %d reviews, %d feedback entries", sum.ReviewCycles, sum.Reviews, sum.Feedback)
	}
}
