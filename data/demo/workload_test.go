package demo_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/workload"
)

// The small demo must give the workload planner something to do, as the app measures
// workload (its default coefficients): a department at 80-95 % of its capacity, two
// managers clearly over (a third at most, barely), one or two under (one clearly),
// the rest normal, and a senior who has given notice and still has their clients. The
// moves that shape the last months keep the history whole.
func TestWorkloadShape(t *testing.T) {
	for _, seed := range []int64{7, 1} {
		for _, at := range []time.Time{data.Day(2026, 3, 31), data.Day(2026, 11, 27)} {
			t.Run(fmt.Sprintf("seed %d as of %s", seed, at.Format(data.DateLayout)), func(t *testing.T) {
				s, _ := generate(t, seed, at)
				checkWorkloadShape(t, s, at)
				db := rawDB(t, s.Path())
				checkAssignments(t, db)
				checkHistory(t, db, windowOf(at, 24))
			})
		}
	}
}

func checkWorkloadShape(t *testing.T, s *data.Store, at time.Time) {
	ctx := context.Background()
	snap, err := workload.Take(ctx, s, workload.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	c := snap.Coeffs
	loads := snap.Loads()
	tot := c.TotalsOf(loads)
	var table strings.Builder
	var over, under []float64
	for _, l := range loads {
		u := l.Utilization()
		fmt.Fprintf(&table, "\n  %-36s %-6s cap %4.1f  lead %4.1f (%d)  backup %3.1f (%d)  %5.1f %%  %s",
			l.Name, l.Grade.Code, l.Capacity, l.Lead, l.Leads, l.Backup, l.Backups, u, c.BandOf(u))
		switch c.BandOf(u) {
		case workload.BandOver:
			over = append(over, u)
		case workload.BandUnder:
			under = append(under, u)
		}
	}
	defer func() {
		if t.Failed() {
			t.Logf("department %.1f %%:%s", tot.Utilization, table.String())
		}
	}()
	if tot.Utilization < 80 || tot.Utilization > 95 {
		t.Errorf("the department is at %.1f %% of its capacity, want 80-95 %%", tot.Utilization)
	}
	slices.Sort(over)
	slices.Reverse(over)
	switch {
	case len(over) < 2 || len(over) > 3:
		t.Errorf("%d managers over capacity (%.0f), want two, three at most", len(over), over)
	case over[1] < 110 || over[0] > 150:
		t.Errorf("the overloaded are at %.0f %%, want clearly over: 110-150 %%", over)
	case len(over) == 3 && over[2] > 105:
		t.Errorf("a third manager is at %.0f %%, want two clearly over and a third at most barely", over[2])
	}
	if len(under) < 1 || len(under) > 2 || slices.Min(under) > 65 {
		t.Errorf("managers under the band at %.0f %%, want one or two, one of them clearly (below 65 %%)", under)
	}

	// The senior who has given notice: a note with the last day, after AsOf, and the
	// clients still theirs.
	lastDay := regexp.MustCompile(`последний рабочий день — (\d{1,2}) (\p{L}+) (\d{4}) г\.`)
	months := []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
		"октября", "ноября", "декабря"}
	rows, err := s.ListStaff(ctx, data.StaffFilter{Statuses: []data.StaffStatus{data.StaffActive}})
	if err != nil {
		t.Fatal(err)
	}
	leaving := 0
	for _, r := range rows {
		m := lastDay.FindStringSubmatch(r.Notes)
		if m == nil {
			continue
		}
		leaving++
		dd, _ := strconv.Atoi(m[1])
		yy, _ := strconv.Atoi(m[3])
		mm := slices.Index(months, m[2]) + 1
		last := data.Day(yy, time.Month(mm), dd)
		if mm == 0 || last.Day() != dd || !last.After(at) || last.After(at.AddDate(0, 3, 0)) {
			t.Errorf("%s leaves on %q, want a date in the months after %s", r.FullName, m[0], at.Format(data.DateLayout))
		}
		if r.Grade.Code != "senior" {
			t.Errorf("%s, who is leaving, is a %s, want a senior", r.FullName, r.Grade.Code)
		}
		i := slices.IndexFunc(loads, func(l workload.Load) bool { return l.ID == r.ID })
		if i < 0 || loads[i].Leads == 0 || c.BandOf(loads[i].Utilization()) == workload.BandNone {
			t.Errorf("%s, who is leaving, leads no clients: nothing left to hand over", r.FullName)
		}
	}
	if leaving != 1 {
		t.Errorf("%d people with a last working day in their notes, want one", leaving)
	}
}
