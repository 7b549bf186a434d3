package demo

import (
	"slices"

	"leadboard/data"
)

// The opportunity pipeline (issue 8): about three in ten active clients have an open
// upsell (more of a service they buy) or cross-sell (a service they do not buy yet),
// some two; over the past year others were won or lost, and some of the clients who
// left had one lost on the way out. Amounts follow the client's monthly budget.

// opportunity columns: client_id, service, kind, amount, probability, expected_on,
// status, created_on.
const opportunityColumns = 8

func (g *gen) writeOpportunities(w *writer, sum *Summary) {
	rows := w.batch(`INSERT INTO opportunities (client_id, service, kind, amount, probability, expected_on, status,
		created_on) VALUES `, opportunityColumns, batchRows)
	add := func(c *client, status string, expected, created day) {
		service, kind, amount := g.offer(c)
		probability := 10 + 5*g.aud.between(0, 16)
		switch status {
		case "won":
			probability = 100
		case "lost":
			probability = 0
		}
		rows.add(c.id, service, kind, amount, probability, expected.String(), status, created.String())
		sum.Opportunities++
	}
	// closed adds a won or lost opportunity expected between lo and hi, if the client
	// was served long enough before it.
	closed := func(c *client, status string, lo, hi day) {
		expected := g.cal.shiftWorking(lo+day(g.aud.between(0, max(0, int(hi-lo)))), 0)
		created := expected - day(g.aud.between(30, 120))
		if created > c.start && expected < g.asOf {
			add(c, status, expected, created)
		}
	}
	for _, c := range g.clients {
		if c.archived != 0 {
			continue
		}
		switch c.status {
		case data.ClientActive:
			for n := 0; n < 2 && g.aud.chance([2]float64{0.3, 0.15}[n]); n++ {
				created := max(c.start, g.asOf-day(g.aud.between(3, 120)))
				add(c, "open", g.asOf+day(g.aud.between(7, 182)), created)
			}
			if g.aud.chance(0.25) {
				status := "won"
				if g.aud.chance(0.4) {
					status = "lost"
				}
				closed(c, status, g.asOf-330, g.asOf-15)
			}
		case data.ClientChurned:
			if c.churn > g.asOf-365 && g.aud.chance(0.3) {
				closed(c, "lost", c.churn-120, c.churn-10)
			}
		}
	}
	rows.flush()
}

// offer draws what an opportunity is for: more of a service the client buys
// (upsell, a share of its budget) or one it does not buy yet (cross-sell).
func (g *gen) offer(c *client) (service, kind string, amount int64) {
	var missing []string
	for _, s := range data.Services {
		if !slices.Contains(c.services, s) {
			missing = append(missing, s)
		}
	}
	budget := float64(c.budget)
	if len(missing) == 0 || (len(c.services) > 0 && g.aud.chance(0.5)) {
		return pick2(&g.aud, c.services), "upsell", max(10000, round1000(budget*g.aud.uniform(0.08, 0.3)))
	}
	return pick2(&g.aud, missing), "cross_sell", max(30000, round1000(budget*g.aud.uniform(0.1, 0.4)))
}
