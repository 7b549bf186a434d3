package kpi_test

// Benchmarks of every KPI on the large demo database (200 managers, 5,000 clients,
// 1.7 million log entries, over a million KPI values). They run only with -bench:
//
//	go test -tags migrated_fynedo -run '^$' -bench . -benchtime 3x ./data/kpi/
//
// "trend" is the department's 24-month trend as the window and the export compute
// it; "ranking" ranks all managers on the last month; "cli" is the best SQL the
// sqlite3 shell can answer the department's 24 months with on the same file (the
// floor: SQLite alone, no Go, output discarded).

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"leadboard/data"
	"leadboard/data/internal/benchdb"
	"leadboard/data/kpi"
)

// The benchmarked window: the 24 full months up to the data's last.
const (
	fromMonth = "2024-04"
	toMonth   = "2026-03"
	fromDay   = "2024-04-01"
	afterDay  = "2026-04-01"
)

// months lists the window's months; monthEnds gives each its last day.
const months = `WITH RECURSIVE m(k) AS (SELECT '` + fromMonth + `' UNION ALL
	SELECT strftime('%Y-%m', k || '-01', '+1 month') FROM m WHERE k < '` + toMonth + `'),
	e AS (SELECT k, date(k || '-01', '-1 day') AS eve, date(k || '-01', '+1 month', '-1 day') AS d FROM m)`

const budgetSQL = months + `
	SELECT k, sum((SELECT b.monthly_budget FROM client_budgets b WHERE b.client_id = p.client_id AND b.valid_from <= e.d
		ORDER BY b.valid_from DESC LIMIT 1))
	FROM e JOIN client_periods p ON p.start_date <= e.d AND (p.end_date IS NULL OR p.end_date > e.d) GROUP BY k;`

// servedThen keeps the entries of the months their client was served, as every
// figure of the log does.
const servedThen = ` AND EXISTS (SELECT 1 FROM client_periods p WHERE p.client_id = i.client_id
	AND p.start_date < m || '-32' AND (p.end_date IS NULL OR p.end_date > m || '-01'))`

func logByMonth(kind, measure string) string {
	return `SELECT substr(i.occurred_at, 1, 7) AS m, ` + measure + ` FROM interactions i WHERE i.kind = '` + kind + `'
		AND i.occurred_at >= '` + fromDay + `' AND i.occurred_at < '` + afterDay + `'` + servedThen + ` GROUP BY m;`
}

const complaintsSQL = `SELECT substr(i.occurred_at, 1, 7) AS m, count(*) FROM interactions i
	INDEXED BY interactions_complaints WHERE i.kind IN ('complaint', 'escalation')
	AND i.occurred_at >= '` + fromDay + `' AND i.occurred_at < '` + afterDay + `'` + servedThen + ` GROUP BY m;`

// slaOf is the SQL for the SLA of the contract in force on an entry's day.
const slaOf = `coalesce((SELECT min(k.sla_hours) FROM contracts k WHERE k.client_id = i.client_id AND k.status <> 'draft'
	AND k.start_date <= substr(i.occurred_at, 1, 10) AND (k.end_date IS NULL OR k.end_date >= substr(i.occurred_at, 1, 10))), 24)`

const responsesSQL = `r AS (SELECT substr(occurred_at, 1, 7) AS m, response_hours AS h
		FROM interactions INDEXED BY interactions_responses
		WHERE occurred_at >= '` + fromDay + `' AND occurred_at < '` + afterDay + `' AND response_hours IS NOT NULL),
	o AS (SELECT m, h, row_number() OVER (PARTITION BY m ORDER BY h) AS rn, count(*) OVER (PARTITION BY m) AS n FROM r)`

const reportsSQL = `SELECT substr(report_due, 1, 7) AS m, count(*), sum(substr(occurred_at, 1, 10) <= report_due)
	FROM interactions INDEXED BY interactions_reports WHERE kind = 'report_sent'
	AND report_due BETWEEN '` + fromDay + `' AND '2026-03-31' GROUP BY m;
	` + months + `
	SELECT k, sum(CASE c.report_frequency WHEN 'weekly' THEN 4 WHEN 'biweekly' THEN 2 WHEN 'monthly' THEN 1
			ELSE CAST(substr(k, 6, 2) AS INT) % 3 = 1 END)
	FROM e JOIN contracts c ON c.status <> 'draft' AND c.report_frequency <> 'none'
		AND c.start_date <= date(k || '-01', CASE c.report_frequency WHEN 'quarterly' THEN '-3 months' ELSE '-1 month' END)
		AND (c.end_date IS NULL OR c.end_date >= e.eve)
	GROUP BY k;`

// floors is the department's 24 months in SQL, per KPI.
var floors = map[string]string{
	"retention": months + `
		SELECT k, 100.0 * sum(p.end_date IS NULL OR p.end_date > e.d) / count(*) FROM e JOIN client_periods p
		ON p.start_date <= e.eve AND (p.end_date IS NULL OR p.end_date > e.eve) GROUP BY k;`,
	"churned": `SELECT substr(end_date, 1, 7) AS m, count(*) FROM client_periods
		WHERE end_date BETWEEN '` + fromDay + `' AND '2026-03-31' GROUP BY m;`,
	"budget":         budgetSQL,
	"budget_mom":     strings.Replace(budgetSQL, "'"+fromMonth+"'", "'2024-03'", 1),
	"budget_yoy":     strings.Replace(budgetSQL, "'"+fromMonth+"'", "'2023-04'", 1),
	"renewals":       logByMonth("renewal", "count(*)"),
	"renewals_rub":   logByMonth("renewal", "sum(i.amount)"),
	"upsell":         logByMonth("upsell", "count(*)"),
	"upsell_rub":     logByMonth("upsell", "sum(i.amount)"),
	"cross_sell":     logByMonth("cross_sell", "count(*)"),
	"cross_sell_rub": logByMonth("cross_sell", "sum(i.amount)"),
	"complaints":     complaintsSQL,
	"complaints_per10": complaintsSQL + "\n" + months + `
		SELECT k, count(*) FROM e JOIN client_periods p ON p.start_date <= e.d AND (p.end_date IS NULL OR p.end_date > e.d)
		GROUP BY k;`,
	"complaints_sla": `SELECT substr(i.occurred_at, 1, 7) AS m, count(*), sum(i.resolved_at IS NOT NULL
			AND (unixepoch(i.resolved_at) - unixepoch(i.occurred_at)) / 3600.0 <= ` + slaOf + `)
		FROM interactions i INDEXED BY interactions_complaints WHERE i.kind IN ('complaint', 'escalation')
		AND i.occurred_at >= '` + fromDay + `' AND i.occurred_at < '` + afterDay + `' GROUP BY m;`,
	"response_median": `WITH ` + responsesSQL + `
		SELECT m, avg(h) FROM o WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY m;`,
	"response_p90": `WITH ` + responsesSQL + `
		SELECT m, h FROM o WHERE rn = (9 * n + 9) / 10;`,
	"response_sla": `SELECT substr(i.occurred_at, 1, 7) AS m, 100.0 * avg(i.response_hours <= ` + slaOf + `)
		FROM interactions i INDEXED BY interactions_responses WHERE i.occurred_at >= '` + fromDay + `'
		AND i.occurred_at < '` + afterDay + `' AND i.response_hours IS NOT NULL GROUP BY m;`,
	"reports_on_time": reportsSQL,
	"reports_missing": reportsSQL,
	"satisfaction": `SELECT substr(i.occurred_at, 1, 7) AS m, avg(i.satisfaction) FROM interactions i
		INDEXED BY interactions_ratings WHERE i.satisfaction IS NOT NULL AND i.occurred_at >= '` + fromDay + `'
		AND i.occurred_at < '` + afterDay + `'` + servedThen + ` GROUP BY m;`,
	"clients_per_manager": months + `
		SELECT k, count(*) * 1.0 / count(DISTINCT a.staff_id) FROM e
		JOIN assignments a ON a.role = 'lead' AND a.start_date <= e.d AND (a.end_date IS NULL OR a.end_date >= e.d)
		JOIN client_periods p ON p.client_id = a.client_id AND p.start_date <= e.d AND (p.end_date IS NULL OR p.end_date > e.d)
		GROUP BY k;`,
	"leads": `SELECT month, sum(value) FROM kpi_values WHERE kpi_id = (SELECT id FROM kpis WHERE code = 'leads')
		AND month BETWEEN '` + fromMonth + `' AND '` + toMonth + `' GROUP BY month;`,
	"cpl": `SELECT month, avg(value) FROM kpi_values WHERE kpi_id = (SELECT id FROM kpis WHERE code = 'cpl')
		AND month BETWEEN '` + fromMonth + `' AND '` + toMonth + `' GROUP BY month;`,
}

func BenchmarkKPI(b *testing.B) {
	s := benchdb.Store(b)
	ctx := context.Background()
	kpis, err := s.KPIs(ctx)
	if err != nil {
		b.Fatal(err)
	}
	from, _ := data.ParseMonth(fromMonth)
	to, _ := data.ParseMonth(toMonth)
	for _, k := range kpis {
		floor, ok := floors[k.Code]
		if !ok {
			continue
		}
		b.Run(k.Code+"/trend", func(b *testing.B) {
			q := kpi.Query{KPIs: []string{k.Code}, Level: data.LevelDepartment, From: from, To: to,
				Granularity: kpi.Monthly}
			for b.Loop() {
				if _, err := kpi.TrendOf(ctx, s, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(k.Code+"/cli", func(b *testing.B) { benchdb.CLI(b, floor) })
		b.Run(k.Code+"/ranking", func(b *testing.B) {
			for b.Loop() {
				if _, err := kpi.RankingOf(ctx, s, k.Code, data.LevelManager, kpi.MonthPeriod(to)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTrendOfEightManagers is the window's heaviest chart: the median response
// time of eight managers over 24 months.
func BenchmarkTrendOfEightManagers(b *testing.B) {
	s := benchdb.Store(b)
	ctx := context.Background()
	from, _ := data.ParseMonth(fromMonth)
	to, _ := data.ParseMonth(toMonth)
	managers, err := kpi.ManagersLeading(ctx, s, to, to)
	if err != nil || len(managers) < kpi.MaxEntities {
		b.Fatal(managers, err)
	}
	var ids []int64
	for _, m := range managers[:kpi.MaxEntities] {
		ids = append(ids, m.ID)
	}
	for _, code := range []string{"response_median", "leads", "budget"} {
		b.Run(code, func(b *testing.B) {
			q := kpi.Query{KPIs: []string{code}, Level: data.LevelManager, Entities: ids, From: from, To: to,
				Granularity: kpi.Monthly}
			for b.Loop() {
				if _, err := kpi.TrendOf(ctx, s, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvidence is the evidence of all 200 managers for a half-year review:
// every figure one pass for everyone ("go": all twelve figures, the medians and
// the clients' KPI attainment). The floor ("cli") is the sqlite3 shell reading the
// half-year's log once, each entry for the client's lead of the day, into four of
// the figures (complaints, mean response, reports on time, satisfaction): a lower
// bound of the work, not the same answer.
func BenchmarkEvidence(b *testing.B) {
	s := benchdb.Store(b)
	to, _ := data.ParseMonth(toMonth)
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			if _, err := kpi.EvidenceOf(context.Background(), s, to-5, to); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cli", func(b *testing.B) {
		benchdb.CLI(b, fmt.Sprintf(evidenceFloor, (to-5).First().Format(data.DateLayout), to.Last().Format(data.DateLayout)+"T23:59"))
	})
}

const evidenceFloor = `SELECT a.staff_id, sum(i.kind IN ('complaint', 'escalation')), avg(i.response_hours),
	avg(CASE WHEN i.kind = 'report_sent' THEN i.occurred_at <= i.report_due || 'T23:59' END), avg(i.satisfaction)
FROM interactions i JOIN assignments a ON a.client_id = i.client_id AND a.role = 'lead'
	AND substr(i.occurred_at, 1, 10) >= a.start_date AND (a.end_date IS NULL OR substr(i.occurred_at, 1, 10) <= a.end_date)
WHERE i.occurred_at BETWEEN '%s' AND '%s' GROUP BY a.staff_id;`
