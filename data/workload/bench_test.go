package workload_test

import (
	"context"
	"testing"

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
