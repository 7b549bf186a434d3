package demo

import (
	"fmt"
	"math"
	"slices"

	"leadboard/data"
)

// Workload points. The generator weighs clients as the app's workload model does with
// its default coefficients (data/workload: Defaults), as far as it can know before the
// log is written: the base by tier, scaled by complexity, plus services, reporting, and
// the contacts and complaints a month of the client's log usually holds. The numbers
// are copied rather than imported so that the analytics may build on the demo.
var (
	tierPoints    = [3]float64{3.0, 1.7, 1.0}
	reportPoints  = map[string]float64{"weekly": 0.4, "biweekly": 0.2, "monthly": 0.1, "quarterly": 0.05}
	reportsAMonth = map[string]float64{"weekly": 52.0 / 12, "biweekly": 26.0 / 12, "monthly": 1, "quarterly": 1.0 / 3}
)

const (
	complexityStep  = 0.15
	servicePoints   = 0.1
	complaintPoints = 0.25 // a complaint or escalation of the last 30 days
	contactPoints   = 0.01 // a log entry of the last 30 days
	backupShare     = 0.2  // of a client's weight, for its backup
	complaintRate   = 0.04 // complaints and escalations per free-form contact (see contact)
)

// points is what a client weighs in the app, with an average month of its log.
func (g *gen) points(c *client) float64 {
	w := tierPoints[c.tier]*(1+complexityStep*float64(c.complexity-3)) +
		servicePoints*float64(max(0, len(c.services)-1)) + reportPoints[c.freq]
	contacts, reports := g.p.perMonth[c.tier], reportsAMonth[c.freq]
	if c.status == data.ClientPaused {
		contacts, reports = contacts/4, 0
	}
	return w + contactPoints*(contacts+reports) + g.complaintPoints(c)
}

// complaintPoints is what the complaints of a month usually add to the client's
// weight with a lead of average care.
func (g *gen) complaintPoints(c *client) float64 {
	contacts := g.p.perMonth[c.tier]
	if c.status == data.ClientPaused {
		contacts /= 4
	}
	return complaintPoints * complaintRate * contacts
}

// maxHires caps the account managers staffUp adds to the starting roster, maxOfGrade
// the people of each grade (junior, middle, senior) it leaves the department with.
const maxHires = 3

var maxOfGrade = [3]int{4, 6, 5}

// staffUp hires account managers (into the busiest team, of the grade that brings the
// department closest to the plan) until the people at work could carry the clients
// served at AsOf at about staffTo of their capacity: a department is staffed for its
// book of clients, or the planner would have nothing to balance.
func (g *gen) staffUp(names, emails map[string]bool) {
	teams := len(g.p.teams)
	load, capa := make([]float64, teams), make([]float64, teams)
	for _, c := range g.clients {
		if c.status == data.ClientActive || c.status == data.ClientPaused {
			w := c.weight
			if c.needsBackup {
				w *= 1 + backupShare
			}
			load[c.team] += w
		}
	}
	var count [4]int
	for _, p := range g.persons {
		if p.left == 0 {
			count[p.grade]++
			if p.leaveFrom == 0 {
				capa[p.team] += g.grades[p.grade].capacity * p.fte
			}
		}
	}
	sum := func(v []float64) (s float64) {
		for _, x := range v {
			s += x
		}
		return s
	}
	ps := g.persons
	for range maxHires {
		l, c := sum(load), sum(capa)
		if l <= (g.p.staffTo+0.02)*c {
			break
		}
		grade, off := -1, math.Inf(1)
		for gr := junior; gr <= senior; gr++ {
			if o := math.Abs(l/(c+g.grades[gr].capacity) - g.p.staffTo); count[gr] < maxOfGrade[gr] && o < off {
				grade, off = gr, o
			}
		}
		if grade < 0 {
			break
		}
		count[grade]++
		team := 0
		for t := range teams {
			if load[t]*capa[team] > load[team]*capa[t] {
				team = t
			}
		}
		ps = append(ps, g.newPerson(team, grade, 0, names, emails))
		capa[team] += g.grades[grade].capacity
	}
	if len(ps) > len(g.persons) {
		g.number(ps)
	}
}

// Where the small demo's last months leave a person (person.shape).
const (
	shapeNormal = iota
	shapeOver   // clearly over capacity: has taken on clients
	shapeUnder  // clearly under: has room for more
)

// Shaping's knobs: moves are dated in the last shapeDays before AsOf, to people at
// work for settleDays by then; at most maxShapeMoves clients change hands, each move
// worth at least minGain (see shaper.off) plus crossTeam for every client that goes to
// someone outside its team.
const (
	shapeDays     = 120
	settleDays    = 60
	maxShapeMoves = 24
	minGain       = 0.002
	crossTeam     = 0.02
)

// shaper plans the last months' moves on the state the simulation left.
type shaper struct {
	g     *gen
	ms    []member // by person index
	cands []cand
}

type member struct {
	cap, load, target float64
	ok                bool // at work at AsOf
}

// cand is a served client that may change hands.
type cand struct {
	c            *client
	base, compl  float64 // its weight without complaints, and the complaints' points with an average lead
	lead, backup int
	on           day // the day a move would be dated; 0: it cannot move
	moved        bool
}

// weight is what the client weighs with person i as its lead: weaker managers draw
// more complaints.
func (sh *shaper) weight(k, i int) float64 {
	return sh.cands[k].base + sh.cands[k].compl*sh.g.persons[i].weak
}

// change is what a move adds to a person's load.
type change struct {
	who int
	d   float64
}

// move is a client's new lead and backup.
type move struct {
	k            int
	lead, backup int
}

// changes lists what a move does to everyone's load.
func (sh *shaper) changes(mv move, out []change) []change {
	cd := &sh.cands[mv.k]
	w, w2 := sh.weight(mv.k, cd.lead), sh.weight(mv.k, mv.lead)
	out = append(out, change{cd.lead, -w}, change{mv.lead, w2})
	if cd.backup >= 0 {
		out = append(out, change{cd.backup, -backupShare * w})
	}
	if mv.backup >= 0 {
		out = append(out, change{mv.backup, backupShare * w2})
	}
	return out
}

// logNoise is how many points a month's log may add to a person's load beyond the
// usual (a few complaints more than expected); about half of it the other way.
const logNoise = 1.0

// off is how far a person is from the target, in squared utilization, and much more
// for each point outside the band they should end in, with a margin for logNoise.
func (sh *shaper) off(i int, load float64) float64 {
	m := &sh.ms[i]
	u, a := load/m.cap, logNoise/m.cap
	d := u - m.target/m.cap
	var out float64
	switch sh.g.persons[i].shape {
	case shapeOver:
		out = max(0, 1.1+a/2-u) + max(0, u-1.45+a)
	case shapeUnder:
		out = max(0, u-0.7+a)
	default:
		out = max(0, u-1+a) + max(0, 0.7+a/2-u)
	}
	return d*d + 20*out*out
}

// gain is how much closer to the targets the changes bring everyone.
func (sh *shaper) gain(chs []change) float64 {
	var gn float64
	for j, ch := range chs {
		if slices.ContainsFunc(chs[:j], func(c change) bool { return c.who == ch.who }) {
			continue
		}
		d := 0.0
		for _, c := range chs[j:] {
			if c.who == ch.who {
				d += c.d
			}
		}
		gn += sh.off(ch.who, sh.ms[ch.who].load) - sh.off(ch.who, sh.ms[ch.who].load+d)
	}
	return gn
}

// takes reports whether person i can take on a client's role on day on: settled in,
// and not under notice by then.
func (sh *shaper) takes(i int, on day) bool {
	p := sh.g.persons[i]
	return sh.ms[i].ok && (p.resigned == 0 || on < p.resigned) && p.hire <= on-settleDays
}

// leads reports whether person i may become the lead of client k: a key (A) account
// goes only to a senior, unless its backup steps up.
func (sh *shaper) leads(k, i int) bool {
	cd := &sh.cands[k]
	return i != cd.lead && sh.takes(i, cd.on) && (cd.c.tier != tierA || i == cd.backup || sh.g.persons[i].grade == senior)
}

// shape moves some clients in the months before AsOf so that, weighed as the app
// weighs them, the overloaded people carry about a quarter more than their capacity,
// the underloaded about half of it, and everyone else the rest of the department's
// load in proportion to capacity. A move passes a client's lead to a colleague (or to
// its backup, the old lead backing up), passes its backup on, or exchanges two
// clients between their leads. A client moves at most once, on a day after its last
// change of hands, so the history stays whole.
func (g *gen) shape() {
	sh := &shaper{g: g, ms: make([]member, len(g.persons))}
	for i, p := range g.persons {
		if p.left == 0 && p.leaveFrom == 0 {
			sh.ms[i] = member{cap: g.grades[p.grade].capacity * p.fte, ok: true}
		}
	}
	lo, hi := g.asOf-shapeDays, g.asOf-5
	for _, c := range g.clients {
		if !c.open {
			continue
		}
		compl := g.complaintPoints(c)
		k := cand{c: c, base: c.weight - compl, compl: compl, lead: g.current(c, roleLead), backup: g.current(c, roleBackup)}
		if c.overdue {
			k.base += complaintPoints
		}
		from := lo
		for _, segs := range c.segs {
			if n := len(segs); n > 0 {
				from = max(from, segs[n-1].start+1)
				if segs[n-1].end != openEnd {
					from = max(from, segs[n-1].end+1)
				}
			}
		}
		if from <= hi && sh.ms[k.lead].ok && (k.backup < 0 || sh.ms[k.backup].ok) {
			k.on = from + day(g.rng.IntN(int(hi-from)+1))
		}
		sh.cands = append(sh.cands, k)
		w := sh.weight(len(sh.cands)-1, k.lead)
		sh.ms[k.lead].load += w
		if k.backup >= 0 {
			sh.ms[k.backup].load += backupShare * w
		}
	}

	var load, capa, fixed, fixedCap float64
	for i, p := range g.persons {
		m := &sh.ms[i]
		if !m.ok {
			continue
		}
		load, capa = load+m.load, capa+m.cap
		if p.shape != shapeNormal {
			m.target = p.bias * m.cap
			fixed, fixedCap = fixed+m.target, fixedCap+m.cap
		}
	}
	rest := min(max((load-fixed)/max(capa-fixedCap, 1), 0.76), 0.92)
	for i, p := range g.persons {
		if sh.ms[i].ok && p.shape == shapeNormal {
			sh.ms[i].target = rest * sh.ms[i].cap
		}
	}

	var plan []move
	var chs []change
	for n := 0; n < maxShapeMoves; {
		var best []move
		bestGain := minGain
		consider := func(mvs ...move) {
			chs = chs[:0]
			gn := 0.0
			for _, mv := range mvs {
				chs = sh.changes(mv, chs)
				if g.persons[mv.lead].team != sh.cands[mv.k].c.team && mv.lead != sh.cands[mv.k].lead {
					gn -= crossTeam
				}
			}
			if gn += sh.gain(chs); gn > bestGain {
				best, bestGain = append(best[:0], mvs...), gn
			}
		}
		for k, cd := range sh.cands {
			if cd.moved || cd.on == 0 {
				continue
			}
			if cd.backup >= 0 && sh.leads(k, cd.backup) {
				consider(move{k, cd.backup, cd.lead}) // the backup steps up
			}
			for to := range g.persons {
				if to == cd.lead || to == cd.backup || !sh.takes(to, cd.on) {
					continue
				}
				if sh.leads(k, to) {
					consider(move{k, to, cd.backup})
				}
				if cd.backup >= 0 {
					consider(move{k, cd.lead, to})
				}
			}
			if n+2 > maxShapeMoves {
				continue
			}
			for k2 := k + 1; k2 < len(sh.cands); k2++ { // two leads exchange clients
				cd2 := &sh.cands[k2]
				if cd2.moved || cd2.on == 0 || cd2.lead == cd.lead || cd2.lead == cd.backup || cd.lead == cd2.backup ||
					!sh.leads(k, cd2.lead) || !sh.leads(k2, cd.lead) {
					continue
				}
				consider(move{k, cd2.lead, cd.backup}, move{k2, cd.lead, cd2.backup})
			}
		}
		if best == nil {
			break
		}
		for _, mv := range best {
			chs = sh.changes(mv, chs[:0])
			for _, ch := range chs {
				sh.ms[ch.who].load += ch.d
			}
			sh.cands[mv.k].moved = true
			plan = append(plan, mv)
			n++
		}
	}
	for _, mv := range plan {
		cd := &sh.cands[mv.k]
		if mv.backup != cd.backup {
			g.setRole(cd.c, roleBackup, -1, cd.on)
		}
		g.setRole(cd.c, roleLead, mv.lead, cd.on)
		g.setRole(cd.c, roleBackup, mv.backup, cd.on)
	}
}

var monthsGenitive = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
	"сентября", "октября", "ноября", "декабря"}

// long formats a date in words: 15 января 2027 г.
func (d day) long() string {
	y, m, dd := d.civil()
	return fmt.Sprintf("%d %s %d г.", dd, monthsGenitive[m-1], y)
}

// resignationNote says that a person has given notice, when they go, and that their
// clients are still with them.
func (g *gen) resignationNote(p *person) string {
	gendered := func(male, female string) string {
		if p.female {
			return female
		}
		return male
	}
	last := p.lastDay.long()
	switch g.rng.IntN(3) {
	case 0:
		return "Уходит в другое агентство, последний рабочий день — " + last + " Передача клиентов ещё не начата."
	case 1:
		return gendered("Подал", "Подала") + " заявление об уходе " + p.resigned.long() + ", последний рабочий день — " +
			last + " Клиентов пока ведёт " + gendered("сам", "сама") + "."
	}
	return "Уходит из агентства: переезд в другой город, последний рабочий день — " + last + " Клиентов ещё не " +
		gendered("передал", "передала") + "."
}
