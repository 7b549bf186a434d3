package demo

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"leadboard/data"
	"leadboard/data/competency"
)

// Grade assessments (issue 7): version 1 of the competency matrix (the default one
// on the ladder's grades), assessments of the working team over the last two years
// every six to twelve months, each observing every competency of the matrix and
// ending with the recommendation the rules give (competency.Assess) at the grade held
// on the day; development plans made from an assessment's gaps or a review's goals;
// the training catalogue and who attended what.
//
// The story the small demo tells: one promotion came out of an assessment (it is a
// promotion the grade history already holds, so the history and the assessment agree);
// one person is ready for the next grade (the last assessment said so, the lead put
// it off for a reason, and the latest review marks them ready); one person has gaps
// and a plan under way with an item past its date; one assessment was begun and not
// finished; a few people were never assessed or are overdue. Everything here draws
// from a stream of its own (gen.grd), after everything else is written: the rest of
// the demo is the same with or without it.

// gcomp is a competency of the matrix the demo assesses on.
type gcomp struct {
	id   int64
	code string
	name string
	req  map[int64]int    // required level by grade id
	exp  map[int64]string // the expected behaviour at a grade, in Russian
}

// gassess is a generated assessment.
type gassess struct {
	id                int64
	p                 *person
	gradeID, nextID   int64 // the grade held when it started and the next one on the ladder (0: none)
	started, finished day   // finished 0: under way
	step              int
	obs               []int // per competency, 0 not observed
	notes             []string
	advice, decision  string
	reason            string
	promotedTo        int64
	promotedOn        day
	designed          int // what the story asks of it (kind*)
	lastOfPerson      bool
	required          []int // current requirement per competency
}

// What the story asks of an assessment.
const (
	kindRegular = iota
	kindPromote
	kindReady
	kindGaps
	kindUnfinished
)

// lastFinal is a person's latest final review.
type lastFinal struct {
	id        int64
	finalized day
	goals     string
	score     float64
	deadline  day // the goals' date: the end of the half-year after the review's period
}

// role is what the story makes of a working person.
type role struct {
	kind  int // kindRegular, kindPromote, kindReady, kindGaps
	step  gradeStep
	never bool
	late  bool // overdue: the last assessment more than six months ago
	open  bool // an assessment under way
}

// assessFrom is the first day an assessment may start: two years before AsOf.
func (g *gen) assessFrom() day { return g.asOf.addYears(-2) }

// writeGrades writes the matrix, the assessments, the plans and the trainings.
func (g *gen) writeGrades(w *writer, sum *Summary) error {
	if w.err != nil {
		return w.err
	}
	from := g.assessFrom()
	matrixID, comps, ladder := g.gradeMatrix(w, g.grdWorking(from-40, from-20))
	if w.err != nil {
		return w.err
	}
	sum.Competencies = len(comps)
	finals := g.lastFinals(w)
	if w.err != nil {
		return w.err
	}
	roles := g.gradeRoles(finals, ladder)
	var all []*gassess
	for _, p := range g.persons {
		if p.left != 0 {
			continue
		}
		all = append(all, g.personAssessments(p, roles[p.idx], comps, ladder, finals[p.id])...)
	}
	var lastID int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM assessments`).Scan(&lastID); w.err != nil {
		return w.err
	}
	as := w.batch(`INSERT INTO assessments (id, staff_id, matrix_id, grade_id, started_on, step, finished_on,
		recommendation, decision, override_reason, promoted_to, promoted_on) VALUES `, 12, 32)
	for _, a := range all {
		lastID++
		a.id = lastID
		var rec, dec, to any
		if a.finished != 0 {
			rec, dec = a.advice, a.decision
		}
		if a.promotedTo != 0 {
			to = a.promotedTo
		}
		as.add(a.id, a.p.id, matrixID, a.gradeID, a.started.String(), a.step, dateOrNull(a.finished), rec, dec,
			a.reason, to, dateOrNull(a.promotedOn))
		sum.Assessments++
	}
	as.flush()
	levels := w.batch(`INSERT INTO assessment_levels (assessment_id, competency_id, observed, note) VALUES `, 4, 64)
	for _, a := range all {
		for i, c := range comps {
			if a.obs[i] > 0 {
				levels.add(a.id, c.id, a.obs[i], a.notes[i])
			}
		}
	}
	levels.flush()
	ready := w.prep(`UPDATE reviews SET promotion_ready = 1 WHERE id = ?`)
	for _, p := range g.persons {
		if r := roles[p.idx]; r.kind == kindReady && finals[p.id] != nil {
			w.exec(ready, finals[p.id].id)
		}
	}
	var att attendance
	courses := g.writeTrainings(w, from, &att)
	sum.Trainings = len(courses)
	if w.err != nil {
		return w.err
	}
	sum.PlanItems = g.writePlans(w, all, comps, finals, courses, &att)
	if w.err != nil {
		return w.err
	}
	return w.ctx.Err()
}

// grdWorking draws a working day in [lo, hi] (hi itself when there is none) from the
// grades' stream.
func (g *gen) grdWorking(lo, hi day) day {
	a, b := g.cal.span(lo, hi)
	if b <= a {
		return hi
	}
	return g.cal.work[a+g.grd.rng.IntN(b-a)]
}

// gradeMatrix returns the newest matrix, writing the default one on the ladder as
// version 1 on the day given when there is none, with its competencies in order and
// the ladder (grade ids, lowest first).
func (g *gen) gradeMatrix(w *writer, created day) (int64, []gcomp, []int64) {
	var ladder []data.GradeLevel
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, code FROM grade_levels ORDER BY rank`)
	if err != nil {
		w.err = err
		return 0, nil, nil
	}
	for rows.Next() {
		var gl data.GradeLevel
		if w.err = rows.Scan(&gl.ID, &gl.Code); w.err != nil {
			break
		}
		ladder = append(ladder, gl)
	}
	rows.Close()
	if w.err == nil {
		w.err = rows.Err()
	}
	if w.err != nil {
		return 0, nil, nil
	}
	ids := make([]int64, len(ladder))
	for i, gl := range ladder {
		ids[i] = gl.ID
	}
	var id int64
	err = w.tx.QueryRowContext(w.ctx, `SELECT id FROM competency_matrices ORDER BY version DESC LIMIT 1`).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		id = g.writeMatrix(w, data.DefaultMatrix(ladder), ladder, created)
	case err != nil:
		w.err = err
	}
	if w.err != nil {
		return 0, nil, nil
	}
	var comps []gcomp
	index := map[int64]int{}
	rows, err = w.tx.QueryContext(w.ctx, `SELECT id, code, name_ru FROM competencies WHERE matrix_id = ? ORDER BY position`, id)
	if err != nil {
		w.err = err
		return 0, nil, nil
	}
	for rows.Next() {
		c := gcomp{req: map[int64]int{}, exp: map[int64]string{}}
		if w.err = rows.Scan(&c.id, &c.code, &c.name); w.err != nil {
			break
		}
		index[c.id] = len(comps)
		comps = append(comps, c)
	}
	rows.Close()
	if w.err == nil {
		w.err = rows.Err()
	}
	if w.err != nil {
		return 0, nil, nil
	}
	rows, err = w.tx.QueryContext(w.ctx, `SELECT l.competency_id, l.grade_id, l.required, l.expectation_ru
		FROM competency_levels l JOIN competencies c ON c.id = l.competency_id WHERE c.matrix_id = ?`, id)
	if err != nil {
		w.err = err
		return 0, nil, nil
	}
	for rows.Next() {
		var cid, grade int64
		var req int
		var exp string
		if w.err = rows.Scan(&cid, &grade, &req, &exp); w.err != nil {
			break
		}
		comps[index[cid]].req[grade], comps[index[cid]].exp[grade] = req, exp
	}
	rows.Close()
	if w.err == nil {
		w.err = rows.Err()
	}
	if w.err == nil && len(comps) == 0 {
		w.err = errors.New("the competency matrix has no competencies")
	}
	return id, comps, ids
}

// writeMatrix writes a matrix as SaveMatrix would, as version 1.
func (g *gen) writeMatrix(w *writer, comps []data.Competency, ladder []data.GradeLevel, created day) int64 {
	res, err := w.tx.ExecContext(w.ctx, `INSERT INTO competency_matrices (version, created_on) VALUES (1, ?)`,
		created.String())
	if err != nil {
		w.err = err
		return 0
	}
	id, err := res.LastInsertId()
	if err != nil {
		w.err = err
		return 0
	}
	var next int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM competencies`).Scan(&next); w.err != nil {
		return 0
	}
	cs := w.prep(`INSERT INTO competencies (id, matrix_id, position, code, area, name_ru, name_en) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	ls := w.batch(`INSERT INTO competency_levels (competency_id, grade_id, required, expectation_ru, expectation_en) VALUES `,
		5, 16)
	for i, c := range comps {
		next++
		w.exec(cs, next, id, i, c.Code, c.Area, c.NameRU, c.NameEN)
		for _, gl := range ladder {
			l := c.Levels[gl.ID]
			ls.add(next, gl.ID, l.Required, l.ExpectationRU, l.ExpectationEN)
		}
	}
	ls.flush()
	return id
}

// lastFinals reads each person's latest final review.
func (g *gen) lastFinals(w *writer) map[int64]*lastFinal {
	out := map[int64]*lastFinal{}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT v.id, v.staff_id, v.finalized_on, v.goals, v.score, c.period_to
		FROM reviews v JOIN review_cycles c ON c.id = v.cycle_id
		WHERE v.status = 'final' ORDER BY v.staff_id, v.finalized_on, v.id`)
	if err != nil {
		w.err = err
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var f lastFinal
		var staff int64
		var fin, to string
		var score sql.NullFloat64
		if w.err = rows.Scan(&f.id, &staff, &fin, &f.goals, &score, &to); w.err != nil {
			return out
		}
		f.score = score.Float64
		f.finalized = parseDay(fin)
		f.deadline = (parseDay(to) + 1).addMonths(6) - 1
		out[staff] = &f
	}
	w.err = rows.Err()
	return out
}

// parseDay reads a "YYYY-MM-DD" date (0 when it is not one).
func parseDay(s string) day {
	if len(s) < 10 {
		return 0
	}
	y, e1 := strconv.Atoi(s[0:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:10])
	if e1 != nil || e2 != nil || e3 != nil {
		return 0
	}
	return civilDay(y, m, d)
}

// nextOf is the grade above id on the ladder (0: none).
func nextOf(ladder []int64, id int64) int64 {
	i := slices.Index(ladder, id)
	if i < 0 || i+1 >= len(ladder) {
		return 0
	}
	return ladder[i+1]
}

// earliest is the first day a person may be assessed: past the three months'
// probation and within the last two years.
func (g *gen) earliest(p *person) day { return max(g.assessFrom(), p.hire+91) }

// gradeRoles casts the working people in the story: promoted through an assessment,
// ready for promotion, with gaps and a plan, overdue (one with an assessment under
// way) and never assessed.
func (g *gen) gradeRoles(finals map[int64]*lastFinal, ladder []int64) []role {
	roles := make([]role, len(g.persons))
	large := len(g.persons) > 100
	var working []*person
	for _, p := range g.persons {
		if p.left == 0 {
			working = append(working, p)
		}
	}
	taken := func(p *person) bool { r := roles[p.idx]; return r.kind != kindRegular || r.never || r.late }
	steady := func(p *person) bool { return p.leaveFrom == 0 && p.lastDay == 0 && p.resigned == 0 }

	// Promotions: a promotion the history holds, made for the results of an assessment,
	// in the last eighteen months (two years in the large demo).
	type cand struct {
		p    *person
		step gradeStep
	}
	var promos, others []cand
	lo := g.asOf - 548
	if large {
		lo = g.assessFrom() + 120
	}
	for _, p := range working {
		for _, s := range p.steps[1:] {
			if s.on < lo || s.on > g.asOf-7 || s.on-30 < g.earliest(p) ||
				nextOf(ladder, g.grades[s.from].id) != g.grades[s.to].id {
				continue
			}
			if strings.HasPrefix(s.reason, "По итогам") {
				promos = append(promos, cand{p, s})
			} else if s.to != lead {
				others = append(others, cand{p, s})
			}
		}
	}
	g.grd.rng.Shuffle(len(promos), func(i, j int) { promos[i], promos[j] = promos[j], promos[i] })
	g.grd.rng.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	want := 1
	if large {
		want = max(1, int(math.Round(0.05*float64(len(working)))))
	}
	for _, c := range append(promos, others...) {
		if want == 0 {
			break
		}
		if roles[c.p.idx].kind == kindRegular {
			roles[c.p.idx] = role{kind: kindPromote, step: c.step}
			want--
		}
	}

	// Ready: the best latest reviews among those settled in a grade below the top.
	var pool []*person
	for _, p := range working {
		f := finals[p.id]
		last := p.steps[len(p.steps)-1].on
		if taken(p) || !steady(p) || p.grade == lead || f == nil || p.hire > g.asOf-400 || last > g.asOf-365 ||
			f.finalized-80 < g.earliest(p) {
			continue
		}
		pool = append(pool, p)
	}
	slices.SortStableFunc(pool, func(a, b *person) int { return cmp.Compare(finals[b.id].score, finals[a.id].score) })
	want = 1
	if large {
		want = max(1, int(math.Round(0.02*float64(len(working)))))
	}
	for _, p := range pool[:min(want, len(pool))] {
		roles[p.idx].kind = kindReady
	}

	// Gaps and a plan under way: the weakest of the settled (a few in the large demo).
	pool = pool[:0]
	for _, p := range working {
		if !taken(p) && steady(p) && p.hire < g.asOf-300 {
			pool = append(pool, p)
		}
	}
	slices.SortStableFunc(pool, func(a, b *person) int { return cmp.Compare(g.ability[a.idx], g.ability[b.idx]) })
	want = 1
	if large {
		want = max(1, int(math.Round(0.03*float64(len(working)))))
	}
	for _, p := range pool[:min(want, len(pool))] {
		roles[p.idx].kind = kindGaps
	}

	// Overdue and never assessed: in the small demo two or three people in all besides
	// the newcomers still on probation; one of the overdue has an assessment under way.
	natural := 0
	for _, p := range working {
		if g.earliest(p) > g.asOf-10 {
			roles[p.idx].never = true
			natural++
		}
	}
	pool = pool[:0]
	for _, p := range working {
		if !taken(p) && p.leaveFrom == 0 && g.earliest(p) < g.asOf-300 {
			pool = append(pool, p)
		}
	}
	g.grd.rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	late, never, open := 2, 0, 1
	if natural == 0 {
		late, never = 1, 1
	}
	if large {
		n := float64(len(working))
		late, never, open = int(math.Round(0.06*n)), int(math.Round(0.02*n)), 3
	}
	for i, p := range pool[:min(late+never, len(pool))] {
		if i < late {
			roles[p.idx].late = true
			roles[p.idx].open = i < open
		} else {
			roles[p.idx].never = true
		}
	}
	return roles
}

// scheduleBack lists finishing days from last back, six to twelve months apart, not
// before first, oldest first.
func (g *gen) scheduleBack(last, first day) []day {
	out := []day{last}
	for d := last; ; {
		d = g.grdWorking(d-365, d-182)
		if d < first {
			break
		}
		out = append(out, d)
	}
	slices.Reverse(out)
	return out
}

// personAssessments plans a working person's assessments.
func (g *gen) personAssessments(p *person, r role, comps []gcomp, ladder []int64, f *lastFinal) []*gassess {
	first := g.earliest(p)
	if r.never || first > g.asOf-10 {
		return nil
	}
	type planned struct {
		on   day
		kind int
	}
	var dates []planned
	add := func(ds []day, kind int) {
		for _, d := range ds {
			dates = append(dates, planned{d, kindRegular})
		}
		if kind != kindRegular && len(dates) > 0 {
			dates[len(dates)-1].kind = kind
		}
	}
	switch {
	case r.kind == kindPromote:
		pf := g.grdWorking(r.step.on-10, r.step.on-1)
		add(g.scheduleBack(pf, first), kindPromote)
		if g.asOf-pf > 170 {
			last := g.grdWorking(max(pf+150, g.asOf-170), g.asOf-7)
			add(g.scheduleBack(last, pf+150), kindRegular)
		}
	case r.kind == kindReady:
		add(g.scheduleBack(g.grdWorking(max(first, f.finalized-75), f.finalized-10), first), kindReady)
	case r.kind == kindGaps:
		add(g.scheduleBack(g.grdWorking(g.asOf-75, g.asOf-45), first), kindGaps)
	case r.late:
		last := g.grdWorking(g.asOf-300, g.asOf-200)
		if last < first {
			return nil
		}
		add(g.scheduleBack(last, first), kindRegular)
	default:
		hi := g.asOf - 7
		if p.leaveFrom != 0 {
			hi = p.leaveFrom - 5
		}
		lo := max(first, g.asOf-170)
		if lo > hi {
			lo = first
		}
		if lo > hi {
			return nil
		}
		add(g.scheduleBack(g.grdWorking(lo, hi), first), kindRegular)
	}
	// A regular assessment is not held in the weeks before a promotion made otherwise
	// (an appointment, a wider remit): it is held a couple of months earlier, or not
	// at all.
	var out []*gassess
	prev := day(0)
	for _, pl := range dates {
		on := pl.on
		if pl.kind == kindRegular {
			for _, s := range p.steps[1:] {
				if on < s.on && on >= s.on-45 {
					on = g.grdWorking(s.on-100, s.on-60)
				}
			}
			if on < first || on < prev+120 {
				continue
			}
		}
		prev = on
		out = append(out, g.assess(p, on, pl.kind, r, comps, ladder))
	}
	if len(out) > 0 {
		out[len(out)-1].lastOfPerson = true
	}
	if r.open {
		out = append(out, g.assess(p, g.grdWorking(g.asOf-12, g.asOf-1), kindUnfinished, r, comps, ladder))
	}
	return out
}

// assess makes one assessment finished on the day given (begun on it, for one under
// way): the levels observed, with notes, and the outcome.
func (g *gen) assess(p *person, on day, kind int, r role, comps []gcomp, ladder []int64) *gassess {
	a := &gassess{p: p, finished: on, designed: kind, obs: make([]int, len(comps)), notes: make([]string, len(comps))}
	a.started = g.grdWorking(on-6, on)
	if p.gradeAt(a.started) != p.gradeAt(on) {
		a.started = on
	}
	gr := p.gradeAt(a.started)
	a.gradeID = g.grades[gr].id
	a.nextID = nextOf(ladder, a.gradeID)
	cur, nxt := make([]int, len(comps)), make([]int, len(comps))
	for i, c := range comps {
		cur[i] = c.req[a.gradeID]
		if a.nextID != 0 {
			nxt[i] = c.req[a.nextID]
		}
	}
	a.required = cur
	outcome := func() competency.Outcome {
		obs := make([]competency.Observation, len(comps))
		for i, c := range comps {
			obs[i] = competency.Observation{Code: c.code, Current: cur[i], Next: nxt[i], Observed: a.obs[i]}
		}
		return competency.Assess(obs)
	}

	// Time in the grade and the person's own trait (the one the reviews follow) set
	// the level around the grade's requirement.
	since := p.steps[0].on
	for _, s := range p.steps[1:] {
		if s.on <= a.started {
			since = s.on
		}
	}
	years := float64(a.started-since) / 365.25
	ability := g.ability[p.idx]
	lv := 0.4*ability + 0.3*min(years, 3) - 0.45 + 0.25*g.grd.rng.NormFloat64()
	floor := 1
	if ability < -1.3 {
		floor = 2
	}
	for i := range comps {
		x := float64(cur[i]) + 0.5*lv + 0.5*g.grd.rng.NormFloat64()
		a.obs[i] = max(1, cur[i]-floor, min(4, int(math.Round(x))))
	}
	switch kind {
	case kindPromote, kindReady:
		for i := range a.obs {
			a.obs[i] = max(cur[i], nxt[i], a.obs[i])
		}
		for _, i := range g.grd.rng.Perm(len(a.obs))[:min(3, len(a.obs))] {
			if a.obs[i] > cur[i] && a.obs[i] > 1 {
				a.obs[i]--
				if outcome().Advice != competency.Promote {
					a.obs[i]++
				}
			}
		}
	case kindGaps:
		var short []int
		for _, i := range g.grd.rng.Perm(len(a.obs)) {
			a.obs[i] = min(a.obs[i], max(cur[i], nxt[i]), cur[i]+1)
			a.obs[i] = max(a.obs[i], cur[i])
			if cur[i] >= 2 && len(short) < 3 {
				short = append(short, i)
			}
		}
		for _, i := range short {
			a.obs[i] = cur[i] - 1
		}
		for len(short) > 1 && outcome().Advice != competency.Develop {
			i := short[len(short)-1]
			a.obs[i], short = cur[i], short[:len(short)-1]
		}
	}
	// Nobody else is ready: a promotion the history does not hold would not agree
	// with it, so the rules' advice to promote is held back by a level short of the
	// next grade's requirement.
	if kind != kindPromote && kind != kindReady {
		for _, i := range g.grd.rng.Perm(len(a.obs)) {
			if outcome().Advice != competency.Promote {
				break
			}
			if nxt[i] > cur[i] && a.obs[i] >= nxt[i] {
				a.obs[i] = max(cur[i], nxt[i]-1)
			}
		}
		if outcome().Advice == competency.Promote { // still: one competency a level short of the grade
			i := 0
			for k := range cur {
				if cur[k] > cur[i] {
					i = k
				}
			}
			a.obs[i] = max(1, cur[i]-1)
		}
	}
	for i, c := range comps {
		a.notes[i] = g.observationNote(c.code, a.obs[i], cur[i])
	}
	if kind == kindUnfinished {
		a.finished = 0
		a.started = on
		a.step = g.grd.between(len(comps)/3, 2*len(comps)/3)
		for i := a.step; i < len(comps); i++ {
			a.obs[i], a.notes[i] = 0, ""
		}
		return a
	}
	a.step = len(comps)
	out := outcome()
	a.advice, a.decision = out.Advice, out.Advice
	switch {
	case kind == kindPromote && out.Advice == competency.Promote:
		a.promotedTo, a.promotedOn = nextOf(ladder, a.gradeID), r.step.on
	case kind == kindPromote:
		a.decision, a.reason = competency.Promote, "Повышение согласовано с директором по итогам работы с ключевым клиентом"
		a.promotedTo, a.promotedOn = nextOf(ladder, a.gradeID), r.step.on
	case out.Advice == competency.Promote:
		a.decision, a.reason = competency.Develop, pick2(&g.grd, postponedReasons)
	case out.Advice == competency.Concern && years < 1 && g.grd.chance(0.6):
		a.decision, a.reason = competency.Develop, "Недавно на грейде: даём время освоиться, повторная оценка через три месяца."
	}
	return a
}

var postponedReasons = []string{
	"Повышение — после закрытия сезона бюджетов.",
	"Повышение — после продления договора с ключевым клиентом, которого ведёт сотрудник.",
	"Повышение — с нового полугодия, когда освободится место в штате грейда.",
}

// observationNote: a short note on some observations, most often on a shortfall.
func (g *gen) observationNote(code string, level, required int) string {
	switch {
	case level == 0:
		return ""
	case level < required:
		if g.grd.chance(0.8) {
			return pick2(&g.grd, shortNotes[code])
		}
	case level > required:
		if g.grd.chance(0.35) {
			return pick2(&g.grd, aboveNotes)
		}
	default:
		if g.grd.chance(0.12) {
			return pick2(&g.grd, meetsNotes)
		}
	}
	return ""
}

var meetsNotes = []string{
	"Стабильно, замечаний нет.",
	"Соответствует грейду.",
	"Видно по переписке и отчётам.",
	"Клиенты отзываются хорошо.",
}

var aboveNotes = []string{
	"Выше требований грейда.",
	"Справляется и в сложных случаях.",
	"Помогает коллегам, к нему идут за советом.",
	"Можно ставить в пример группе.",
}

// shortNotes are what a lead writes on a shortfall, competency by competency.
var shortNotes = map[string][]string{
	"response":       {"Бывает, что ответ уходит позже срока по договору.", "Ответы короткие, клиент переспрашивает."},
	"complaints":     {"На жалобы реагирует нервно, передаёт их дальше без разбора.", "Жалобы закрывает в CRM с опозданием."},
	"obligations":    {"Не всегда помнит условия договора, переспрашивает.", "Работу сверх договора начинает без согласования оплаты."},
	"kpi_budget":     {"Отставание по KPI замечает только в конце месяца.", "Расход бюджета сверяет нерегулярно."},
	"report_quality": {"Отчёты уходят с опозданием на день-два.", "В отчётах бывают ошибки в цифрах."},
	"results_story":  {"В отчёте цифры без выводов и предложений.", "На встрече с клиентом трудно объясняет результаты."},
	"briefs":         {"Брифы приходится дописывать после вопросов закупки.", "Сроки в брифах не согласованы с отделами."},
	"analytics":      {"Запросы аналитикам ставит без цели и сроков.", "Данные аналитики пересказывает, не проверяя."},
	"retention":      {"О недовольстве клиента узнаёт поздно.", "Продление договора начинает готовить в последний месяц."},
	"upsell":         {"Допродаж за период не было.", "Предложения клиенту без расчёта пользы."},
	"client_card":    {"Карточки клиентов заполнены не полностью.", "Контакты в CRM устарели."},
	"archive":        {"Документы хранит у себя, а не в общем хранилище.", "Акты ищет долго."},
	"procedures":     {"Статусы задач в CRM обновляет с опозданием.", "Нарушал порядок подготовки отчёта."},
	"approvals":      {"Был запуск без письменного согласования клиента.", "Изменения бюджета согласует устно."},
	"mentoring":      {"Новичкам помогает неохотно.", "Обратную связь младшим даёт редко."},
	"improvement":    {"Предложений по улучшению работы не было.", "Замечает неудобства, но не предлагает решений."},
	"people":         {"Задачи в группе распределяет неравномерно.", "О перегрузке коллег узнаёт последним."},
}

// course is a course of the catalogue.
type course struct {
	id    int64
	codes []string
}

// trainingCatalogue: courses, providers, hours and the competencies they develop; the
// last one is archived.
var trainingCatalogue = []struct {
	title, provider string
	hours           float64
	codes           []string
	from            int // the lowest grade the course is taken at by choice
}{
	{"Деловая переписка с клиентом", "Нетология", 16, []string{"response", "complaints"}, junior},
	{"Переговоры и работа с возражениями", "Яндекс Практикум", 24, []string{"complaints", "obligations", "upsell"}, middle},
	{"Медиапланирование и контроль бюджета кампаний", "Нетология", 40, []string{"kpi_budget", "obligations"}, junior},
	{"Отчёт для клиента: от цифр к выводам", "внутреннее обучение", 8, []string{"report_quality", "results_story"}, junior},
	{"Аналитика рекламных кампаний", "Яндекс Практикум", 60, []string{"analytics", "results_story", "kpi_budget"}, middle},
	{"Как составить бриф для закупки и креатива", "внутреннее обучение", 6, []string{"briefs"}, junior},
	{"Развитие клиента: допродажи и продления", "Нетология", 20, []string{"upsell", "retention"}, middle},
	{"Карточка клиента и документы в CRM", "внутреннее обучение", 4, []string{"client_card", "archive"}, junior},
	{"Регламенты отдела и порядок согласований", "внутреннее обучение", 4, []string{"procedures", "approvals"}, junior},
	{"Наставник: как ввести новичка в работу", "внутреннее обучение", 12, []string{"mentoring"}, middle},
	{"Руководитель группы: люди, нагрузка, оценка", "Нетология", 36, []string{"people", "mentoring", "improvement"}, senior},
	{"Основы контекстной рекламы для аккаунт-менеджера", "Яндекс Практикум", 30, []string{"analytics", "kpi_budget"}, junior},
}

// Onboarding courses every newcomer takes in the first weeks.
const (
	courseCRM        = 7
	courseProcedures = 8
	courseArchived   = 11
)

// writeTrainings writes the catalogue and the attendance not tied to a plan:
// newcomers' onboarding courses and courses people chose themselves.
func (g *gen) writeTrainings(w *writer, from day, att *attendance) []course {
	if w.err != nil {
		return nil
	}
	var next int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM trainings`).Scan(&next); w.err != nil {
		return nil
	}
	archived := g.asOf - day(g.grd.between(150, 250))
	ts := w.prep(`INSERT INTO trainings (id, title, title_key, provider, hours, archived_on) VALUES (?, ?, ?, ?, ?, ?)`)
	tc := w.prep(`INSERT INTO training_competencies (training_id, competency_code) VALUES (?, ?)`)
	out := make([]course, len(trainingCatalogue))
	for i, t := range trainingCatalogue {
		next++
		var arch day
		if i == courseArchived {
			arch = archived
		}
		w.exec(ts, next, t.title, data.Fold(t.title), t.provider, t.hours, dateOrNull(arch))
		for _, code := range slices.Sorted(slices.Values(t.codes)) {
			w.exec(tc, next, code)
		}
		out[i] = course{id: next, codes: t.codes}
	}
	for _, p := range g.persons {
		end := g.asOf - 1
		if p.left != 0 {
			end = p.left - 1
		}
		if p.hire >= from && p.hire+25 <= end {
			att.add(out[courseProcedures].id, p, g.grdWorking(p.hire+2, p.hire+10), true, "")
			att.add(out[courseCRM].id, p, g.grdWorking(p.hire+5, p.hire+20), true, "")
		}
		if p.left != 0 {
			continue
		}
		lo := max(from, p.hire+60)
		seen := -1
		for k := range g.grd.between(0, 2) {
			if lo >= end {
				break
			}
			i := g.grd.rng.IntN(len(out))
			if i == seen || i == courseCRM || i == courseProcedures || (i == courseArchived && lo >= archived) {
				continue
			}
			seen = i
			hi := end
			if i == courseArchived {
				hi = archived - 1
			}
			on := g.grdWorking(lo, hi)
			if p.gradeAt(on) < trainingCatalogue[i].from {
				continue
			}
			done := k > 0 || g.grd.chance(0.9)
			note := ""
			if !done {
				note = pick2(&g.grd, unfinishedCourse)
			} else if g.grd.chance(0.25) {
				note = pick2(&g.grd, courseNotes)
			}
			att.add(out[i].id, p, on, done, note)
		}
	}
	return out
}

var courseNotes = []string{"Сертификат получен.", "Поделился материалами с группой.", "Рекомендует коллегам."}

var unfinishedCourse = []string{"Не закончил: перевели на срочный запуск клиента.", "Прервал из-за нагрузки, продолжит позже."}

// attendance collects the attendance rows until writePlans writes them all.
type attendance []attendanceRow

type attendanceRow struct {
	training, staff int64
	on              day
	done            bool
	note            string
}

func (a *attendance) add(training int64, p *person, on day, done bool, note string) {
	*a = append(*a, attendanceRow{training, p.id, on, done, note})
}

// writePlans writes the plan items (from the latest assessment's gaps for the person
// with gaps and some others, from the latest review's goals for some), the courses
// taken for them, and then all the attendance. It returns the number of items.
func (g *gen) writePlans(w *writer, all []*gassess, comps []gcomp, finals map[int64]*lastFinal, courses []course,
	att *attendance) int {
	var next int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM plan_items`).Scan(&next); w.err != nil {
		return 0
	}
	items := w.batch(`INSERT INTO plan_items (id, staff_id, competency_code, goal, action, due_on, status, source,
		source_id, created_on) VALUES `, 10, 32)
	n := 0
	add := func(p *person, code, goal, action string, due day, status, source string, sourceID int64, created day) {
		next++
		n++
		items.add(next, p.id, code, goal, action, due.String(), status, source, sourceID, created.String())
	}
	large := len(g.persons) > 100
	for _, a := range all {
		if !a.lastOfPerson || a.finished == 0 {
			continue
		}
		gaps := g.gapItems(a, comps)
		if len(gaps) == 0 || (a.designed != kindGaps && (len(gaps) > 4 || !g.grd.chance(0.3))) {
			continue
		}
		actions := []string{"training", "mentoring", "project"}
		g.grd.rng.Shuffle(len(actions), func(i, j int) { actions[i], actions[j] = actions[j], actions[i] })
		for k, gi := range gaps {
			action := actions[k%len(actions)]
			if g.grd.chance(0.1) {
				action = "reading"
			}
			var due day
			status := "planned"
			if a.designed == kindGaps {
				// One past its date and still under way, one planned, one done early.
				switch k {
				case 0:
					due, status, action = a.finished+day(g.grd.between(20, 30)), "in_progress", "training"
				case 1:
					due, status = g.asOf+day(g.grd.between(20, 60)), "planned"
				default:
					due, status = g.asOf+day(g.grd.between(60, 120)), "done"
				}
			} else {
				due = a.finished + day(g.grd.between(60, 150))
				status = g.planStatus(a.finished, due, large)
			}
			tr := g.courseFor(courses, comps[gi].code)
			if action == "training" && tr == nil {
				action = "mentoring"
			}
			add(a.p, comps[gi].code, gapGoal(comps[gi], a), action, due, status, "assessment", a.id, a.finished)
			if action == "training" {
				g.planAttendance(att, tr, a.p, a.finished, due, status)
			}
		}
	}
	// Review goals: for some people, the goals agreed at the latest final review.
	var withGoals []*person
	for _, p := range g.persons {
		if f := finals[p.id]; p.left == 0 && f != nil && strings.TrimSpace(f.goals) != "" {
			withGoals = append(withGoals, p)
		}
	}
	chosen := g.grd.rng.Perm(len(withGoals))[:min(len(withGoals), max(3, len(withGoals)/4))]
	slices.Sort(chosen)
	for _, i := range chosen {
		p := withGoals[i]
		f := finals[p.id]
		for _, line := range strings.Split(f.goals, "\n") {
			if line = strings.TrimSpace(strings.TrimLeft(line, "-•*0123456789.) ")); line == "" {
				continue
			}
			action := "project"
			if g.grd.chance(0.3) {
				action = pick2(&g.grd, []string{"mentoring", "reading"})
			}
			add(p, "", line, action, f.deadline, g.planStatus(f.finalized, f.deadline, large), "review", f.id, f.finalized)
		}
	}
	items.flush()
	slices.SortStableFunc(*att, func(a, b attendanceRow) int {
		return cmp.Or(cmp.Compare(a.on, b.on), cmp.Compare(a.staff, b.staff))
	})
	var aid int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM training_attendance`).Scan(&aid); w.err != nil {
		return n
	}
	rows := w.batch(`INSERT INTO training_attendance (id, training_id, staff_id, attended_on, completed, note) VALUES `, 6, 32)
	for _, r := range *att {
		aid++
		done := 0
		if r.done {
			done = 1
		}
		rows.add(aid, r.training, r.staff, r.on.String(), done, r.note)
	}
	rows.flush()
	return n
}

// planStatus: an item past its date is done (now and then cancelled; in the large
// demo some are still open); one still to come is planned, under way or done early.
func (g *gen) planStatus(created, due day, large bool) string {
	if due < g.asOf {
		switch x := g.grd.rng.Float64(); {
		case large && x < 0.08:
			return "in_progress"
		case x < 0.9:
			return "done"
		}
		return "cancelled"
	}
	elapsed := float64(g.asOf-created) / float64(max(due-created, 1))
	switch x := g.grd.rng.Float64(); {
	case x < 0.3*elapsed:
		return "done"
	case x < 0.3*elapsed+0.5:
		return "in_progress"
	}
	return "planned"
}

// gapItems are the competencies a plan from the assessment covers, as
// PlanFromAssessment picks them: those short of the current grade, or when none is,
// those short of the next one.
func (g *gen) gapItems(a *gassess, comps []gcomp) []int {
	var cur, next []int
	for i, c := range comps {
		if a.obs[i] < a.required[i] {
			cur = append(cur, i)
		} else if a.nextID != 0 && a.obs[i] < c.req[a.nextID] {
			next = append(next, i)
		}
	}
	if len(cur) > 0 {
		return cur
	}
	return next
}

// gapGoal is the goal PlanFromAssessment writes: the competency, the level and its
// expected behaviour at the grade it aims at.
func gapGoal(c gcomp, a *gassess) string {
	target := a.gradeID
	short := false
	for i := range a.obs {
		short = short || a.obs[i] < a.required[i]
	}
	if !short && a.nextID != 0 {
		target = a.nextID
	}
	return fmt.Sprintf("%s: уровень %d. %s", c.name, c.req[target], c.exp[target])
}

// courseFor picks a current course that develops the competency (nil: none).
func (g *gen) courseFor(courses []course, code string) *course {
	var fit []*course
	for i := range courses {
		if i != courseArchived && slices.Contains(courses[i].codes, code) {
			fit = append(fit, &courses[i])
		}
	}
	if len(fit) == 0 {
		return nil
	}
	return fit[g.grd.rng.IntN(len(fit))]
}

// planAttendance: a course taken for a plan item, finished when the item is done,
// begun when it is under way.
func (g *gen) planAttendance(att *attendance, c *course, p *person, created, due day, status string) {
	switch status {
	case "done":
		att.add(c.id, p, g.grdWorking(created+7, min(due, g.asOf-1)), true, "")
	case "in_progress":
		att.add(c.id, p, g.grdWorking(created+3, min(due, g.asOf-1)), false, "Курс идёт, осталось несколько занятий.")
	}
}
