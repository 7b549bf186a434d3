package workload_test

import (
	"context"
	"testing"

	"leadboard/data"
	"leadboard/data/internal/benchdb"
	"leadboard/data/workload"
)

// largeSnapshot reads the large demo's workload (200 managers, 5,000 clients).
func largeSnapshot(b *testing.B) workload.Snapshot {
	b.Helper()
	snap, err := workload.Take(context.Background(), benchdb.Store(b), workload.Defaults())
	if err != nil {
		b.Fatal(err)
	}
	return snap
}

// BenchmarkSuggest plans the large demo's redistribution, where the department as a
// whole is short of capacity: best effort within the 2 s budget.
func BenchmarkSuggest(b *testing.B) {
	snap := largeSnapshot(b)
	var sug workload.Suggestion
	for b.Loop() {
		sug = workload.Suggest(snap, workload.Locks{})
	}
	out := snap.Outcome(sug.Moves)
	b.ReportMetric(float64(len(sug.Moves)), "moves")
	b.Logf("%d managers, %d clients: %d moves, reached %v (%q); highest %.1f%% -> %.1f%%, over %d -> %d, spread %.1f -> %.1f",
		len(snap.Managers), len(snap.Clients), len(sug.Moves), sug.Reached, sug.Reason,
		out.Before.Highest, out.After.Highest, out.Before.Overloaded, out.After.Overloaded,
		out.Before.Spread, out.After.Spread)
	if out.After.Highest > out.Before.Highest || out.After.Spread > out.Before.Spread {
		b.Errorf("the plan made things worse: %+v", out)
	}
}

// BenchmarkLeaving hands over the clients of the manager who has the most.
func BenchmarkLeaving(b *testing.B) {
	snap := largeSnapshot(b)
	count := map[int64]int{} // clients led or backed up
	for _, c := range snap.Clients {
		count[c.Lead]++
		if c.Backup != 0 {
			count[c.Backup]++
		}
	}
	var who int64
	for _, m := range snap.Managers {
		if who == 0 || count[m.ID] > count[who] {
			who = m.ID
		}
	}
	var sug workload.Suggestion
	for b.Loop() {
		sug = workload.Leaving(snap, who, workload.Locks{})
	}
	b.ReportMetric(float64(len(sug.Moves)), "moves")
	b.Logf("manager %d with %d clients: %d moves, reached %v (%q)", who, count[who], len(sug.Moves), sug.Reached, sug.Reason)
	after := snap.Apply(sug.Moves)
	for _, c := range after.Clients {
		if c.Lead == who || c.Backup == who {
			b.Errorf("client %d is still served by %d", c.ID, who)
		}
	}
}

// BenchmarkView is the workload view's data on the large demo: the snapshot's query
// and the pass that adds up every manager's load ("go"), against the sqlite3 shell
// answering each manager's lead and backup points with the same weights in SQL
// ("cli"; tier base, complexity, services, reporting and the last 30 days' log).
func BenchmarkView(b *testing.B) {
	s := benchdb.Store(b)
	ctx := context.Background()
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			snap, err := workload.Take(ctx, s, workload.Defaults())
			if err != nil {
				b.Fatal(err)
			}
			snap.Loads()
		}
	})
	b.Run("cli", func(b *testing.B) { benchdb.CLI(b, viewFloor) })
}

// BenchmarkHistory is the twelve months of utilization the view draws.
func BenchmarkHistory(b *testing.B) {
	s := benchdb.Store(b)
	last := data.MonthOf(benchdb.AsOf) - 1
	for b.Loop() {
		if _, err := workload.HistoryOf(context.Background(), s, workload.Defaults(), last-11, last); err != nil {
			b.Fatal(err)
		}
	}
}

const viewFloor = `WITH w AS (
	SELECT c.id,
		(CASE c.tier WHEN 'A' THEN 3.0 WHEN 'B' THEN 1.7 ELSE 1.0 END) * (1 + 0.15 * (c.complexity - 3))
		+ 0.1 * max(0, (SELECT count(*) FROM client_services x WHERE x.client_id = c.id) - 1)
		+ coalesce((SELECT max(CASE k.report_frequency WHEN 'weekly' THEN 0.4 WHEN 'biweekly' THEN 0.2
			WHEN 'monthly' THEN 0.1 WHEN 'quarterly' THEN 0.05 ELSE 0 END) FROM contracts k
			WHERE k.client_id = c.id AND k.status = 'active'), 0)
		+ 0.25 * (SELECT count(*) FROM interactions i WHERE i.client_id = c.id AND i.occurred_at >= '2026-03-01'
			AND i.kind IN ('complaint', 'escalation'))
		+ 0.01 * (SELECT count(*) FROM interactions i WHERE i.client_id = c.id AND i.occurred_at >= '2026-03-01')
		AS weight
	FROM clients c WHERE c.status IN ('active', 'paused') AND c.archived_on IS NULL)
SELECT a.staff_id, sum(CASE a.role WHEN 'lead' THEN w.weight ELSE 0.2 * w.weight END)
FROM assignments a JOIN w ON w.id = a.client_id WHERE a.end_date IS NULL GROUP BY a.staff_id;`
