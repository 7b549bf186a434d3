package audit_test

// Benchmarks of the evidence on the large demo database (5,000 clients, 200
// people, 1.7 million log entries). They run only with -bench:
//
//	go test -tags migrated_fynedo -run '^$' -bench Evidence -benchtime 5x ./data/audit/
//
// "today" and "past" are Evidence as of the data's last day and as of a day in
// the history; "cli" is the sqlite3 shell answering the same counts and the last
// quarter's log figures on the same file, as of the data's last day (the floor:
// SQLite alone, no Go, output discarded). The package under test is imported by
// the demo generator, hence an external test package and the SQL spelled out.

import (
	"context"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/audit"
	"leadboard/data/internal/benchdb"
)

var benchPast = data.Day(2025, 12, 15)

func BenchmarkEvidence(b *testing.B) {
	s := benchdb.Store(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		asOf time.Time
	}{{"today", benchdb.Now}, {"past", benchPast}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := audit.Evidence(ctx, s, c.asOf); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("cli", func(b *testing.B) { benchdb.CLI(b, evidenceFloor) })
}

// evidenceFloor is, as of 31.03.2026 (today in the benchmark), the same counts as
// plain SQL and the last full quarter's (Q4 2025) log figures: reports on time,
// responses and complaints within the SLA of the contract in force, ratings.
const evidenceFloor = `SELECT count(*),
	sum(EXISTS (SELECT 1 FROM contracts k WHERE k.client_id = c.id AND k.status = 'active'
		AND k.start_date <= '2026-03-31' AND (k.end_date IS NULL OR k.end_date >= '2026-03-31'))),
	sum(EXISTS (SELECT 1 FROM contacts x WHERE x.client_id = c.id)),
	sum(EXISTS (SELECT 1 FROM assignments s WHERE s.client_id = c.id AND s.role = 'lead'
		AND s.start_date <= '2026-03-31' AND (s.end_date IS NULL OR s.end_date >= '2026-03-31'))),
	sum(EXISTS (SELECT 1 FROM assignments s WHERE s.client_id = c.id AND s.role = 'backup'
		AND s.start_date <= '2026-03-31' AND (s.end_date IS NULL OR s.end_date >= '2026-03-31'))),
	sum(c.doc_contract <> '' AND c.doc_brief <> '' AND c.doc_reporting <> ''),
	sum(EXISTS (SELECT 1 FROM interactions i WHERE i.client_id = c.id AND i.occurred_at >= '2026-03-01'
		AND i.occurred_at < '2026-04-01'))
FROM clients c WHERE c.status = 'active' AND c.start_date <= '2026-03-31';
SELECT count(*), sum(k.id IN (SELECT entity_id FROM kpi_targets WHERE scope = 'contract' AND from_month <= '2026-03'
		AND (to_month IS NULL OR to_month >= '2026-03'))
	OR k.client_id IN (SELECT entity_id FROM kpi_targets WHERE scope = 'client' AND from_month <= '2026-03'
		AND (to_month IS NULL OR to_month >= '2026-03')))
FROM contracts k WHERE k.status = 'active' AND k.start_date <= '2026-03-31'
	AND (k.end_date IS NULL OR k.end_date >= '2026-03-31');
SELECT count(*),
	sum(EXISTS (SELECT 1 FROM reviews v WHERE v.staff_id = p.id AND v.status = 'final'
		AND v.finalized_on > '2025-03-31' AND v.finalized_on <= '2026-03-31')),
	sum(EXISTS (SELECT 1 FROM assessments a WHERE a.staff_id = p.id
		AND a.finished_on > '2025-09-30' AND a.finished_on <= '2026-03-31'))
FROM staff p WHERE p.hire_date <= '2026-03-31' AND (p.left_date IS NULL OR p.left_date > '2026-03-31');
SELECT count(*) FROM competency_levels l JOIN competencies c ON c.id = l.competency_id
WHERE c.matrix_id = (SELECT id FROM competency_matrices WHERE created_on <= '2026-03-31' ORDER BY version DESC LIMIT 1);
SELECT count(*), sum(date(last_reviewed, '+' || review_months || ' months') >= '2026-03-31') FROM procedures
WHERE archived_on IS NULL OR archived_on > '2026-03-31';
SELECT count(*) FROM procedures r CROSS JOIN staff p JOIN procedure_acks a ON a.procedure_id = r.id
	AND a.staff_id = p.id AND a.version = r.version AND a.acknowledged_on <= '2026-03-31'
WHERE (r.archived_on IS NULL OR r.archived_on > '2026-03-31') AND p.hire_date <= '2026-03-31'
	AND (p.left_date IS NULL OR p.left_date > '2026-03-31');
SELECT sum(coalesce(handoff, 0) + coalesce(briefs, 0) + coalesce(deadlines, 0) + coalesce(communication, 0))
FROM feedback WHERE given_on > '2025-03-31' AND given_on <= '2026-03-31';
SELECT count(*) FROM actions WHERE status = 'open' AND due_on < '2026-03-31';
SELECT count(*), sum(substr(occurred_at, 1, 10) <= report_due) FROM interactions INDEXED BY interactions_reports
WHERE kind = 'report_sent' AND report_due BETWEEN '2025-10-01' AND '2025-12-31';
SELECT count(*), sum(i.response_hours <= ` + slaOf + `) FROM interactions i INDEXED BY interactions_responses
WHERE i.response_hours IS NOT NULL AND i.occurred_at >= '2025-10-01' AND i.occurred_at < '2026-01-01';
SELECT count(*), sum((unixepoch(i.resolved_at) - unixepoch(i.occurred_at)) / 3600.0 <= ` + slaOf + `)
FROM interactions i INDEXED BY interactions_complaints WHERE i.kind IN ('complaint', 'escalation')
	AND i.occurred_at >= '2025-10-01' AND i.occurred_at < '2026-01-01';
SELECT avg(satisfaction) FROM interactions INDEXED BY interactions_ratings
WHERE satisfaction IS NOT NULL AND occurred_at >= '2025-10-01' AND occurred_at < '2026-01-01';`

// slaOf is the SQL of the SLA of the contract in force on a log entry's day.
const slaOf = `coalesce((SELECT min(k.sla_hours) FROM contracts k WHERE k.client_id = i.client_id
	AND k.status <> 'draft' AND k.start_date <= substr(i.occurred_at, 1, 10)
	AND (k.end_date IS NULL OR k.end_date >= substr(i.occurred_at, 1, 10))), 24)`
