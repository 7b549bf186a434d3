package health_test

// The health score of every client of the large demo database (200 managers,
// 5,000 clients, 1.7 million log entries), as of its last day. They run only with
// -bench:
//
//	go test -tags migrated_fynedo -run '^$' -bench Scores -benchtime 5x ./data/health/
//
// "go" is Scores as the window and the export compute it, in set-based queries
// whose number does not grow with the clients: the served clients with their team
// and budgets, complaints, ratings, contracts, overrides (one each); the workload
// snapshot (three); the KPI engine's passes for responses within SLA, reports on
// time and missing (eight, the client history read once); and two per entered
// client KPI for the attainment (sixteen on the demo's eight KPIs). "cli" is the
// floor: the sqlite3 shell answering the same grouped figures in plain SQL on the
// same file (output discarded), without the KPI engine's served-months
// bookkeeping or the workload weights.

import (
	"context"
	"strings"
	"testing"

	"leadboard/data/health"
	"leadboard/data/internal/benchdb"
)

func BenchmarkScores(b *testing.B) {
	s := benchdb.Store(b)
	ctx := context.Background()
	b.Run("go", func(b *testing.B) {
		var hs []health.ClientHealth
		for b.Loop() {
			var err error
			if hs, err = health.Scores(ctx, s, health.DefaultSettings(), s.Today()); err != nil {
				b.Fatal(err)
			}
		}
		bands := map[string]int{}
		for _, h := range hs {
			bands[h.Band]++
		}
		b.ReportMetric(float64(len(hs)), "clients")
		b.Logf("%d clients: %d red, %d amber, %d green, %d without a score", len(hs), bands[health.BandRed],
			bands[health.BandAmber], bands[health.BandGreen], bands[health.BandNone])
	})
	b.Run("cli", func(b *testing.B) { benchdb.CLI(b, scoresFloor) })
}

// scoresFloor is the same grouped figures as of 31 March 2026: the 90 days from
// 1 January, the 90 before from 3 October, the full months January .. March, the
// budget of 31 December.
var scoresFloor = strings.NewReplacer("{asOf}", "'2026-03-31'", "{after}", "'2026-04-01'",
	"{recent}", "'2026-01-01'", "{earlier}", "'2025-10-03'", "{then}", "'2025-12-31'",
	"{first}", "'2026-01'", "{last}", "'2026-03'").Replace(`
SELECT c.id, c.name, c.status,
	(SELECT a.staff_id FROM assignments a WHERE a.client_id = c.id AND a.role = 'lead' AND a.start_date <= {asOf}
		AND (a.end_date IS NULL OR a.end_date >= {asOf}) ORDER BY a.start_date DESC LIMIT 1),
	(SELECT a.staff_id FROM assignments a WHERE a.client_id = c.id AND a.role = 'backup' AND a.start_date <= {asOf}
		AND (a.end_date IS NULL OR a.end_date >= {asOf}) ORDER BY a.start_date DESC LIMIT 1),
	(SELECT b.monthly_budget FROM client_budgets b WHERE b.client_id = c.id AND b.valid_from <= {asOf}
		ORDER BY b.valid_from DESC LIMIT 1),
	(SELECT b.monthly_budget FROM client_budgets b WHERE b.client_id = c.id AND b.valid_from <= {then}
		ORDER BY b.valid_from DESC LIMIT 1)
FROM client_periods p JOIN clients c ON c.id = p.client_id
WHERE p.start_date <= {asOf} AND (p.end_date IS NULL OR p.end_date > {asOf}) ORDER BY c.name_key;
SELECT client_id, sum(kind = 'complaint'), sum(kind = 'escalation') FROM interactions INDEXED BY interactions_complaints
WHERE kind IN ('complaint', 'escalation') AND occurred_at >= {recent} AND occurred_at < {after} GROUP BY client_id;
SELECT client_id, total(CASE WHEN occurred_at >= {recent} THEN satisfaction END),
	count(CASE WHEN occurred_at >= {recent} THEN 1 END), total(CASE WHEN occurred_at < {recent} THEN satisfaction END),
	count(CASE WHEN occurred_at < {recent} THEN 1 END)
FROM interactions INDEXED BY interactions_ratings WHERE satisfaction IS NOT NULL AND occurred_at >= {earlier}
	AND occurred_at < {after} GROUP BY client_id;
SELECT client_id, start_date, end_date, status FROM contracts WHERE end_date IS NULL OR end_date >= {asOf};
SELECT client_id, avg(i.response_hours <= coalesce((SELECT min(k.sla_hours) FROM contracts k
		WHERE k.client_id = i.client_id AND k.status <> 'draft' AND k.start_date <= substr(i.occurred_at, 1, 10)
		AND (k.end_date IS NULL OR k.end_date >= substr(i.occurred_at, 1, 10))), 24))
FROM interactions i INDEXED BY interactions_responses WHERE i.response_hours IS NOT NULL
	AND i.occurred_at >= {recent} AND i.occurred_at < {after} GROUP BY client_id;
SELECT client_id, substr(report_due, 1, 7) AS m, count(*), sum(substr(occurred_at, 1, 10) <= report_due)
FROM interactions INDEXED BY interactions_reports WHERE kind = 'report_sent' AND report_due BETWEEN {recent} AND {asOf}
GROUP BY client_id, m;
SELECT kpi_id, entity_id, month, value FROM kpi_values
WHERE kpi_id IN (SELECT id FROM kpis WHERE level = 'client' AND source = 'entered' AND archived_on IS NULL)
	AND month BETWEEN {first} AND {last};
SELECT kpi_id, scope, entity_id, target FROM kpi_targets WHERE scope IN ('client', 'contract')
	AND from_month <= {last} AND (to_month IS NULL OR to_month >= {first});
SELECT client_id, score FROM health_overrides WHERE set_on <= {asOf} AND expires_on >= {asOf};`)
