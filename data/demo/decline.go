package demo

import (
	"cmp"
	"math"
	"slices"

	"leadboard/data"
)

// Two clients who left in the last year slide into red before they go, in every
// measure the client health score reads: over the months before the churn date
// complaints and escalations pile up, answers come later than the contract allows,
// satisfaction falls mark by mark, reports come late and the last ones never come,
// and the client cuts its budget twice. Everything is drawn from the audit stream
// (gen.aud), so the rest of the demo stays as it is; the log entries are changed
// before they are tallied, so the reviews see them too.

// slideDays is how long before its churn date a sliding client's troubles start.
const slideDays = 110

// planSlides picks the two sliding clients among those who left in the last year
// after a long enough history, key and large accounts first (their loss is the one
// a lead should have seen coming), and cuts their budgets.
func (g *gen) planSlides() {
	var pool []*client
	for _, c := range g.clients {
		if c.status == data.ClientChurned && c.leftOn == 0 && c.trend.story != star && c.churn >= g.asOf-365 &&
			c.start <= c.churn-2*slideDays && len(c.segs[roleLead]) > 0 {
			pool = append(pool, c)
		}
	}
	g.aud.rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	slices.SortStableFunc(pool, func(a, b *client) int { return cmp.Compare(min(a.tier, tierB), min(b.tier, tierB)) })
	for _, c := range pool[:min(2, len(pool))] {
		g.cutBudget(c)
		g.sliding = append(g.sliding, c)
	}
}

// cutBudget makes the client cut its plan about three months before it leaves and
// again some six weeks before, to about half of what it was. The budget on the
// churn date stays the one the clients table holds, so the history before the cuts
// is raised to match.
func (g *gen) cutBudget(c *client) {
	first := c.churn - day(g.aud.between(85, 100))
	second := c.churn - day(g.aud.between(30, 45))
	before := float64(c.budgetOn(first - 1))
	level := float64(c.budget) * g.aud.uniform(1.8, 2.2) // the plan before the cuts
	k := level / before
	var rows []budgetRow
	for _, b := range c.budgets {
		if b.from >= first {
			break
		}
		amount := max(10000, round1000(float64(b.amount)*k))
		if n := len(rows); n > 0 && rows[n-1].amount == amount {
			continue
		}
		rows = append(rows, budgetRow{b.from, amount})
	}
	rows = append(rows, budgetRow{first, round1000(level * g.aud.uniform(0.65, 0.75))}, budgetRow{second, c.budget})
	c.budgets = rows
}

// markAt is the best satisfaction mark a sliding client gives at phase p (0 when
// the slide starts, 1 on the churn date).
func markAt(p float64) int {
	switch {
	case p < 0.3:
		return 4
	case p < 0.6:
		return 3
	case p < 0.85:
		return 2
	}
	return 1
}

// troubles are the complaints and escalations a sliding client adds, at phases of
// its slide, more of them towards the end.
var troubles = []struct {
	phase float64
	kind  string
}{
	{0.2, data.KindComplaint}, {0.4, data.KindComplaint}, {0.55, data.KindEscalation},
	{0.7, data.KindComplaint}, {0.8, data.KindEscalation}, {0.92, data.KindComplaint},
}

// surveys are the phases at which a sliding client answers a satisfaction survey.
var surveys = []float64{0.15, 0.45, 0.7, 0.9}

// slide turns a sliding client's log (as activity drew it) into the slide; other
// clients' logs pass unchanged.
func (g *gen) slide(c *client, buf []irow) []irow {
	if !slices.Contains(g.sliding, c) || len(buf) == 0 {
		return buf
	}
	from := c.churn - slideDays
	phase := func(d day) float64 { return min(1, float64(d-from)/slideDays) }
	for i := range buf {
		r := &buf[i]
		d := r.at.day()
		if d < from {
			continue
		}
		switch r.kind {
		case data.KindFeedback:
			if r.sat > markAt(phase(d)) {
				r.sat = markAt(phase(d))
				if r.staff >= 0 {
					r.note = g.feedbackNote(r.sat)
				}
			}
		case data.KindRequest:
			if r.resp >= 0 {
				g.answerLate(c, r, phase(d))
			}
		case data.KindReportSent:
			switch {
			case r.due > c.churn-30:
				r.kind = "" // never sent: dropped below
			case g.aud.chance(0.25 + 0.5*phase(r.due)):
				g.sendLate(c, r)
			}
		}
	}
	buf = slices.DeleteFunc(buf, func(r irow) bool { return r.kind == "" })
	for _, t := range troubles {
		if d, lead, ok := g.slideDay(c, from, t.phase); ok {
			buf = append(buf, g.trouble(c, d, lead, t.kind, phase(d)))
		}
	}
	for _, p := range surveys {
		if d, lead, ok := g.slideDay(c, from, p); ok {
			sat := max(1, markAt(phase(d))-g.aud.between(0, 1))
			buf = append(buf, irow{at: at(d, g.aud.between(10*60, 17*60)), staff: lead, channel: pick2(&g.aud, feedbackChannels),
				kind: data.KindFeedback, resp: -1, resolved: noStamp, sat: sat, note: g.feedbackNote(sat)})
		}
	}
	return settle(buf)
}

// slideDay is the working day at phase p of the slide (a few days either way) and
// the client's lead that day; ok is false when nobody led it then.
func (g *gen) slideDay(c *client, from day, p float64) (day, int, bool) {
	d := g.cal.shiftWorking(from+day(p*slideDays)+day(g.aud.between(-4, 4)), 0)
	if d >= c.churn || d >= g.asOf {
		return 0, 0, false
	}
	i := searchSegs(c.segs[roleLead], d)
	if i < 0 {
		return 0, 0, false
	}
	return d, c.segs[roleLead][i].staff, true
}

// trouble is a complaint or an escalation on d, answered late more often than not.
func (g *gen) trouble(c *client, d day, lead int, kind string, p float64) irow {
	t := at(d, workOpen+30+g.aud.rng.IntN(480))
	r := irow{at: t, staff: lead, kind: kind, resolved: noStamp}
	if kind == data.KindComplaint {
		r.channel, r.note = pick2(&g.aud, complaintChannels), pick2(&g.aud, complaintNotes)
		r.resp = hours(c.sla * g.aud.uniform(0.3, 0.8+0.8*p))
	} else {
		r.channel, r.note = pick2(&g.aud, escalateChannels), pick2(&g.aud, escalationNotes)
		r.resp = hours(min(c.sla, 4) * g.aud.uniform(0.4, 1+p))
	}
	r.resolved = addWorkMinutes(t, int(r.resp*60)+g.aud.between(240, 2400))
	g.cutOff(&r)
	return r
}

// answerLate slows a request's first answer, more as the slide goes on, often past
// the contract's time.
func (g *gen) answerLate(c *client, r *irow, p float64) {
	r.resp = max(r.resp, hours(c.sla*g.aud.uniform(0.3, 0.6+1.2*p)))
	if r.resolved != noStamp && r.resolved < r.at+stamp(r.resp*60) {
		r.resolved = addWorkMinutes(r.at, int(r.resp*60)+g.aud.between(30, 300))
	}
	g.cutOff(r)
}

// cutOff drops what would be answered or resolved after the data ends.
func (g *gen) cutOff(r *irow) {
	if r.resp >= 0 && r.at+stamp(r.resp*60) >= g.cutoff {
		r.resp, r.resolved = -1, noStamp
	}
	if r.resolved != noStamp && r.resolved >= g.cutoff {
		r.resolved = noStamp
	}
}

// sendLate moves a report a few working days past its due day, sent by whoever led
// the client then; it stays where it was when that would fall after the churn date.
func (g *gen) sendLate(c *client, r *irow) {
	sent := g.cal.shiftWorking(r.due, g.aud.between(1, 5))
	if sent >= c.churn || sent >= g.asOf {
		return
	}
	if i := searchSegs(c.segs[roleLead], sent); i >= 0 {
		r.at = at(sent, int(r.at%1440))
		r.staff = c.segs[roleLead][i].staff
	}
}

func (g *gen) feedbackNote(sat int) string {
	switch {
	case sat >= 4:
		return pick2(&g.aud, feedbackGood)
	case sat == 3:
		return pick2(&g.aud, feedbackMid)
	}
	return pick2(&g.aud, feedbackBad)
}

// hours rounds to a tenth of an hour, at least 0.1, as response times are logged.
func hours(h float64) float64 { return max(0.1, math.Round(h*10)/10) }

// settle puts a changed log back in time order and moves an entry that would repeat
// another's client, minute and kind on by a minute, as activity does.
func settle(buf []irow) []irow {
	for i := range buf {
		buf[i].seq = int32(i)
	}
	byTime := func(a, b irow) int {
		if c := cmp.Compare(a.at, b.at); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	}
	slices.SortFunc(buf, byTime)
	type slot struct {
		at   stamp
		kind string
	}
	taken := make(map[slot]bool, len(buf))
	for i := range buf {
		for taken[slot{buf[i].at, buf[i].kind}] {
			buf[i].at++
			if buf[i].resolved != noStamp {
				buf[i].resolved++
			}
		}
		taken[slot{buf[i].at, buf[i].kind}] = true
	}
	slices.SortFunc(buf, byTime)
	return buf
}

// writeOverrides writes two of the lead's own health scores: one in force on a
// client the lead trusts despite its falling budget, one long expired on a client
// that slid and left anyway.
func (g *gen) writeOverrides(w *writer) {
	st := w.prep(`INSERT INTO health_overrides (client_id, score, note, set_on, expires_on) VALUES (?, ?, ?, ?, ?)`)
	var trusted *client
	for _, c := range slices.Concat(g.decliners, g.clients) {
		if c.status == data.ClientActive && c.archived == 0 && c.start < g.asOf-180 {
			trusted = c
			break
		}
	}
	if len(g.sliding) > 0 {
		c := g.sliding[0]
		set := g.cal.shiftWorking(c.churn-slideDays+day(g.aud.between(15, 25)), 0)
		w.exec(st, c.id, 70, "Жалобы из-за перезапуска сайта у клиента: после запуска всё наладится, клиент настроен продолжать.",
			set.String(), (set + 45).String())
	}
	if trusted != nil {
		set := g.cal.shiftWorking(g.asOf-day(g.aud.between(8, 20)), 0)
		w.exec(st, trusted.id, 65, "Бюджет снижается по плану самого клиента, отношения хорошие. Пересмотреть после квартальной встречи.",
			set.String(), (set + 60).String())
	}
}
