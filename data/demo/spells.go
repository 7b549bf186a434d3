package demo

import (
	"fmt"
	"strings"

	"leadboard/data"
)

// A client is served in spells (client_periods): from its start to its churn date,
// or still open. A client that left and came back has two: the first ends on the day
// it left, the second starts on its return. The clients table keeps only the current
// state, so the first spell lives only in client_periods, in the assignments (which
// stop for the gap) and in the contracts (the first series ends when it left).

// spell is a stretch of service; end is the churn date (0 while still served).
type spell struct{ start, end day }

// spells lists the client's spells; a prospect has none.
func (c *client) spells() []spell {
	switch {
	case c.status == data.ClientProspect:
		return nil
	case c.leftOn != 0:
		return []spell{{c.start, c.leftOn}, {c.backOn, c.churn}}
	}
	return []spell{{c.start, c.churn}}
}

// away reports a day between a returning client's spells: nobody serves it then.
func (c *client) away(d day) bool { return c.leftOn != 0 && d > c.leftOn && d < c.backOn }

// leaving reports the three months before a client left, when complaints pile up
// and results slip.
func (c *client) leaving(d day) bool {
	return (c.churn != 0 && d >= c.churn-90) || (c.leftOn != 0 && d >= c.leftOn-90 && d <= c.leftOn)
}

// servedDays counts the days of [a, b] the client was served, split into days its
// campaigns ran and days they were paused. As in client_periods, the churn date is
// the first day no longer served.
func (c *client) servedDays(a, b day) (active, paused int) {
	for _, s := range c.spells() {
		lo, hi := max(a, s.start), b
		if s.end != 0 {
			hi = min(hi, s.end-1)
		}
		if hi < lo {
			continue
		}
		n := int(hi-lo) + 1
		if c.pausedFrom != 0 {
			p := min(max(int(hi-max(lo, c.pausedFrom))+1, 0), n)
			paused, n = paused+p, n-p
		}
		active += n
	}
	return active, paused
}

// planReturners picks a few long-standing active clients who left during the window
// for another agency and came back some months later. Key accounts are left out: the
// department would not let one go unnoticed.
func (g *gen) planReturners() {
	window := int(g.asOf - g.ws)
	var pool []*client
	for _, c := range g.clients {
		if c.status == data.ClientActive && c.tier != tierA && c.start < g.ws-60 {
			pool = append(pool, c)
		}
	}
	shuffle(g, pool)
	for _, c := range pool[:min(len(pool), g.p.returners)] {
		c.leftOn = g.ws + day(g.between(60, window-330))
		c.backOn = c.leftOn + day(g.between(90, 210))
		c.contracts = nil
		g.planContracts(c)
		note := fmt.Sprintf("Уходил к другому агентству %s, вернулся %s.", c.leftOn.ru(), c.backOn.ru())
		c.notes = strings.TrimSpace(c.notes + " " + note)
	}
}
