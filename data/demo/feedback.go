package demo

import (
	"slices"
	"strings"

	"leadboard/data"
)

// Feedback from the other departments: every half-year of the window a few entries
// on each account manager at work then, from the departments the migration seeds (or
// whatever departments the list holds). The marks follow the person's traits: the
// weaker ones hand work over worse, the late ones miss deadlines, the slow ones are
// hard to reach. Finance rates only deadlines and communication; the others rate
// what they get from account managers.

// feedbackDept is a department as the generator uses it.
type feedbackDept struct {
	id      int64
	kind    int    // index in deptKinds, -1 for a department the demo does not know
	role    string // how its people sign: "закупка"
	authors []string
}

// deptKinds are the departments the migration seeds, by folded name, with the
// signature of their people and the chance that each mark is given: handoff, briefs,
// deadlines, communication.
var deptKinds = []deptKind{
	{"закупка рекламы", "закупка", [4]float64{1, 0.9, 1, 0.8}},
	{"креатив", "креатив", [4]float64{0.7, 1, 1, 0.8}},
	{"аналитика", "аналитика", [4]float64{0.4, 1, 1, 0.8}},
	{"финансы", "финансы", [4]float64{0, 0, 1, 1}},
}

type deptKind struct {
	key, role string
	rated     [4]float64
}

// feedbackDepts reads the departments in use and gives each a few authors.
func (g *gen) feedbackDepts(w *writer) []feedbackDept {
	if w.err != nil {
		return nil
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, name FROM departments WHERE archived_on IS NULL ORDER BY id`)
	if err != nil {
		w.err = err
		return nil
	}
	var out []feedbackDept
	for rows.Next() {
		var d feedbackDept
		var name string
		if w.err = rows.Scan(&d.id, &name); w.err != nil {
			break
		}
		key := data.Fold(strings.TrimSpace(name))
		d.kind = slices.IndexFunc(deptKinds, func(k deptKind) bool { return k.key == key })
		if d.kind >= 0 {
			d.role = deptKinds[d.kind].role
		} else {
			d.role = strings.ToLower(strings.TrimSpace(name))
		}
		out = append(out, d)
	}
	rows.Close()
	if w.err == nil {
		w.err = rows.Err()
	}
	authors := 3 + len(g.persons)/60
	used := map[string]bool{}
	for i := range out {
		for len(out[i].authors) < authors {
			var name string
			if g.rev.chance(0.55) {
				name = pick2(&g.rev, femaleNames) + " " + feminine(pick2(&g.rev, surnames))
			} else {
				name = pick2(&g.rev, maleNames) + " " + pick2(&g.rev, surnames)
			}
			if !used[name] {
				used[name] = true
				out[i].authors = append(out[i].authors, name+", "+out[i].role)
			}
		}
	}
	return out
}

// feedbackPerHalf is how many entries a person gets in a half-year at work.
const feedbackPerHalf = 3

// writeFeedback writes the entries and adds their marks to the evidence.
func (g *gen) writeFeedback(w *writer) int {
	depts := g.feedbackDepts(w)
	if w.err != nil || len(depts) == 0 {
		return 0
	}
	b := w.batch(`INSERT INTO feedback (staff_id, department_id, given_on, author, handoff, briefs, deadlines,
		communication, comment) VALUES `, 9, 64)
	y, m, _ := g.ws.civil()
	half := civilDay(y, 1, 1)
	if m > 6 {
		half = civilDay(y, 7, 1)
	}
	last := g.asOf - 1
	n := 0
	var days []day
	for ; half <= last; half = half.addMonths(6) {
		end := half.addMonths(6) - 1
		for _, p := range g.persons {
			lo, hi := max(half, g.ws, p.hire+30), min(end, last)
			if p.left != 0 {
				hi = min(hi, p.left-1)
			}
			if p.leaveFrom != 0 {
				hi = min(hi, p.leaveFrom-1)
			}
			if hi-lo < 20 {
				continue
			}
			k := g.rev.count(feedbackPerHalf * float64(hi-lo+1) / float64(end-half+1))
			days = days[:0]
			for range k {
				days = append(days, g.workingIn(lo, hi))
			}
			slices.Sort(days)
			for _, d := range days {
				dept := depts[g.rev.rng.IntN(len(depts))]
				marks := g.feedbackMarks(p, dept)
				sum, cnt := 0, 0
				for _, v := range marks {
					if v > 0 {
						sum, cnt = sum+v, cnt+1
					}
				}
				comment := ""
				if g.rev.chance(0.85) {
					comment = g.feedbackComment(dept, float64(sum)/float64(cnt))
				}
				b.add(p.id, dept.id, d.String(), pick2(&g.rev, dept.authors), ratingValue(marks[0]),
					ratingValue(marks[1]), ratingValue(marks[2]), ratingValue(marks[3]), comment)
				if e := g.evidenceOf(p.idx, d); e != nil {
					e.fbSum += int32(sum)
					e.fbN += int32(cnt)
				}
				n++
			}
		}
	}
	b.flush()
	return n
}

// feedbackMarks: handoff, briefs, deadlines, communication (0: not rated; at least
// one is).
func (g *gen) feedbackMarks(p *person, d feedbackDept) [4]int {
	a := g.ability[p.idx]
	base := 4.3 + 0.35*a
	mean := [4]float64{
		base - 0.9*(p.weak-1),
		base + 0.1 - 0.4*(p.weak-1),
		base + 0.1 - 0.7*(p.late-1) - 0.3*(p.slow-1),
		base + 0.1 - 0.6*(p.slow-1) - 0.4*(p.weak-1),
	}
	rated := [4]float64{0.8, 0.8, 0.8, 0.8}
	if d.kind >= 0 {
		rated = deptKinds[d.kind].rated
	}
	var out [4]int
	any := false
	for i := range out {
		if !g.rev.chance(rated[i]) {
			continue
		}
		out[i] = max(1, min(5, int(mean[i]+0.55*g.rev.rng.NormFloat64()+0.5)))
		any = true
	}
	if !any {
		out[2] = max(1, min(5, int(mean[2]+0.5)))
	}
	return out
}

func (g *gen) feedbackComment(d feedbackDept, mean float64) string {
	texts := genericFeedback
	if d.kind >= 0 {
		texts = deptFeedback[d.kind]
	}
	switch {
	case mean >= 4:
		return pick2(&g.rev, texts[2])
	case mean >= 3:
		return pick2(&g.rev, texts[1])
	}
	return pick2(&g.rev, texts[0])
}
