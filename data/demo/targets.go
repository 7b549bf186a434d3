package demo

import (
	"math"

	"leadboard/data"
)

// Targets (kpi_targets) as a department sets them. A target is for one month's
// value of the KPI: a client's leads target is leads a month. Most clients' contracts
// name yearly targets for leads and cost per lead, set from the year before (or,
// lacking one, from what the client's campaigns do); some have one open-ended target
// agreed when they came. Every account manager has targets for answering on time,
// sending reports on time and client satisfaction, and in the current year senior
// staff are held to a higher response target (a later target overrides the earlier
// one for the months both cover). The department has its own.

// targetCodes are the KPIs the demo sets targets for.
var targetCodes = []string{"leads", "cpl", "response_sla", "reports_on_time", "satisfaction", "retention",
	"complaints_per10", "response_median"}

type targetRow struct {
	code, scope string
	entity      int64
	from, to    string // "YYYY-MM"; to "" is open-ended
	value       float64
}

type targetPlan struct {
	ids       map[string]int64
	rows      []targetRow
	deptLeads map[int]float64 // year: the clients' monthly leads targets added up
}

func (t *targetPlan) add(code, scope string, entity int64, from, to string, value float64) {
	t.rows = append(t.rows, targetRow{code, scope, entity, from, to, value})
}

func monthKey(d day) string { return string(appendDate(nil, d)[:7]) }

func yearKeys(y int) (from, to string) {
	return monthKey(civilDay(y, 1, 1)), monthKey(civilDay(y, 12, 1))
}

// nice rounds a target to two significant digits, as people set them.
func nice(x float64) float64 {
	if x < 10 {
		return max(1, math.Round(x))
	}
	p := math.Pow(10, math.Floor(math.Log10(x))-1)
	return math.Round(x/p) * p
}

// yearOf is the calendar year of the window's i-th month.
func (g *gen) yearOf(i int) int {
	y, m, _ := g.ws.civil()
	return y + (m-1+i)/12
}

type leadStat struct {
	leads, cpl float64
	n          int
}

func (s leadStat) mean() (leads, cpl float64) { return s.leads / float64(s.n), s.cpl / float64(s.n) }

// clientTargets sets a client's leads and cost-per-lead targets from its results.
func (g *gen) clientTargets(t *targetPlan, c *client, res []monthResult) {
	if len(res) == 0 || !g.camp.chance(0.85) { // some contracts name no targets
		return
	}
	byYear := map[int]*leadStat{}
	first, last := g.yearOf(res[0].month), g.yearOf(res[len(res)-1].month)
	var early leadStat // the first months, for a target agreed at the start
	for _, r := range res {
		y := g.yearOf(r.month)
		if byYear[y] == nil {
			byYear[y] = &leadStat{}
		}
		s := byYear[y]
		s.leads, s.cpl, s.n = s.leads+r.leads, s.cpl+r.cpl, s.n+1
		if early.n < 6 {
			early.leads, early.cpl, early.n = early.leads+r.leads, early.cpl+r.cpl, early.n+1
		}
	}
	if g.camp.chance(0.2) {
		leads, cpl := early.mean()
		leads, cpl = nice(leads*g.camp.uniform(0.95, 1.15)), nice(cpl*g.camp.uniform(0.9, 1.02))
		from := monthKey(c.start)
		t.add("leads", data.ScopeClient, c.id, from, "", leads)
		t.add("cpl", data.ScopeClient, c.id, from, "", cpl)
		for y := first; y <= last; y++ {
			t.deptLeads[y] += leads
		}
		return
	}
	for y := first; y <= last; y++ {
		cur := byYear[y]
		if cur == nil {
			continue // away the whole year
		}
		base, more, cheaper := *cur, g.camp.uniform(0.9, 1.12), g.camp.uniform(0.92, 1.08)
		if prev := byYear[y-1]; prev != nil && prev.n >= 3 {
			base, more, cheaper = *prev, g.camp.uniform(1, 1.2), g.camp.uniform(0.88, 1)
		}
		leads, cpl := base.mean()
		leads, cpl = nice(leads*more), nice(cpl*cheaper)
		from, to := yearKeys(y)
		t.add("leads", data.ScopeClient, c.id, from, to, leads)
		t.add("cpl", data.ScopeClient, c.id, from, to, cpl)
		t.deptLeads[y] += leads
	}
}

// staffTargets: every account manager who served a client in the window.
func (g *gen) staffTargets(t *targetPlan) {
	served := make([]bool, len(g.persons))
	for _, c := range g.clients {
		for _, segs := range c.segs {
			for _, s := range segs {
				if s.end >= g.ws {
					served[s.staff] = true
				}
			}
		}
	}
	y, _, _ := g.asOf.civil()
	thisYear, _ := yearKeys(y)
	for i, p := range g.persons {
		if !served[i] {
			continue
		}
		from, to := monthKey(max(p.hire, g.ws)), ""
		if p.left != 0 {
			to = monthKey(p.left)
		}
		t.add("response_sla", data.ScopeManager, p.id, from, to, 90)
		t.add("reports_on_time", data.ScopeManager, p.id, from, to, 95)
		t.add("satisfaction", data.ScopeManager, p.id, from, to, 4.2)
		if p.left == 0 && p.grade >= senior && from < thisYear {
			t.add("response_sla", data.ScopeManager, p.id, thisYear, "", 92)
		}
	}
}

func (g *gen) departmentTargets(t *targetPlan) {
	from := g.months[0]
	t.add("retention", data.ScopeDepartment, 0, from, "", 98)
	t.add("complaints_per10", data.ScopeDepartment, 0, from, "", 3) // about what the log holds: a reachable aim
	t.add("response_median", data.ScopeDepartment, 0, from, "", 4)
	t.add("reports_on_time", data.ScopeDepartment, 0, from, "", 95)
	t.add("satisfaction", data.ScopeDepartment, 0, from, "", 4.3)
	first, _, _ := g.ws.civil()
	last, _, _ := g.asOf.civil()
	for y := first; y <= last; y++ {
		if n := t.deptLeads[y]; n > 0 {
			from, to := yearKeys(y)
			t.add("leads", data.ScopeDepartment, 0, from, to, nice(n))
		}
	}
}

func (g *gen) writeTargets(w *writer, t *targetPlan) int {
	b := w.batch(`INSERT INTO kpi_targets (kpi_id, scope, entity_id, from_month, to_month, target) VALUES `, 6, 64)
	for _, r := range t.rows {
		var to any
		if r.to != "" {
			to = r.to
		}
		b.add(t.ids[r.code], r.scope, r.entity, r.from, to, r.value)
	}
	b.flush()
	return len(t.rows)
}
