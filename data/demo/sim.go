package demo

import (
	"cmp"
	"math"
	"slices"

	"leadboard/data"
)

// The simulation walks the history window event by event (clients won and lost,
// people leaving or going on leave, new hires taking over clients, monthly
// rotations) and records who led and backed up each client as day ranges. Every
// change closes the old range the day before the new one starts, so a served client
// always has exactly one lead.

const (
	evHandover = iota // a person leaving or going on leave hands their clients over
	evChurn
	evStart
	evOnboard
	evRotate
)

type event struct {
	on   day
	kind int
	who  int // person or client index
}

func (g *gen) simulate() {
	var evs []event
	var initial []*client
	for _, c := range g.clients {
		switch {
		case c.status == data.ClientProspect:
			continue
		case c.start < g.ws:
			initial = append(initial, c)
		default:
			evs = append(evs, event{c.start, evStart, c.idx})
		}
		if c.churn != 0 {
			evs = append(evs, event{c.churn, evChurn, c.idx})
		}
		if c.leftOn != 0 { // a client that left and came back
			evs = append(evs, event{c.leftOn, evChurn, c.idx}, event{c.backOn, evStart, c.idx})
		}
	}
	for _, p := range g.persons {
		switch {
		case p.left != 0:
			evs = append(evs, event{p.left - day(g.between(3, 14)), evHandover, p.idx})
		case p.leaveFrom != 0:
			evs = append(evs, event{p.leaveFrom, evHandover, p.idx})
		}
		if p.hire >= g.ws {
			if on := p.hire + day(g.between(14, 35)); on <= g.asOf {
				evs = append(evs, event{on, evOnboard, p.idx})
			}
		}
	}
	for k, m := 1, g.ws.addMonths(1); m <= g.asOf; k, m = k+1, m.addMonths(1) {
		evs = append(evs, event{m, evRotate, k})
	}
	slices.SortStableFunc(evs, func(a, b event) int {
		if c := cmp.Compare(a.on, b.on); c != 0 {
			return c
		}
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Compare(a.who, b.who)
	})

	// Clients already served when the window opens: the heaviest placed first. Their
	// first assignment goes back to when the client or the person started.
	slices.SortStableFunc(initial, func(a, b *client) int { return cmp.Compare(b.weight, a.weight) })
	for _, c := range initial {
		l := g.pickFor(c, g.ws, roleLead, -1, true)
		g.setRole(c, roleLead, l, max(c.start, g.persons[l].hire))
		c.open = true
		if c.needsBackup {
			if b := g.pickFor(c, g.ws, roleBackup, l, false); b >= 0 {
				g.setRole(c, roleBackup, b, max(c.start, g.persons[b].hire))
			}
		}
	}

	for _, ev := range evs {
		d := ev.on
		switch ev.kind {
		case evStart:
			c := g.clients[ev.who]
			g.setLead(c, g.pickFor(c, d, roleLead, -1, true), d)
			c.open = true
			g.ensureBackup(c, d)
		case evChurn:
			c := g.clients[ev.who]
			g.setRole(c, roleBackup, -1, d+1) // the churn date is the last day served
			g.setRole(c, roleLead, -1, d+1)
			c.open = false
		case evHandover:
			g.handOver(ev.who, d)
		case evOnboard:
			g.onboard(ev.who, d)
		case evRotate:
			g.rotate(d)
			if ev.who%3 == 0 {
				g.rebalance(d)
			}
		}
	}
}

// available: hired, not leaving within two months, not going on leave within a month,
// not under notice.
func (g *gen) available(i int, d day) bool {
	p := g.persons[i]
	return d >= p.hire && (p.left == 0 || d < p.left-60) && (p.leaveFrom == 0 || d < p.leaveFrom-30) &&
		(p.resigned == 0 || d < p.resigned)
}

// capacity is the points a person can carry at d: grade capacity x FTE x their bias,
// ramping up over the first four months.
func (g *gen) capacity(i int, d day) float64 {
	p := g.persons[i]
	c := g.grades[p.gradeAt(d)].capacity * p.fte * p.bias
	if ramp := float64(d-p.hire) / 120; ramp < 1 {
		c *= max(ramp, 0.25)
	}
	return c
}

func (g *gen) score(i int, d day, extra float64) float64 {
	return (g.persons[i].load + extra) / g.capacity(i, d)
}

// pickFor chooses who takes a role for a client at d: the least loaded available
// person of the client's team relative to capacity, else of any team. With must, a
// lead is found even among people otherwise kept free (never among those leaving).
func (g *gen) pickFor(c *client, d day, role int, exclude int, must bool) int {
	w := c.weight
	if role == roleBackup {
		w *= backupShare
	}
	best, bestScore := -1, math.Inf(1)
	try := func(i int) {
		if i == exclude || !g.available(i, d) {
			return
		}
		if s := g.score(i, d, w) * (1 + 0.08*g.rng.Float64()); s < bestScore {
			best, bestScore = i, s
		}
	}
	for _, i := range g.members[c.team] {
		try(i)
	}
	if best < 0 {
		for i := range g.persons {
			try(i)
		}
	}
	if best < 0 && must {
		for i, p := range g.persons {
			if i != exclude && d >= p.hire && (p.left == 0 || d < p.left-15) && (p.leaveFrom == 0 || d < p.leaveFrom) {
				return i
			}
		}
		panic("demo: nobody employed to lead a client") // the roster always has team leads who never leave
	}
	return best
}

func (g *gen) current(c *client, role int) int {
	if s := c.segs[role]; len(s) > 0 && s[len(s)-1].end == openEnd {
		return s[len(s)-1].staff
	}
	return -1
}

// setRole gives the role to person p (-1: nobody) from day d: the previous range ends
// on d-1, or disappears if it started on d itself.
func (g *gen) setRole(c *client, role, p int, d day) {
	w := c.weight
	if role == roleBackup {
		w *= backupShare
	}
	list := c.segs[role]
	if n := len(list); n > 0 && list[n-1].end == openEnd {
		last := &list[n-1]
		if last.staff == p {
			return
		}
		g.persons[last.staff].load -= w
		if last.start >= d {
			list = list[:n-1]
		} else {
			last.end = d - 1
		}
	}
	if p >= 0 {
		g.persons[p].load += w
		if n := len(list); n > 0 && list[n-1].end == d-1 && list[n-1].staff == p {
			list[n-1].end = openEnd
		} else {
			list = append(list, seg{staff: p, start: d, end: openEnd})
		}
	}
	c.segs[role] = list
}

// setLead makes p the lead from d; a backup who becomes the lead stops backing up.
func (g *gen) setLead(c *client, p int, d day) {
	if g.current(c, roleBackup) == p {
		g.setRole(c, roleBackup, -1, d)
	}
	g.setRole(c, roleLead, p, d)
}

func (g *gen) ensureBackup(c *client, d day) {
	if !c.needsBackup || g.current(c, roleBackup) >= 0 {
		return
	}
	if b := g.pickFor(c, d, roleBackup, g.current(c, roleLead), false); b >= 0 {
		g.setRole(c, roleBackup, b, d)
	}
}

// handOver moves a person's clients to colleagues from d (before they leave): the
// backup takes over where there is one, and someone else backs up.
func (g *gen) handOver(who int, d day) {
	for _, c := range g.clients {
		if !c.open {
			continue
		}
		if g.current(c, roleLead) == who {
			next := g.current(c, roleBackup)
			if next < 0 || !g.available(next, d) {
				next = g.pickFor(c, d, roleLead, who, true)
			}
			g.setLead(c, next, d)
		}
		if g.current(c, roleBackup) == who {
			g.setRole(c, roleBackup, -1, d)
		}
		g.ensureBackup(c, d)
	}
}

// onboard lets a new hire take over some lighter clients from the busiest colleagues
// of the team, until they carry most of an average share.
func (g *gen) onboard(who int, d day) {
	p := g.persons[who]
	for range g.p.maxTake {
		donor, donorScore, sum, n := -1, 0.0, 0.0, 0
		for _, i := range g.members[p.team] {
			if i == who || !g.available(i, d) {
				continue
			}
			s := g.score(i, d, 0)
			sum, n = sum+s, n+1
			if s > donorScore {
				donor, donorScore = i, s
			}
		}
		if donor < 0 || g.score(who, d, 0) >= 0.8*sum/float64(n) {
			return
		}
		var take *client
		for _, c := range g.clients {
			if c.open && c.tier != tierA && g.current(c, roleLead) == donor && (take == nil || c.weight < take.weight) {
				take = c
			}
		}
		if take == nil {
			return
		}
		g.setLead(take, who, d)
		g.ensureBackup(take, d)
	}
}

// rotate changes the lead of a few clients each month (often the backup steps up)
// and finds backups for clients that lost theirs.
func (g *gen) rotate(d day) {
	for _, c := range g.clients {
		if !c.open {
			continue
		}
		if g.chance(g.p.rotation) {
			cur, b := g.current(c, roleLead), g.current(c, roleBackup)
			if b >= 0 && g.available(b, d) && g.chance(0.6) {
				g.setLead(c, b, d)
			} else if next := g.pickFor(c, d, roleLead, cur, false); next >= 0 {
				g.setLead(c, next, d)
			}
		}
		g.ensureBackup(c, d)
	}
}

// rebalance is the team lead's quarterly review: clients move from the busiest to
// the least busy person of each team (relative to what each should carry), a few at
// a time, so only the people meant to be over- or underloaded stay far from the rest.
func (g *gen) rebalance(d day) {
	for t := range g.p.teams {
		for range g.p.maxMoves {
			hi, lo, n := -1, -1, 0
			var hiScore, loScore, sum float64
			for _, i := range g.members[t] {
				if !g.available(i, d) {
					continue
				}
				s := g.score(i, d, 0)
				sum, n = sum+s, n+1
				if hi < 0 || s > hiScore {
					hi, hiScore = i, s
				}
				if lo < 0 || s < loScore {
					lo, loScore = i, s
				}
			}
			if n < 2 || hiScore < 1.2*sum/float64(n) || loScore > 0.85*sum/float64(n) {
				break
			}
			var take *client
			for _, c := range g.clients {
				if c.open && c.tier != tierA && g.current(c, roleLead) == hi && (take == nil || c.weight < take.weight) {
					take = c
				}
			}
			if take == nil || g.score(lo, d, take.weight) > g.score(hi, d, -take.weight) {
				break
			}
			g.setLead(take, lo, d)
			g.ensureBackup(take, d)
		}
	}
}

// pickOverdue chooses the clients that get a recent complaint still open past its SLA.
func (g *gen) pickOverdue() {
	var pool []*client
	for _, c := range g.clients {
		if c.status == data.ClientActive && c.archived == 0 && len(c.segs[roleLead]) > 0 &&
			c.segs[roleLead][0].start < g.asOf-30 {
			pool = append(pool, c)
		}
	}
	shuffle(g, pool)
	for _, c := range pool[:min(len(pool), g.p.overdueInjected)] {
		c.overdue = true
	}
}
