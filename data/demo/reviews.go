package demo

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"leadboard/data"
	"leadboard/data/review"
)

// Performance reviews (issue 6): the default criteria templates, two closed review
// cycles of the two half-years before the current one and an open cycle of the
// current half-year, a review of every account manager employed through each cycle's
// period, rated by the lead and by about half of the people themselves, and the
// other departments' feedback (feedback.go).
//
// The lead's ratings follow the evidence the log holds for the person and the period
// - complaints and escalations, first answers within the contract's time, late
// reports, client satisfaction, upsell and cross-sell, the departments' feedback -
// tallied as the log is written (tally), so they agree with what the review screen
// shows beside them. Criteria the log says nothing about (the client database,
// mentoring, improvement) follow a trait of the person's own. Everything here draws
// from a stream of its own (gen.rev): the rest of the demo is the same with or without
// the reviews.

// evidence is what one person's log and feedback hold for one month.
type evidence struct {
	contacts, issues   int32 // free-form entries attributed to the person; complaints and escalations among them
	answered, inTime   int32 // first answers measured; within the client's contract time
	reports, late      int32 // reports sent; after their due day
	satSum, satN       int32 // client satisfaction marks
	fbSum, fbN         int32 // the departments' marks
	upsells, crossSell int32
	sales              int64 // upsell and cross-sell (roubles)
}

// monthOf is the index of d's month in the window (g.months).
func (g *gen) monthOf(d day) int {
	y, m, _ := d.civil()
	wy, wm, _ := g.ws.civil()
	return (y-wy)*12 + m - wm
}

// evidenceOf is the person's month, or nil outside the window.
func (g *gen) evidenceOf(staff int, d day) *evidence {
	if g.ev == nil {
		g.ev = make([][]evidence, len(g.persons))
	}
	m := g.monthOf(d)
	if m < 0 || m >= len(g.months) {
		return nil
	}
	if g.ev[staff] == nil {
		g.ev[staff] = make([]evidence, len(g.months))
	}
	return &g.ev[staff][m]
}

// tally adds a client's log entries, as written, to the evidence of who made them.
func (g *gen) tally(c *client, rows []irow) {
	for i := range rows {
		r := &rows[i]
		if r.staff < 0 {
			continue
		}
		e := g.evidenceOf(r.staff, r.at.day())
		if e == nil {
			continue
		}
		switch r.kind {
		case data.KindReportSent:
			e.reports++
			if r.at.day() > r.due {
				e.late++
			}
			continue
		case data.KindRenewal:
			continue
		case data.KindComplaint, data.KindEscalation:
			e.issues++
		case data.KindFeedback:
			if r.sat > 0 {
				e.satSum += int32(r.sat)
				e.satN++
			}
		case data.KindUpsell:
			e.sales += r.amount
			e.upsells++
		case data.KindCrossSell:
			e.sales += r.amount
			e.crossSell++
		}
		e.contacts++
		if r.resp >= 0 {
			e.answered++
			if r.resp <= c.sla {
				e.inTime++
			}
		}
	}
}

// template is a criteria template version as the reviews use it.
type template struct {
	id   int64
	crit []tcrit
}

type tcrit struct {
	id     int64
	code   string
	weight int
}

// reviewCycle is a generated cycle.
type reviewCycle struct {
	id            int64
	name          string
	from, to, due day
	open          bool
	evTo          day // the last day of the evidence: the period's end, or the day before AsOf
	intake        day // when the cycle took its participants in (their grade then)
}

// cycles are the two half-years before AsOf's and AsOf's own, oldest first. A
// first half-year is «Полугодие: январь — июнь 2026», a second one, reviewed at the
// year's end, «Полугодие: июль — декабрь 2025».
func (g *gen) cycles() []*reviewCycle {
	y, m, _ := g.asOf.civil()
	half := civilDay(y, 1, 1)
	if m > 6 {
		half = civilDay(y, 7, 1)
	}
	var out []*reviewCycle
	for k := 2; k >= 0; k-- {
		from := half.addMonths(-6 * k)
		to := from.addMonths(6) - 1
		cy := &reviewCycle{from: from, to: to, open: k == 0, evTo: to, intake: to}
		fy, fm, _ := from.civil()
		if fm == 1 {
			cy.name = fmt.Sprintf("Полугодие: январь — июнь %d", fy)
		} else {
			cy.name = fmt.Sprintf("Полугодие: июль — декабрь %d", fy)
		}
		if cy.open {
			cy.due = g.cal.nthWorking(g.asOf+day(g.rev.between(14, 26)), 1)
			cy.evTo, cy.intake = g.asOf-1, g.asOf
		} else {
			cy.due = g.cal.nthWorking(to+1, g.rev.between(14, 18))
		}
		out = append(out, cy)
	}
	return out
}

// personReview is one participant's review.
type personReview struct {
	id        int64
	p         *person
	grade     int
	t         *template
	st        stats
	lead      []int // per criterion: 1-5, 0 not applicable, -1 not rated
	self      []int // nil: no self-review
	leadNote  []string
	selfNote  []string
	final     bool
	finalOn   day
	score     float64
	strengths string
	growth    string
	goals     string
	potential string
	level     float64 // standing within the cycle (higher is better)
	band      int     // the band the lead's ratings land in: 0 below expectations .. 3 outstanding
}

// stats are a participant's figures over a cycle's period.
type stats struct {
	contacts, issues, answered, inTime, reports, late, satSum, satN, fbSum, fbN, deals int
	sales                                                                              int64
	// against the other participants: distances from their median, shrunk for thin
	// evidence; higher is more (complaints, late reports) or better (the rest)
	zRate, zIssues, zTime, zLate, zSat, zSales, zFb float64
}

func (s stats) rate() float64      { return ratio(s.issues, s.contacts) }
func (s stats) timeShare() float64 { return ratio(s.inTime, s.answered) }
func (s stats) lateShare() float64 { return ratio(s.late, s.reports) }
func (s stats) sat() float64       { return ratio(s.satSum, s.satN) }
func (s stats) fb() float64        { return ratio(s.fbSum, s.fbN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// writeReviews writes the feedback, the templates, and the cycles with their reviews.
func (g *gen) writeReviews(w *writer, sum *Summary) error {
	if w.err != nil {
		return w.err
	}
	g.abilities()
	cycles := g.cycles()
	tmpls := g.reviewTemplates(w, cycles[0].from)
	sum.Feedback = g.writeFeedback(w)
	if w.err != nil {
		return w.err
	}
	var cycleID, reviewID int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT (SELECT coalesce(max(id), 0) FROM review_cycles),
		(SELECT coalesce(max(id), 0) FROM reviews)`).Scan(&cycleID, &reviewID); w.err != nil {
		return w.err
	}
	cyc := w.prep(`INSERT INTO review_cycles (id, name, name_key, period_from, period_to, due_on, status)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	reviews := w.batch(`INSERT INTO reviews (id, cycle_id, staff_id, template_id, status, self_done, strengths, growth,
		goals, potential, score, finalized_on) VALUES `, 12, 32)
	ratings := w.batch(`INSERT INTO review_ratings (review_id, criterion_id, by_self, rating, comment) VALUES `, 5, 64)
	var reopened *reopening
	var all []*personReview
	for k, cy := range cycles {
		cycleID++
		cy.id = cycleID
		status := data.CycleClosed
		if cy.open {
			status = data.CycleOpen
		}
		w.exec(cyc, cy.id, cy.name, data.Fold(cy.name), cy.from.String(), cy.to.String(), cy.due.String(), status)
		sum.ReviewCycles++
		rs := g.cycleReviews(cy, tmpls)
		if k == len(cycles)-2 {
			reopened = g.reopenOne(rs, reviewID)
		}
		for _, r := range rs {
			reviewID++
			r.id = reviewID
			var score, finalOn any
			status := "draft"
			if r.final {
				status, score, finalOn = "final", r.score, r.finalOn.String()
			}
			selfDone := 0
			if r.self != nil {
				selfDone = 1
			}
			reviews.add(r.id, cy.id, r.p.id, r.t.id, status, selfDone, r.strengths, r.growth, r.goals, r.potential,
				score, finalOn)
			sum.Reviews++
		}
		all = append(all, rs...)
	}
	reviews.flush() // before the ratings that refer to them
	for _, r := range all {
		for i, c := range r.t.crit {
			if r.lead[i] >= 0 {
				ratings.add(r.id, c.id, 0, ratingValue(r.lead[i]), r.leadNote[i])
			}
			if r.self != nil {
				ratings.add(r.id, c.id, 1, ratingValue(r.self[i]), r.selfNote[i])
			}
		}
	}
	ratings.flush()
	if reopened != nil {
		w.exec(w.prep(`INSERT INTO review_reopenings (review_id, reopened_on, reason) VALUES (?, ?, ?)`),
			reopened.review, reopened.on.String(), reopened.reason)
	}
	if w.err != nil {
		return w.err
	}
	return w.ctx.Err()
}

// ratingValue stores a rating, NULL for "not applicable" or "not rated" (0).
func ratingValue(v int) any {
	if v <= 0 {
		return nil
	}
	return v
}

type reopening struct {
	review int64
	on     day
	reason string
}

// reopenOne: one final review of the last closed cycle, with a self-review, was
// reopened after a talk with the person and finalized again a few days later.
func (g *gen) reopenOne(rs []*personReview, lastID int64) *reopening {
	var pool []int
	for i, r := range rs {
		if r.self != nil && r.finalOn+14 < g.asOf {
			pool = append(pool, i)
		}
	}
	if len(pool) == 0 {
		return nil
	}
	i := pool[g.rev.rng.IntN(len(pool))]
	r := rs[i]
	on := g.cal.nthWorking(r.finalOn+1, g.rev.between(1, 3))
	again := g.cal.nthWorking(on+1, g.rev.between(1, 3))
	if again >= g.asOf {
		return nil
	}
	r.finalOn = again
	return &reopening{lastID + int64(i) + 1, on, pick2(&g.rev, reopenReasons)}
}

// abilities draws each person's standing in what the log does not show (keeping the
// client database, mentoring, improving processes), which also colours the rest; the
// weaker and later people tend to be lower.
func (g *gen) abilities() {
	g.ability = make([]float64, len(g.persons))
	for i, p := range g.persons {
		a := 0.8*g.rev.rng.NormFloat64() - 0.9*(p.weak-1) - 0.25*(p.late-1)
		g.ability[i] = max(-2.5, min(2.5, a))
	}
}

// reviewTemplates gives each grade its current template: the newest one already in
// the database, else the default one written as version 1 on the day given.
func (g *gen) reviewTemplates(w *writer, created day) [4]*template {
	var out [4]*template
	for gr, info := range g.grades {
		if w.err != nil {
			return out
		}
		var id int64
		err := w.tx.QueryRowContext(w.ctx, `SELECT id FROM review_templates WHERE grade_id = ?
			ORDER BY version DESC LIMIT 1`, info.id).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			id = g.writeTemplate(w, info.id, gradeCodes[gr], created)
		case err != nil:
			w.err = err
		}
		if w.err != nil {
			return out
		}
		t := &template{id: id}
		rows, err := w.tx.QueryContext(w.ctx, `SELECT id, code, weight FROM review_criteria WHERE template_id = ?
			ORDER BY position`, id)
		if err != nil {
			w.err = err
			return out
		}
		for rows.Next() {
			var c tcrit
			if w.err = rows.Scan(&c.id, &c.code, &c.weight); w.err != nil {
				break
			}
			t.crit = append(t.crit, c)
		}
		rows.Close()
		if w.err == nil {
			w.err = rows.Err()
		}
		if w.err == nil && len(t.crit) == 0 {
			w.err = fmt.Errorf("the review template of grade %q has no criteria", info.name)
		}
		out[gr] = t
	}
	return out
}

// writeTemplate writes a grade's default criteria as SaveTemplate would, as version 1.
func (g *gen) writeTemplate(w *writer, gradeID int64, code string, created day) int64 {
	res, err := w.tx.ExecContext(w.ctx, `INSERT INTO review_templates (grade_id, version, created_on) VALUES (?, 1, ?)`,
		gradeID, created.String())
	if err != nil {
		w.err = err
		return 0
	}
	id, err := res.LastInsertId()
	if err != nil {
		w.err = err
		return 0
	}
	st := w.prep(`INSERT INTO review_criteria (template_id, position, code, name_ru, name_en, weight, anchors_ru,
		anchors_en, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	for i, c := range review.DefaultCriteria(code) {
		w.exec(st, id, i, c.Code, c.NameRU, c.NameEN, c.Weight, strings.Join(c.AnchorsRU[:], "\n"),
			strings.Join(c.AnchorsEN[:], "\n"), strings.Join(c.Evidence, ","))
	}
	return id
}

// participants of a cycle: every account manager (team leads too) employed through
// the period's end, past the three months' probation when the cycle took them in,
// and not away on a long leave for most of the period.
func (g *gen) participants(cy *reviewCycle) []*person {
	var out []*person
	for _, p := range g.persons {
		end := p.left
		if end == 0 {
			end = p.lastDay // has given notice
		}
		switch {
		case end != 0 && end <= cy.to,
			p.hire > cy.intake-90,
			p.leaveFrom != 0 && p.leaveFrom < cy.from+(cy.to-cy.from)/2:
			continue
		}
		out = append(out, p)
	}
	return out
}

// cycleReviews rates the participants of a cycle.
func (g *gen) cycleReviews(cy *reviewCycle, tmpls [4]*template) []*personReview {
	ps := g.participants(cy)
	rs := make([]*personReview, len(ps))
	for i, p := range ps {
		gr := p.gradeAt(cy.intake)
		rs[i] = &personReview{p: p, grade: gr, t: tmpls[gr], st: g.periodStats(p, cy)}
	}
	if len(rs) == 0 {
		return nil
	}
	standardise(rs)
	maxIssues := 0
	for _, r := range rs {
		maxIssues = max(maxIssues, r.st.issues)
	}

	// Standing: what the evidence says across the criteria, and the person's own trait.
	for _, r := range rs {
		level, weights := 0.0, 0
		for _, c := range r.t.crit {
			level += float64(c.weight) * g.signal(r, c.code)
			weights += c.weight
		}
		r.level = level/float64(max(weights, 1)) + 0.3*g.ability[r.p.idx] + 0.2*g.rev.rng.NormFloat64()
	}
	order := slices.Clone(rs)
	slices.SortStableFunc(order, func(a, b *personReview) int { return cmp.Compare(b.level, a.level) })
	n := len(order)
	outstanding := max(1, int(math.Round(0.04*float64(n))))
	if n < 40 && n >= 8 && g.rev.chance(0.4) {
		outstanding = 2
	}
	below := max(1, int(math.Round(0.07*float64(n))))
	exceeds := int(math.Round(0.35 * float64(n)))
	for k, r := range order {
		var target float64
		switch {
		case k < outstanding:
			r.band, target = 3, 4.75
		case k < outstanding+exceeds:
			r.band, target = 2, g.rev.uniform(3.85, 4.35)
		case k >= n-below:
			r.band, target = 0, g.rev.uniform(2.2, 2.6)
		default:
			r.band, target = 1, g.rev.uniform(3.1, 3.65)
		}
		g.rate(r, cy, target, maxIssues > 0 && r.st.issues == maxIssues)
	}

	// Self-reviews, drawn from the lead's full ratings before the open cycle hides
	// what the lead has not rated yet.
	selves := max(1, int(math.Round(g.rev.uniform(0.4, 0.6)*float64(n))))
	for _, i := range g.rev.rng.Perm(n)[:selves] {
		g.selfRatings(rs[i])
	}
	if !cy.open {
		for _, r := range rs {
			g.finalize(r, cy, g.closedFinalDay(cy))
		}
		return rs
	}
	// The open cycle: one or two reviews final, some rated in part, the rest waiting.
	finals := min(1+g.rev.between(0, 1), len(rs))
	for _, i := range g.rev.rng.Perm(len(rs))[:finals] {
		g.finalize(rs[i], cy, g.workingIn(max(cy.from, g.asOf-25), g.asOf-1))
	}
	var drafts []*personReview
	for _, r := range rs {
		if !r.final {
			drafts = append(drafts, r)
		}
	}
	partly := make([]bool, len(drafts))
	for _, i := range g.rev.rng.Perm(len(drafts))[:int(math.Ceil(0.25*float64(len(drafts))))] {
		partly[i] = true
	}
	for i, r := range drafts {
		rated := 0
		if partly[i] {
			rated = g.rev.between(2, len(r.t.crit)-1)
		}
		for k := rated; k < len(r.lead); k++ {
			r.lead[k], r.leadNote[k] = -1, ""
		}
	}
	return rs
}

// closedFinalDay is when a closed cycle's review was finalized: a working day after
// the period's end and by the due date, before AsOf.
func (g *gen) closedFinalDay(cy *reviewCycle) day {
	lo, hi := cy.to+1, min(cy.due, g.asOf-1)
	if lo > hi {
		lo, hi = cy.to-10, cy.to
	}
	return g.workingIn(lo, hi)
}

// workingIn draws a working day in [lo, hi] (hi itself when there is none).
func (g *gen) workingIn(lo, hi day) day {
	a, b := g.cal.span(lo, hi)
	if b <= a {
		return hi
	}
	return g.cal.work[a+g.rev.rng.IntN(b-a)]
}

// periodStats adds up the person's evidence over the cycle's period.
func (g *gen) periodStats(p *person, cy *reviewCycle) stats {
	var s stats
	if g.ev == nil || g.ev[p.idx] == nil {
		return s
	}
	lo, hi := max(0, g.monthOf(cy.from)), min(len(g.months)-1, g.monthOf(cy.evTo))
	for m := lo; m <= hi; m++ {
		e := g.ev[p.idx][m]
		s.contacts += int(e.contacts)
		s.issues += int(e.issues)
		s.answered += int(e.answered)
		s.inTime += int(e.inTime)
		s.reports += int(e.reports)
		s.late += int(e.late)
		s.satSum += int(e.satSum)
		s.satN += int(e.satN)
		s.fbSum += int(e.fbSum)
		s.fbN += int(e.fbN)
		s.sales += e.sales
		s.deals += int(e.upsells + e.crossSell)
	}
	return s
}

// standardise places each participant's figures against the others': the distance
// from the median in (scaled) mean absolute deviations, shrunk toward the median for
// thin evidence (few contacts, reports or marks).
func standardise(rs []*personReview) {
	z := func(get func(s stats) (x float64, n int), k float64, set func(s *stats, z float64)) {
		var xs []float64
		for _, r := range rs {
			if x, n := get(r.st); n > 0 {
				xs = append(xs, x)
			}
		}
		if len(xs) == 0 {
			return
		}
		med := median(xs)
		dev := 0.0
		for _, x := range xs {
			dev += math.Abs(x - med)
		}
		dev = 1.25 * dev / float64(len(xs))
		if dev == 0 {
			return
		}
		for _, r := range rs {
			x, n := get(r.st)
			if n == 0 {
				continue
			}
			v := (x - med) / dev * float64(n) / (float64(n) + k)
			set(&r.st, max(-3, min(3, v)))
		}
	}
	z(func(s stats) (float64, int) { return s.rate(), s.contacts }, 40, func(s *stats, v float64) { s.zRate = v })
	z(func(s stats) (float64, int) { return float64(s.issues), 1 }, 0, func(s *stats, v float64) { s.zIssues = v })
	z(func(s stats) (float64, int) { return s.timeShare(), s.answered }, 30, func(s *stats, v float64) { s.zTime = v })
	z(func(s stats) (float64, int) { return s.lateShare(), s.reports }, 8, func(s *stats, v float64) { s.zLate = v })
	z(func(s stats) (float64, int) { return s.sat(), s.satN }, 5, func(s *stats, v float64) { s.zSat = v })
	z(func(s stats) (float64, int) { return math.Log1p(float64(s.sales) / 1e5), 1 }, 0,
		func(s *stats, v float64) { s.zSales = v })
	z(func(s stats) (float64, int) { return s.fb(), s.fbN }, 3, func(s *stats, v float64) { s.zFb = v })
}

// signal is what the evidence and the person's trait say of a criterion: 0 is the
// department's middle, positive better.
func (g *gen) signal(r *personReview, code string) float64 {
	s, a := r.st, g.ability[r.p.idx]
	var v float64
	switch code {
	case "communication":
		v = -0.55*s.zRate - 0.45*s.zIssues + 0.3*s.zSat + 0.25*s.zTime
	case "obligations":
		v = -0.4*s.zLate + 0.3*s.zSat + 0.4*a
	case "reporting":
		v = -1.0 * s.zLate
	case "coordination":
		v = 1.0*s.zFb + 0.15*a
	case "development":
		v = 0.6*s.zSales + 0.3*a
	case "procedures":
		v = 0.55*s.zTime - 0.5*s.zLate
	default: // documentation, mentoring, improvement, and criteria the demo does not know
		v = 0.8 * a
	}
	return max(-2.5, min(2.5, v))
}

// bandRange is where the score of each band (0 below expectations .. 3 outstanding)
// is aimed: within the band, clear of its lower edge except for the top one, and
// never so low that the review reads as a dismissal.
func bandRange(band int) (lo, hi float64) {
	b := review.DefaultBands()
	switch band {
	case 0:
		return 2, b.Meets
	case 1:
		return b.Meets + 0.15, b.Exceeds
	case 2:
		return b.Exceeds + 0.05, b.Outstanding
	}
	return b.Outstanding, 5.01
}

// rate gives the lead's ratings: around the target standing, moved by what the
// evidence says of each criterion, then nudged so that the score lands in the
// intended band. No rating goes against clear evidence: a criterion the figures say
// is well below the others' gets at most a 3 (a 4 when less clear), one well above
// them at least a 3; whoever had the most complaints and escalations of the cycle
// gets no more than 3 for communication.
func (g *gen) rate(r *personReview, cy *reviewCycle, target float64, mostIssues bool) {
	n := len(r.t.crit)
	r.lead, r.leadNote = make([]int, n), make([]string, n)
	lo, hi := make([]int, n), make([]int, n)
	for i, c := range r.t.crit {
		if c.code == "mentoring" && !g.mentors(r, cy) {
			continue // not applicable
		}
		sig := g.signal(r, c.code)
		lo[i], hi[i] = 1, 5
		switch {
		case sig <= -1.6:
			hi[i] = 3
		case sig <= -1:
			hi[i] = 4
		case sig >= 1:
			lo[i] = 3
		}
		if c.code == "communication" && mostIssues {
			hi[i] = min(hi[i], 3)
		}
		x := target + 0.55*sig + 0.35*g.rev.rng.NormFloat64()
		r.lead[i] = max(lo[i], min(hi[i], int(math.Round(x))))
	}
	from, to := bandRange(r.band)
	for range 60 {
		s, ok := r.leadScore()
		if !ok || (s >= from && s < to) {
			break
		}
		up := s < from
		best := -1
		for i, c := range r.t.crit {
			v := r.lead[i]
			if v == 0 || (up && v >= hi[i]) || (!up && v <= lo[i]) {
				continue
			}
			if best < 0 {
				best = i
				continue
			}
			// Raise the lowest rating, lower the highest; among equals the heaviest.
			bv := r.lead[best]
			if (up && v < bv) || (!up && v > bv) || (v == bv && c.weight > r.t.crit[best].weight) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		if up {
			r.lead[best]++
		} else {
			r.lead[best]--
		}
	}
	for i, c := range r.t.crit {
		r.leadNote[i] = g.leadComment(r, c.code, r.lead[i], mostIssues)
	}
}

// leadScore is the lead's score as FinalizeReview computes it.
func (r *personReview) leadScore() (float64, bool) {
	rated := make([]review.Rated, len(r.t.crit))
	for i, c := range r.t.crit {
		rated[i] = review.Rated{Weight: c.weight, Rating: max(r.lead[i], 0)}
	}
	return review.Score(rated)
}

// mentors: a team lead always has someone to bring on; anyone else only when the team
// took on a newcomer during the period or the half-year before it.
func (g *gen) mentors(r *personReview, cy *reviewCycle) bool {
	if r.grade == lead {
		return true
	}
	for _, i := range g.members[r.p.team] {
		if q := g.persons[i]; q != r.p && q.hire >= cy.from-182 && q.hire <= cy.evTo {
			return true
		}
	}
	return false
}

// selfRatings: people rate themselves as the lead does or a point higher, now and
// then a point lower; where the lead's rating is low, mostly higher.
func (g *gen) selfRatings(r *personReview) {
	r.self, r.selfNote = make([]int, len(r.lead)), make([]string, len(r.lead))
	for i, v := range r.lead {
		if v <= 0 {
			continue
		}
		switch x := g.rev.rng.Float64(); {
		case v <= 2 && x < 0.65, v > 2 && x < 0.48:
			v++
		case x > 0.92:
			v--
		}
		r.self[i] = max(1, min(5, v))
		if r.self[i] >= 3 && g.rev.chance(0.2) {
			r.selfNote[i] = pick2(&g.rev, selfComments[r.t.crit[i].code])
		}
	}
}

// finalize completes a review: the score as FinalizeReview computes it, the summary
// texts and the potential.
func (g *gen) finalize(r *personReview, cy *reviewCycle, on day) {
	r.final, r.finalOn = true, on
	r.score, _ = r.leadScore()
	g.summaryTexts(r, cy)
	r.potential = g.potential(r)
}

// potential follows the score and the room left above the person's grade.
func (g *gen) potential(r *personReview) string {
	switch s := r.score; {
	case s >= 4.3:
		if r.grade == lead && g.rev.chance(0.5) {
			return "medium"
		}
		return "high"
	case s >= 3.75:
		if r.grade <= middle && g.rev.chance(0.45) {
			return "high"
		}
		return "medium"
	case s >= 3.1:
		if g.rev.chance(0.8) {
			return "medium"
		}
		return "low"
	}
	return "low"
}

// median of xs (reorders xs).
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// pick2 picks from a list with the stream given.
func pick2[T any](r *draws, list []T) T {
	var zero T
	if len(list) == 0 {
		return zero
	}
	return list[r.rng.IntN(len(list))]
}
