package demo

import (
	"cmp"
	"slices"
	"sort"
)

// A client's monthly budget (client_budgets), from its start to now. Media plans are
// revised at the turns of the Russian advertising year: January cuts after the New
// Year campaigns, March brings the spring plans, June the summer lull, September the
// autumn season and November the run-up to New Year, the year's peak. Each client
// revises at some of these turns and now and then in between (an upsell, a cut).
// Before the year preceding the window only one figure a year is kept: older
// records are yearly plans, and nothing looks that far back.

type budgetRow struct {
	from   day
	amount int64
}

// budgetSeason is the level a plan revised in a month aims at, against the year's
// average.
var budgetSeason = [13]float64{0, 0.82, 0.82, 1, 1, 1, 0.88, 0.88, 0.88, 1.08, 1.08, 1.18, 1.18}

// revisePr is the chance that a client revises its plan in a month: nearly all cut
// in January and raise for New Year, fewer change for spring and summer, and a few
// change between the turns (an upsell, a cut).
var revisePr = [13]float64{0, 0.85, 0.04, 0.55, 0.04, 0.04, 0.6, 0.04, 0.04, 0.7, 0.04, 0.85, 0.04}

// tierRevises scales revisePr by tier: key accounts plan closely, small clients
// often let a plan run on.
var tierRevises = [3]float64{1, 0.85, 0.65}

func (g *gen) planBudgets() {
	for _, c := range g.clients {
		c.budgets = g.budgetHistory(c)
	}
}

// budgetHistory draws the client's budgets from its start until it left, paused or
// now, and scales them so that the last one is the client's budget today.
func (g *gen) budgetHistory(c *client) []budgetRow {
	end := g.asOf
	switch {
	case c.pausedFrom != 0:
		end = c.pausedFrom // the plan is frozen until the client agrees a new one
	case c.churn != 0:
		end = c.churn
	}
	type raw struct {
		from day
		v    float64
	}
	at := func(d day) raw {
		_, m, _ := d.civil()
		return raw{d, g.level(c, d) * budgetSeason[m] * g.camp.noise(0.06)}
	}
	rows := []raw{at(c.start)}
	detail := g.ws.addMonths(-12)
	y, _, _ := c.start.civil()
	for jan := civilDay(y+1, 1, 1); jan < detail && jan <= end; jan = jan.addYears(1) {
		r := at(jan)
		r.v /= budgetSeason[1] // a yearly plan, not a January cut
		rows = append(rows, r)
	}
	for m := max(c.start, detail).monthStart().addMonths(1); m <= end; m = m.addMonths(1) {
		_, mm, _ := m.civil()
		p := revisePr[mm] * tierRevises[c.tier]
		if c.trend.story != steady && m >= c.trend.turn { // a client on the move renegotiates at every turn and between
			p = max(p*2, 0.3)
		}
		if !g.camp.chance(p) {
			continue
		}
		d := m
		if g.camp.chance(0.3) {
			d += day(g.camp.between(1, 19))
		}
		if d > end || c.away(d) || d == c.backOn {
			continue
		}
		rows = append(rows, at(d))
	}
	if c.backOn != 0 { // a returning client comes back on a new plan
		rows = append(rows, at(c.backOn))
		slices.SortFunc(rows, func(a, b raw) int { return cmp.Compare(a.from, b.from) })
	}
	k := float64(c.budget) / rows[len(rows)-1].v
	out := make([]budgetRow, 0, len(rows))
	for i, r := range rows {
		amount := max(10000, round1000(r.v*k))
		if i == len(rows)-1 {
			amount = c.budget
		}
		if n := len(out); n > 0 && out[n-1].amount == amount {
			continue // not a change
		}
		out = append(out, budgetRow{r.from, amount})
	}
	return out
}

// budgetOn is the budget in force on d (the first one before the client started).
func (c *client) budgetOn(d day) int64 {
	i := sort.Search(len(c.budgets), func(i int) bool { return c.budgets[i].from > d }) - 1
	return c.budgets[max(i, 0)].amount
}
