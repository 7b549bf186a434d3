package workload

import (
	"cmp"
	"math"
	"slices"

	"leadboard/data"
)

// Suggestion is a computed plan.
type Suggestion struct {
	Moves   []Move
	Reached bool   // everyone with capacity is at or under OverAbove afterwards
	Reason  string // when not reached, why, as a code: "not_enough_capacity" (total load > total capacity), "rules" (locks and rules leave no move), "" otherwise
}

// Reasons a suggestion falls short.
const (
	ReasonCapacity = "not_enough_capacity"
	ReasonRules    = "rules"
)

// planEps absorbs rounding: a receiver must stay this far under the limit. Whether
// a giver is over is decided exactly as Loads and BandOf would (see overAfter).
const planEps = 1e-9

// planRounds bounds the prune-and-even-out rounds.
const planRounds = 8

// Suggest brings every manager to OverAbove or below where possible, with the
// fewest moves, and among plans with as few moves the most even spread (lowest
// standard deviation of utilization), respecting locks and never making a risky
// move.
//
// The rules (Suggest and Leaving): a plan never moves a locked client, nor a client
// away from or onto a locked manager; never gives a tier A client, as lead or
// backup, to a junior; never gives a client's lead to its backup or its backup to
// its lead; never moves a client whose contract ends within 30 days of s.AsOf;
// never gives anything to someone on leave or without capacity; and never pushes a
// receiver over the limit. The limit is OverAbove, unless the managers with
// capacity carry more than their capacity at OverAbove allows (no plan can then
// bring everyone under it): it is then their average utilization, the level at
// which the overload would be shared equally. A client moves at most once, in one
// role, so every move's From is the snapshot's holder and the moves can be applied
// in any order. Suggest's plans therefore have no Warnings, except over_capacity
// when the department is short of capacity.
//
// The algorithm, a heuristic in three phases:
//
//  1. Greedy. Managers over the limit give, the others with capacity who may
//     receive take (a giver never takes, so nothing moves twice or in a circle).
//     Repeatedly take the giver with the highest utilization and, among the roles
//     they hold (a lead sheds the client's weight, a backup BackupShare of it),
//     the single move that leaves them closest to the limit from below, or, when
//     no single move gets them there, the one that sheds the most. Its receiver is
//     the allowed one with the lowest utilization after the move that stays
//     within the limit; short of capacity, a move must also lower the spread. A
//     giver with no such move stays as it is. The plan stops at one move per client.
//  2. Pruning. A move without which its giver would still be within the limit is
//     dropped.
//  3. Evening out. For each move in turn, every other role of the same giver and
//     every allowed receiver are tried in its place, and the one that lowers the
//     spread the most replaces it, as long as the giver stays within the limit
//     (or, if still over, sheds no less) and the receiver within it too. The plan
//     never grows here. Phases 2 and 3 repeat until neither changes anything, at
//     most 8 times.
//
// Limits. The plan is not guaranteed minimal: the greedy's count (largest first,
// best fitting last) can exceed the true minimum, for instance when a giver's
// excess is best covered by two middling clients rather than one large and one
// small, or when the receiver chosen for one giver takes the room another giver's
// only fitting client needed; and the spread is only locally even (one move
// changed at a time, no exchanges between two moves, no chains through a third
// manager). Reached is false, with Reason:
//   - "not_enough_capacity" when the department is short of capacity: the plan
//     still brings the highest utilization and the spread down, filling everyone
//     up to the department's average, and receivers are then over OverAbove;
//   - "rules" when an overloaded manager is left with no allowed move: locked, or
//     all their clients locked or renewing soon, tier A clients with only juniors
//     having room, clients too large for anyone's room (capacity sufficient in
//     total but fragmented), or the wrong receiver taken earlier (see above);
//   - "" when the plan hit its cap of moves.
//
// Clients whose lead is on leave stay where they are: Leaving hands over a
// person's clients.
func Suggest(s Snapshot, locks Locks) Suggestion {
	p := newPlanner(s, locks, 0)
	p.setLimit(0)
	for i := range p.cap {
		if p.cap[i] > 0 && p.overAfter(i, -1) {
			p.giver[i] = true
		}
	}
	p.findReceivers()
	stuck := make([]bool, len(p.cap))
	stopped := false // no allowed move was left for an overloaded giver
	capped := false  // the plan reached its cap of moves
	for {
		if len(p.steps) >= len(p.clients) {
			capped = true
			break
		}
		g := -1
		for i, isGiver := range p.giver {
			if isGiver && !stuck[i] && p.mayGive[i] && p.overAfter(i, -1) && (g < 0 || p.util(i) > p.util(g)) {
				g = i
			}
		}
		if g < 0 {
			break
		}
		st, ok := p.bestShed(g)
		if !ok {
			stuck[g] = true
			stopped = true
			continue
		}
		p.do(st)
		p.steps = append(p.steps, st)
	}
	for range planRounds {
		pruned := p.prune()
		evened := p.evenOut(false)
		if !pruned && !evened {
			break
		}
	}
	out := Suggestion{Moves: p.moves()}
	out.Reached = planReached(s.Apply(out.Moves), p.over)
	if !out.Reached {
		switch {
		case p.short:
			out.Reason = ReasonCapacity
		case stopped || !capped:
			out.Reason = ReasonRules
		}
	}
	return out
}

// Leaving proposes where each client of a manager who is leaving goes: the clients
// they lead get a new lead (their current backup when that keeps everyone within
// capacity and is allowed, else the best fit), and those they back up a new backup
// (or none if nobody fits: Reason "rules"); same rules as Suggest, except that a
// contract renewing soon does not keep a client with someone who leaves (Warnings
// still flags it).
//
// The leads go first, largest client first: to the client's backup when the rules
// allow it and the backup stays within the limit (the client is then left without
// a backup, as the store does), else to the allowed manager with the lowest
// utilization after the move within the limit. The backups follow, each to the
// best fit the same way, or removed (To 0) when nobody fits. Then phase 3 of
// Suggest re-targets the best-fit moves (not the promoted backups, nor the
// removals), the clients staying the same, to even the spread. The limit is
// OverAbove, or when the others cannot carry their load and the leaver's at
// OverAbove, their average utilization with it; then, if nobody has room left
// within it, a lead goes to the allowed manager with the lowest utilization after
// the move all the same, since a client needs a lead.
//
// Reached says every role was handed over and nobody who receives ends over
// OverAbove. Otherwise Reason is "not_enough_capacity" when the department is
// short of capacity as above, else "rules": a locked client (it stays with the
// leaver), a locked leaver (nothing moves), a backup removed, or a lead nobody may
// take (it stays with the leaver: no move).
func Leaving(s Snapshot, managerID int64, locks Locks) Suggestion {
	if managerID == 0 {
		return Suggestion{Reached: true}
	}
	p := newPlanner(s, locks, managerID)
	l := p.byID[managerID]
	p.setLimit(p.load[l])
	p.findReceivers()
	if len(p.leads[l])+len(p.backups[l]) == 0 {
		return Suggestion{Reached: true}
	}
	if !p.mayGive[l] {
		return Suggestion{Reason: ReasonRules}
	}
	placed := true // every role found a holder
	// Largest clients first: they are the hardest to place.
	byWeight := func(list []int) []int {
		out := slices.Clone(list)
		slices.SortStableFunc(out, func(a, b int) int { return cmp.Compare(p.clients[b].w, p.clients[a].w) })
		return out
	}
	for _, ci := range byWeight(p.leads[l]) {
		c := &p.clients[ci]
		if c.locked {
			placed = false
			continue
		}
		st := planStep{client: ci, role: data.RoleLead, from: l, to: -1, out: c.w}
		if b := c.backup; b >= 0 && p.mayReceive[b] && !(c.tierA && p.junior[b]) && p.fits(b, c.w*(1-p.share)) {
			st.to, st.in, st.pinned = b, c.w*(1-p.share), true
		} else if r := p.lowestAfter(ci, data.RoleLead, c.w); r >= 0 {
			st.to, st.in = r, c.w
		} else if r := p.lowestAfterWithin(ci, data.RoleLead, c.w, math.Inf(1)); r >= 0 && p.short {
			st.to, st.in = r, c.w // short of capacity: a client needs a lead more than anyone needs room
		} else {
			placed = false
			continue
		}
		p.do(st)
		p.steps = append(p.steps, st)
	}
	for _, ci := range byWeight(p.backups[l]) {
		c := &p.clients[ci]
		if c.locked {
			placed = false
			continue
		}
		in := c.w * p.share
		st := planStep{client: ci, role: data.RoleBackup, from: l, to: -1, out: in}
		if r := p.lowestAfter(ci, data.RoleBackup, in); r >= 0 {
			st.to, st.in = r, in
		} else {
			st.pinned = true // nobody fits: the backup is removed
			placed = false
		}
		p.do(st)
		p.steps = append(p.steps, st)
	}
	for range planRounds {
		if !p.evenOut(true) {
			break
		}
	}
	out := Suggestion{Moves: p.moves(), Reached: placed}
	receivers := map[int64]bool{}
	for _, m := range out.Moves {
		receivers[m.To] = true
	}
	for _, ld := range s.Apply(out.Moves).Loads() {
		if receivers[ld.ID] && ld.Capacity > 0 && s.Coeffs.BandOf(ld.Utilization()) == BandOver {
			out.Reached = false // handed over beyond OverAbove: the department is short
		}
	}
	if !out.Reached {
		out.Reason = ReasonRules
		if p.short {
			out.Reason = ReasonCapacity
		}
	}
	return out
}

// planReached reports whether everyone with capacity is at or under the band.
func planReached(s Snapshot, over float64) bool {
	for _, l := range s.Loads() {
		if l.Capacity > 0 && l.Utilization() > over {
			return false
		}
	}
	return true
}

// planner is the working state of a plan: managers and clients by index, each
// manager's load as the steps so far leave it, and the steps.
type planner struct {
	over, share float64 // OverAbove and BackupShare
	// limit is the utilization no receiver may pass and every giver aims for:
	// OverAbove, or the department's utilization when it is short of capacity.
	limit float64
	short bool // the department is short of capacity (limit > OverAbove)

	ids        []int64
	cap, load  []float64
	junior     []bool
	onLeave    []bool
	mayGive    []bool // not locked
	mayReceive []bool // capacity, not on leave, not locked, not a giver
	giver      []bool // over at the start (Suggest) or leaving (Leaving)
	receivers  []int  // indices with mayReceive
	byID       map[int64]int

	clients        []planClient
	leads, backups [][]int     // client indices by manager index, as in the snapshot
	moved          []data.Role // the role of the client the plan moves ("": none)

	steps []planStep
}

type planClient struct {
	id           int64
	w            float64
	lead, backup int // manager indices; -1: none, or someone not in the snapshot
	tierA        bool
	locked       bool
	renewal      bool // the contract ends within the renewal window
}

// planStep is a move by indices: the giver sheds out points, the receiver takes in
// (they differ when a backup is promoted to lead, or for a removed backup).
type planStep struct {
	client  int
	role    data.Role
	from    int
	to      int // -1: nobody (a backup removed)
	out, in float64
	pinned  bool // evenOut leaves it as it is
}

// newPlanner indexes the snapshot. leaving, when not 0, is a manager who leaves: no
// capacity, receives nothing, and is added if the snapshot does not list them.
func newPlanner(s Snapshot, locks Locks, leaving int64) *planner {
	managers := s.Managers
	if leaving != 0 && !slices.ContainsFunc(managers, func(m Manager) bool { return m.ID == leaving }) {
		managers = append(slices.Clone(managers), Manager{ID: leaving})
	}
	n := len(managers)
	p := &planner{
		over: s.Coeffs.OverAbove, share: s.Coeffs.BackupShare, limit: s.Coeffs.OverAbove,
		ids: make([]int64, n), cap: make([]float64, n), load: make([]float64, n),
		junior: make([]bool, n), onLeave: make([]bool, n), mayGive: make([]bool, n), mayReceive: make([]bool, n),
		giver: make([]bool, n), byID: make(map[int64]int, n),
		clients: make([]planClient, len(s.Clients)), leads: make([][]int, n), backups: make([][]int, n),
		moved: make([]data.Role, len(s.Clients)),
	}
	for i, m := range managers {
		p.ids[i], p.byID[m.ID] = m.ID, i
		p.cap[i] = m.Capacity()
		p.junior[i] = m.Grade.Code == juniorGrade
		p.onLeave[i] = m.OnLeave
		p.mayGive[i] = !locks.manager(m.ID)
		if m.ID == leaving {
			p.cap[i], p.giver[i] = 0, true
		}
	}
	for ci, c := range s.Clients {
		pc := planClient{id: c.ID, w: c.Weight.Total(), lead: -1, backup: -1, tierA: c.Tier == tierA,
			locked: locks.client(c.ID)}
		pc.renewal, _ = renewalSoon(c, s.AsOf)
		if i, ok := p.byID[c.Lead]; ok && c.Lead != 0 {
			pc.lead = i
			p.load[i] += pc.w
			p.leads[i] = append(p.leads[i], ci)
		}
		if i, ok := p.byID[c.Backup]; ok && c.Backup != 0 {
			pc.backup = i
			p.load[i] += pc.w * p.share
			p.backups[i] = append(p.backups[i], ci)
		}
		p.clients[ci] = pc
	}
	return p
}

// findReceivers settles who may receive, once the givers are known.
func (p *planner) findReceivers() {
	for i := range p.cap {
		p.mayReceive[i] = p.cap[i] > 0 && !p.onLeave[i] && p.mayGive[i] && !p.giver[i]
		if p.mayReceive[i] {
			p.receivers = append(p.receivers, i)
		}
	}
}

// util is a manager's utilization in per cent (0 without capacity: such managers
// neither count nor receive).
func (p *planner) util(i int) float64 {
	if p.cap[i] <= 0 {
		return 0
	}
	return p.load[i] / p.cap[i] * 100
}

// overAfter reports whether giver g is over the limit without the role of client
// skip (-1: with all the roles the plan leaves them). Against OverAbove it sums as
// Loads does, in the snapshot's order, so that it agrees with BandOf to the bit.
func (p *planner) overAfter(g, skip int) bool {
	lead, backup := 0.0, 0.0
	for _, ci := range p.leads[g] {
		if p.moved[ci] != data.RoleLead && ci != skip {
			lead += p.clients[ci].w
		}
	}
	for _, ci := range p.backups[g] {
		if p.moved[ci] != data.RoleBackup && ci != skip {
			backup += p.clients[ci].w * p.share
		}
	}
	return p.cap[g] > 0 && (lead+backup)/p.cap[g]*100 > p.limit
}

// fits reports whether r can take in points and stay under OverAbove.
func (p *planner) fits(r int, in float64) bool {
	return p.cap[r] > 0 && (p.load[r]+in)/p.cap[r]*100 <= p.limit-planEps
}

// allowed reports whether r may take the client's role under the rules (capacity
// aside). A lead never goes to the client's backup here: Leaving promotes the
// backup on its own terms.
func (p *planner) allowed(r int, c *planClient, role data.Role) bool {
	if !p.mayReceive[r] || (c.tierA && p.junior[r]) || r == c.lead || r == c.backup {
		return false
	}
	return true
}

// lowestAfter is the allowed receiver of a client's role with the lowest
// utilization after taking in points, within OverAbove; -1 when none.
func (p *planner) lowestAfter(ci int, role data.Role, in float64) int {
	return p.lowestAfterWithin(ci, role, in, p.limit)
}

// lowestAfterWithin is lowestAfter with another limit.
func (p *planner) lowestAfterWithin(ci int, role data.Role, in, limit float64) int {
	c := &p.clients[ci]
	best, bestU := -1, math.Inf(1)
	for _, r := range p.receivers {
		if !p.allowed(r, c, role) {
			continue
		}
		u := (p.load[r] + in) / p.cap[r] * 100
		if u <= limit-planEps && u < bestU {
			best, bestU = r, u
		}
	}
	return best
}

// movable reports whether Suggest may move the client's role, and how many points
// the holder sheds.
func (p *planner) movable(ci int, role data.Role) (float64, bool) {
	c := &p.clients[ci]
	if p.moved[ci] != "" || c.locked || c.renewal {
		return 0, false
	}
	w := c.w
	if role == data.RoleBackup {
		w *= p.share
	}
	return w, w > 0
}

// bestShed is the greedy's move for giver g: the single role whose move brings g
// closest to OverAbove from below, else the one that sheds the most, each to the
// receiver with the lowest utilization after it.
func (p *planner) bestShed(g int) (planStep, bool) {
	var best planStep
	found, bestClass, bestKey := false, 0, 0.0
	var n, s1, s2, before float64
	if p.short {
		n, s1, s2 = p.sums()
		before = planVariance(n, s1, s2)
	}
	try := func(ci int, role data.Role) {
		w, ok := p.movable(ci, role)
		if !ok {
			return
		}
		r := p.lowestAfter(ci, role, w)
		if r < 0 {
			return
		}
		if p.short { // best effort: only moves that even the spread out
			a1, a2 := p.shift(g, -w)
			b1, b2 := p.shift(r, w)
			if planVariance(n, s1+a1+b1, s2+a2+b2) >= before-planEps {
				return
			}
		}
		after := (p.load[g] - w) / p.cap[g] * 100
		class, key := 1, after
		if !p.overAfter(g, ci) {
			class, key = 0, p.limit-after
		}
		if !found || class < bestClass || (class == bestClass && key < bestKey) {
			found, bestClass, bestKey = true, class, key
			best = planStep{client: ci, role: role, from: g, to: r, out: w, in: w}
		}
	}
	for _, ci := range p.leads[g] {
		try(ci, data.RoleLead)
	}
	for _, ci := range p.backups[g] {
		try(ci, data.RoleBackup)
	}
	return best, found
}

func (p *planner) do(st planStep) {
	p.load[st.from] -= st.out
	if st.to >= 0 {
		p.load[st.to] += st.in
	}
	p.moved[st.client] = st.role
}

func (p *planner) undo(st planStep) {
	p.load[st.from] += st.out
	if st.to >= 0 {
		p.load[st.to] -= st.in
	}
	p.moved[st.client] = ""
}

// prune drops the moves whose giver stays at or under OverAbove without them.
func (p *planner) prune() bool {
	kept := p.steps[:0]
	changed := false
	for _, st := range p.steps {
		p.undo(st)
		if p.cap[st.from] > 0 && !p.overAfter(st.from, -1) {
			changed = true
			continue
		}
		p.do(st)
		kept = append(kept, st)
	}
	p.steps = kept
	return changed
}

// sums are the count, sum and sum of squares of utilization over managers with
// capacity.
func (p *planner) sums() (n, s1, s2 float64) {
	for i, c := range p.cap {
		if c > 0 {
			u := p.load[i] / c * 100
			n, s1, s2 = n+1, s1+u, s2+u*u
		}
	}
	return n, s1, s2
}

// shift is how the sums change when manager i's load changes by d.
func (p *planner) shift(i int, d float64) (float64, float64) {
	if p.cap[i] <= 0 {
		return 0, 0
	}
	u0 := p.load[i] / p.cap[i] * 100
	u1 := (p.load[i] + d) / p.cap[i] * 100
	return u1 - u0, u1*u1 - u0*u0
}

func planVariance(n, s1, s2 float64) float64 {
	if n == 0 {
		return 0
	}
	m := s1 / n
	return s2/n - m*m
}

// evenOut replaces each unpinned move by the one of the same giver (the same
// client when fixedClient) that lowers the spread the most within the rules.
func (p *planner) evenOut(fixedClient bool) bool {
	changed := false
	for k, st := range p.steps {
		if st.pinned || st.to < 0 {
			continue
		}
		g := st.from
		p.undo(st)
		n, s1, s2 := p.sums()
		eval := func(c planStep) float64 {
			a1, a2 := p.shift(c.from, -c.out)
			b1, b2 := p.shift(c.to, c.in)
			return planVariance(n, s1+a1+b1, s2+a2+b2)
		}
		best, bestVar := st, eval(st)
		try := func(ci int, role data.Role, w float64) {
			if p.cap[g] > 0 && w < st.out && p.overAfter(g, ci) {
				return // the giver would stay over, and shed less
			}
			c := &p.clients[ci]
			for _, r := range p.receivers {
				if !p.allowed(r, c, role) || !p.fits(r, w) {
					continue
				}
				cand := planStep{client: ci, role: role, from: g, to: r, out: w, in: w}
				if v := eval(cand); v < bestVar-planEps {
					best, bestVar = cand, v
				}
			}
		}
		if fixedClient {
			try(st.client, st.role, st.out)
		} else {
			for _, ci := range p.leads[g] {
				if w, ok := p.movable(ci, data.RoleLead); ok {
					try(ci, data.RoleLead, w)
				}
			}
			for _, ci := range p.backups[g] {
				if w, ok := p.movable(ci, data.RoleBackup); ok {
					try(ci, data.RoleBackup, w)
				}
			}
		}
		if best != st {
			changed = true
		}
		p.do(best)
		p.steps[k] = best
	}
	return changed
}

// moves turns the steps into moves, in the order they were planned.
func (p *planner) moves() []Move {
	out := make([]Move, 0, len(p.steps))
	for _, st := range p.steps {
		m := Move{ClientID: p.clients[st.client].id, Role: st.role, From: p.ids[st.from]}
		if st.to >= 0 {
			m.To = p.ids[st.to]
		}
		out = append(out, m)
	}
	return out
}

// setLimit sets the utilization receivers may reach: OverAbove, or when the load
// of the managers with capacity, plus extra points to hand over, exceeds what they
// can carry at OverAbove, the department's utilization with that load (everyone
// equally over is the best a plan can do then).
func (p *planner) setLimit(extra float64) {
	load, capacity := extra, 0.0
	for i, c := range p.cap {
		if c > 0 {
			load += p.load[i]
			capacity += c
		}
	}
	p.limit, p.short = p.over, false
	if capacity > 0 && load/capacity*100 > p.over+planEps {
		p.limit, p.short = load/capacity*100, true
	}
}
