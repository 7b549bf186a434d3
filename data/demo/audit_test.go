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
	"leadboard/data/audit"
	"leadboard/data/demo"
)

// The audits, actions, procedures, overrides and opportunities of the demo, checked
// on the shared database and on two more seeds and days, since most of the rules
// hold by construction whatever the draws.
func TestAuditDemo(t *testing.T) {
	_, db := fixture(t)
	checkAuditDemo(t, db, asOf, shared.sum)
	for _, run := range []struct {
		seed int64
		on   time.Time
	}{{7, asOf}, {11, data.Day(2025, 6, 30)}} {
		s, sum := generate(t, run.seed, run.on)
		checkAuditDemo(t, rawDB(t, s.Path()), run.on, sum)
	}
}

func checkAuditDemo(t *testing.T, db *sql.DB, today time.Time, sum demo.Summary) {
	t.Helper()
	day := today.Format(data.DateLayout)
	checkAudits(t, db, today, sum)
	checkActions(t, db, day)
	checkProcedures(t, db, today)
	checkOverrides(t, db, day)
	checkOpportunities(t, db, today, sum)
	checkSliding(t, db, today, sum)
}

func parseDay(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(data.DateLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var ratingScore = map[string]float64{"not_in_place": 0, "partly": 0.5, "in_place": 1}

// Three audits a quarter apart, the last in the month before today, every item rated,
// and at least two sections better at the last than at the first.
func checkAudits(t *testing.T, db *sql.DB, today time.Time, sum demo.Summary) {
	t.Helper()
	held := queryStrings(t, db, `SELECT held_on FROM audits ORDER BY held_on`)
	if len(held) != 3 || sum.Audits != 3 {
		t.Fatalf("audits %v (summary %d), want three", held, sum.Audits)
	}
	for i := 1; i < 3; i++ {
		if gap := parseDay(t, held[i]).Sub(parseDay(t, held[i-1])).Hours() / 24; gap < 85 || gap > 98 {
			t.Errorf("audits %s and %s are %.0f days apart, want a quarter", held[i-1], held[i], gap)
		}
	}
	if last := parseDay(t, held[2]); !last.Before(today) || today.Sub(last) > 31*24*time.Hour {
		t.Errorf("the last audit on %s, want within the month before %s", held[2], today.Format(data.DateLayout))
	}
	items := audit.Items()
	var codes []string
	for _, it := range items {
		codes = append(codes, it.Code)
	}
	slices.Sort(codes)
	if n := queryInt(t, db, `SELECT count(*) FROM audit_items`); n != 3*len(items) || sum.AuditItems != n {
		t.Errorf("%d audit items (summary %d), want %d", n, sum.AuditItems, 3*len(items))
	}
	scores := make([]map[int]float64, 3) // audit -> section -> mean score
	for a, on := range held {
		rows, err := db.Query(`SELECT i.item_code, coalesce(i.rating, ''), i.comment, coalesce(s.status, '')
			FROM audit_items i JOIN audits u ON u.id = i.audit_id LEFT JOIN staff s ON s.id = i.owner_id
			WHERE u.held_on = ? ORDER BY i.item_code`, on)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		sums, counts := map[int]float64{}, map[int]int{}
		for rows.Next() {
			var code, rating, comment, owner string
			if err := rows.Scan(&code, &rating, &comment, &owner); err != nil {
				t.Fatal(err)
			}
			got = append(got, code)
			score, ok := ratingScore[rating]
			if !ok {
				t.Errorf("audit %s: item %s rated %q", on, code, rating)
			}
			if rating != "in_place" && (owner == "" || owner == "left" || comment == "") {
				t.Errorf("audit %s: item %s rated %s has owner status %q and comment %q", on, code, rating, owner, comment)
			}
			it, _ := audit.Lookup(code)
			sums[it.Section] += score
			counts[it.Section]++
		}
		rows.Close()
		slices.Sort(got)
		if !slices.Equal(got, codes) {
			t.Errorf("audit %s rates %v, want every item %v", on, got, codes)
		}
		scores[a] = map[int]float64{}
		for s, v := range sums {
			scores[a][s] = v / float64(counts[s])
		}
	}
	improved, slipped := 0, 0
	for s := range scores[0] {
		switch {
		case scores[2][s] > scores[0][s]:
			improved++
		case scores[2][s] < scores[0][s]:
			slipped++
		}
	}
	if improved < 2 || improved == len(scores[0]) {
		t.Errorf("%d of %d sections improved from the first audit to the last (%d slipped), want some: %v",
			improved, len(scores[0]), slipped, scores)
	}
	if scores[0][4] > 0.2 || scores[2][4] < 0.99 || scores[0][6] > 0.2 || scores[2][6] < 0.99 {
		t.Errorf("reporting went %.2f to %.2f, the client database %.2f to %.2f; want from not in place to in place",
			scores[0][4], scores[2][4], scores[0][6], scores[2][6])
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_items WHERE evidence <> ''`); n < len(items) {
		t.Errorf("only %d items have evidence", n)
	}
}

// Done and open actions, owned by people at work, and exactly one open past its due
// date.
func checkActions(t *testing.T, db *sql.DB, today string) {
	t.Helper()
	if n := queryInt(t, db, `SELECT count(*) FROM actions WHERE status = 'open' AND due_on < ?`, today); n != 1 {
		t.Errorf("%d overdue actions, want exactly one", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM actions WHERE status = 'done'`); n < 4 {
		t.Errorf("%d actions done, want several", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM actions WHERE status = 'open'`); n < 3 {
		t.Errorf("%d actions open, want several", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM actions a LEFT JOIN staff s ON s.id = a.owner_id
		JOIN audits u ON u.id = a.audit_id
		WHERE s.status IS NOT 'active' OR a.item_code NOT IN (SELECT item_code FROM audit_items i WHERE i.audit_id = a.audit_id)
			OR a.due_on <= u.held_on OR (a.status = 'done') <> (a.done_on IS NOT NULL)
			OR a.done_on < u.held_on OR a.done_on >= ?`, today); n != 0 {
		t.Errorf("%d actions with an owner not at work, an item of another audit or dates out of order", n)
	}
}

// About ten procedures, exactly one overdue for review, most people at work having
// read the current version, not all.
func checkProcedures(t *testing.T, db *sql.DB, today time.Time) {
	t.Helper()
	rows, err := db.Query(`SELECT title, area, link, version, last_reviewed, review_months FROM procedures`)
	if err != nil {
		t.Fatal(err)
	}
	overdue, n := 0, 0
	for rows.Next() {
		var p data.Procedure
		var reviewed string
		if err := rows.Scan(&p.Title, &p.Area, &p.Link, &p.Version, &reviewed, &p.ReviewMonths); err != nil {
			t.Fatal(err)
		}
		p.LastReviewed = parseDay(t, reviewed)
		n++
		if p.ReviewOverdue(today) {
			overdue++
		} else if p.NextReview().Before(today.AddDate(0, 0, 7)) {
			t.Errorf("procedure %q is due for review on %v, too close to the one overdue", p.Title, p.NextReview())
		}
		if !slices.Contains(data.ProcedureAreas, p.Area) || p.Version < 1 || p.Version > 3 || p.ReviewMonths < 6 ||
			p.ReviewMonths > 12 || !regexp.MustCompile(`^https://wiki\.example\.ru/[a-z/-]+$`).MatchString(p.Link) ||
			p.LastReviewed.After(today) {
			t.Errorf("procedure %+v", p)
		}
	}
	rows.Close()
	if n < 9 || n > 12 || overdue != 1 {
		t.Errorf("%d procedures, %d overdue for review; want about ten, one overdue", n, overdue)
	}
	var pairs, current, older int
	if err := db.QueryRow(`SELECT count(*),
			sum(EXISTS (SELECT 1 FROM procedure_acks a WHERE a.procedure_id = p.id AND a.staff_id = s.id AND a.version = p.version)),
			sum(NOT EXISTS (SELECT 1 FROM procedure_acks a WHERE a.procedure_id = p.id AND a.staff_id = s.id AND a.version = p.version)
				AND EXISTS (SELECT 1 FROM procedure_acks a WHERE a.procedure_id = p.id AND a.staff_id = s.id))
		FROM procedures p CROSS JOIN staff s WHERE s.status = 'active'`).Scan(&pairs, &current, &older); err != nil {
		t.Fatal(err)
	}
	if current*10 < pairs*6 || current == pairs || older == 0 {
		t.Errorf("of %d procedure x person pairs %d read the current version and %d only an older one; want most, not all",
			pairs, current, older)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM procedure_acks a JOIN procedures p ON p.id = a.procedure_id
		JOIN staff s ON s.id = a.staff_id
		WHERE a.version > p.version OR a.version < 1 OR a.acknowledged_on < s.hire_date OR a.acknowledged_on >= ?
			OR (a.version = p.version) <> (a.acknowledged_on >= p.last_reviewed)`, today.Format(data.DateLayout)); n != 0 {
		t.Errorf("%d acknowledgements before hiring, in the future or of a version out of its time", n)
	}
}

// One override in force, one expired.
func checkOverrides(t *testing.T, db *sql.DB, today string) {
	t.Helper()
	inForce := queryInt(t, db, `SELECT count(*) FROM health_overrides WHERE set_on <= ?1 AND expires_on >= ?1`, today)
	expired := queryInt(t, db, `SELECT count(*) FROM health_overrides WHERE expires_on < ?1`, today)
	if inForce != 1 || expired != 1 || queryInt(t, db, `SELECT count(*) FROM health_overrides`) != 2 {
		t.Errorf("%d overrides in force and %d expired, want one of each", inForce, expired)
	}
	checkRussian(t, db, `SELECT note FROM health_overrides`)
}

// Open opportunities for about three in ten active clients, for a service the client
// buys (upsell) or not yet (cross-sell), expected in the next six months; others won
// and lost in the past.
func checkOpportunities(t *testing.T, db *sql.DB, today time.Time, sum demo.Summary) {
	t.Helper()
	day, horizon := today.Format(data.DateLayout), today.AddDate(0, 6, 1).Format(data.DateLayout)
	if n := queryInt(t, db, `SELECT count(*) FROM opportunities`); n != sum.Opportunities || n == 0 {
		t.Errorf("%d opportunities, %d in the summary", n, sum.Opportunities)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM opportunities o JOIN clients c ON c.id = o.client_id WHERE
		(o.kind = 'upsell') <> EXISTS (SELECT 1 FROM client_services s WHERE s.client_id = c.id AND s.service = o.service)
		OR o.service NOT IN ('media_buying', 'creative', 'analytics', 'smm', 'seo', 'pr', 'content', 'web', 'events')
		OR o.amount <= 0 OR o.amount > c.monthly_budget OR o.created_on < c.start_date OR o.created_on > ?1
		OR o.expected_on < o.created_on
		OR (o.status = 'open' AND (c.status <> 'active' OR o.probability NOT BETWEEN 10 AND 90
			OR o.expected_on <= ?1 OR o.expected_on > ?2))
		OR (o.status = 'won' AND o.probability <> 100) OR (o.status = 'lost' AND o.probability <> 0)
		OR (o.status <> 'open' AND o.expected_on >= ?1)`, day, horizon); n != 0 {
		t.Errorf("%d opportunities with values out of place", n)
	}
	var active, withOpen, won, lost int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM clients WHERE status = 'active'),
		(SELECT count(DISTINCT client_id) FROM opportunities WHERE status = 'open'),
		(SELECT count(*) FROM opportunities WHERE status = 'won'), (SELECT count(*) FROM opportunities WHERE status = 'lost')`).
		Scan(&active, &withOpen, &won, &lost); err != nil {
		t.Fatal(err)
	}
	if withOpen*100 < active*18 || withOpen*100 > active*45 || won == 0 || lost == 0 {
		t.Errorf("%d of %d active clients have an open opportunity (want about 30%%), %d won, %d lost",
			withOpen, active, won, lost)
	}
	if kinds := queryStrings(t, db, `SELECT DISTINCT kind FROM opportunities ORDER BY kind`); len(kinds) != 2 {
		t.Errorf("opportunity kinds %v, want both", kinds)
	}
}

// The two sliding clients left in the year before today; in their last 90 days
// complaints and escalations pile up, satisfaction falls against the months before,
// the last reports never come and the budget is cut to about half.
func checkSliding(t *testing.T, db *sql.DB, today time.Time, sum demo.Summary) {
	t.Helper()
	if len(sum.Sliding) != 2 {
		t.Fatalf("sliding clients %v, want two", sum.Sliding)
	}
	for _, id := range sum.Sliding {
		var status, churnDay string
		if err := db.QueryRow(`SELECT status, coalesce(churn_date, '') FROM clients WHERE id = ?`, id).
			Scan(&status, &churnDay); err != nil {
			t.Fatal(err)
		}
		churn := parseDay(t, churnDay)
		if status != "churned" || !churn.Before(today) || churn.Before(today.AddDate(-1, 0, 0)) {
			t.Errorf("sliding client %d: %s on %q, want churned in the last year", id, status, churnDay)
			continue
		}
		at := func(days int) string { return churn.AddDate(0, 0, days).Format(data.DateLayout) }
		issues := queryInt(t, db, `SELECT count(*) FROM interactions WHERE client_id = ? AND kind IN ('complaint', 'escalation')
			AND occurred_at BETWEEN ? AND ? || ' 24:00'`, id, at(-90), churnDay)
		var late, before float64
		if err := db.QueryRow(`SELECT
				coalesce((SELECT avg(satisfaction) FROM interactions WHERE client_id = ?1 AND occurred_at BETWEEN ?2 AND ?3 || ' 24:00'), 5),
				coalesce((SELECT avg(satisfaction) FROM interactions WHERE client_id = ?1 AND occurred_at BETWEEN ?4 AND ?2),
					4.1)`, // the demo's mean when the client gave no marks then
			id, at(-90), churnDay, at(-270)).Scan(&late, &before); err != nil {
			t.Fatalf("sliding client %d: %v", id, err)
		}
		reports := queryInt(t, db, `SELECT count(*) FROM interactions WHERE client_id = ? AND kind = 'report_sent'
			AND report_due > ?`, id, at(-30))
		budget := func(on string) int {
			return queryInt(t, db, `SELECT monthly_budget FROM client_budgets WHERE client_id = ? AND valid_from <= ?
				ORDER BY valid_from DESC LIMIT 1`, id, on)
		}
		if issues < 3 || late > before-1 || late > 3 || reports != 0 || float64(budget(churnDay)) > 0.6*float64(budget(at(-110))) {
			t.Errorf("sliding client %d (left %s): %d complaints and escalations in 90 days, satisfaction %.1f after %.1f, "+
				"%d reports due in the last 30 days, budget %d after %d", id, churnDay, issues, late, before, reports,
				budget(churnDay), budget(at(-110)))
		}
	}
}

// Texts are Russian: no Latin letters but in "KPI" and the Roman numbers of quarters,
// as Russian writes them.
func checkRussian(t *testing.T, db *sql.DB, q string) {
	t.Helper()
	latin, allowed := regexp.MustCompile(`[A-Za-z]`), regexp.MustCompile(`\b(KPI|I{1,3}|IV)\b`)
	for _, v := range queryStrings(t, db, q) {
		if latin.MatchString(allowed.ReplaceAllString(v, "")) {
			t.Errorf("Latin letters in %q", v)
		}
	}
}

func TestAuditDemoTexts(t *testing.T) {
	_, db := fixture(t)
	checkRussian(t, db, `SELECT title FROM audits UNION ALL SELECT comment FROM audit_items
		UNION ALL SELECT evidence FROM audit_items WHERE evidence NOT LIKE 'https://%'
		UNION ALL SELECT what FROM actions UNION ALL SELECT title FROM procedures`)
}

// TestLargeDemoPipeline checks the opportunities and the audit of the large demo. It
// takes a minute, so it runs only when LEADBOARD_LARGE_DEMO is set.
func TestLargeDemoPipeline(t *testing.T) {
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
	t.Logf("generated in %v: %d opportunities, %d actions, %d procedures", time.Since(start).Round(time.Millisecond),
		sum.Opportunities, sum.Actions, sum.Procedures)
	db := rawDB(t, s.Path())
	if sum.Opportunities < 1500 {
		t.Errorf("%d opportunities for 5,000 clients, want thousands", sum.Opportunities)
	}
	checkAuditDemo(t, db, asOf, sum)
}
