package demo

import (
	"cmp"
	"math"
	"slices"

	"leadboard/data"
)

// irow is one generated interaction, in the generator's own units.
type irow struct {
	at       stamp
	seq      int32
	staff    int // -1: not attributed
	channel  string
	kind     string
	resp     float64 // first response in hours; < 0: not measured
	resolved stamp   // noStamp: not resolved
	sat      int
	amount   int64
	due      day // 0: none
	note     string
}

// activity appends a client's whole log for the window to buf[:0], in time order:
// free-form contacts each month, reports on the contract's schedule, renewals and,
// for a few clients, a recent complaint nobody has closed.
func (g *gen) activity(c *client, buf []irow) []irow {
	buf = buf[:0]
	leads := c.segs[roleLead]
	if len(leads) == 0 {
		return buf
	}
	from, to := max(leads[0].start, g.ws), g.asOf-1
	if c.churn != 0 {
		to = min(to, c.churn)
	}
	if from > to {
		return buf
	}
	add := func(r irow) {
		r.seq = int32(len(buf))
		buf = append(buf, r)
	}
	who := func(d day) int {
		staff := leads[searchSegs(leads, d)].staff
		if bs := c.segs[roleBackup]; len(bs) > 0 && g.chance(0.12) {
			if i := searchSegs(bs, d); i >= 0 {
				staff = bs[i].staff
			}
		}
		return staff
	}

	perMonth := g.p.perMonth[c.tier]
	for m := from.monthStart(); m <= to; m = m.addMonths(1) {
		lo, hi := g.cal.span(max(m, from), min(m.monthEnd(), to))
		if hi <= lo {
			continue
		}
		mlo, mhi := g.cal.span(m, m.monthEnd())
		n := g.count(perMonth * g.uniform(0.8, 1.2) * float64(hi-lo) / float64(mhi-mlo))
		for range n {
			d := g.cal.work[lo+g.rng.IntN(hi-lo)]
			if c.away(d) {
				continue
			}
			if c.pausedFrom != 0 && d >= c.pausedFrom && !g.chance(0.25) {
				continue
			}
			add(g.contact(c, d, who(d)))
		}
	}
	g.reports(c, from, to, who, add)
	for _, k := range c.contracts[min(1, len(c.contracts)):] {
		if k.status == data.ContractDraft {
			continue
		}
		d := g.cal.shiftWorking(k.start-day(g.between(3, max(5, c.notice/2))), 0)
		if d < from || d > to || c.away(d) { // a return after a gap is a new contract, not a renewal
			continue
		}
		add(irow{at: at(d, g.between(10*60, 18*60)), staff: who(d), channel: pick(g, dealChannels), kind: data.KindRenewal,
			resp: -1, resolved: noStamp, amount: 12 * k.fee, note: pick(g, renewalNotes)})
	}
	if c.overdue {
		if d := g.cal.work[g.cal.idx(g.asOf)-g.between(2, 12)]; d >= from && d <= to {
			staff := who(d)
			add(irow{at: at(d, g.between(10*60, 17*60)), staff: staff, channel: pick(g, complaintChannels),
				kind: data.KindComplaint, resp: g.response(c.sla*0.15, g.persons[staff].slow), resolved: noStamp,
				note: pick(g, complaintNotes)})
		}
	}
	byTime := func(a, b irow) int {
		if c := cmp.Compare(a.at, b.at); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	}
	slices.SortFunc(buf, byTime)
	// Two entries of one kind for one client in the same minute would be one entry to
	// an import (its natural key): move the later one on by a minute.
	type slot struct {
		at   stamp
		kind string
	}
	taken := make(map[slot]bool, len(buf))
	moved := false
	for i := range buf {
		for taken[slot{buf[i].at, buf[i].kind}] {
			buf[i].at++
			if buf[i].resolved != noStamp {
				buf[i].resolved++
			}
			moved = true
		}
		taken[slot{buf[i].at, buf[i].kind}] = true
	}
	if moved {
		slices.SortFunc(buf, byTime)
	}
	return buf
}

var (
	requestChannels   = []string{"email", "email", "email", "messenger", "messenger", "call", "call"}
	complaintChannels = []string{"call", "call", "call", "call", "call", "email", "email", "email", "email", "messenger"}
	escalateChannels  = []string{"email", "email", "email", "call", "call", "meeting"}
	dealChannels      = []string{"meeting", "meeting", "email", "call"}
	feedbackChannels  = []string{"email", "email", "call", "meeting"}
)

// contact draws one free-form log entry: mostly requests, some meetings, feedback,
// sales, and complaints that weaker managers and soon-lost clients get more often.
func (g *gen) contact(c *client, d day, staff int) irow {
	p := g.persons[staff]
	worse := 1.0
	preChurn := c.leaving(d)
	if preChurn {
		worse = 2.5
	}
	pComplaint, pEscalation := 0.03*p.weak*worse, 0.01*p.weak*worse
	pMeeting := [3]float64{0.12, 0.1, 0.07}[c.tier]
	pFeedback := 0.06
	pUpsell := [3]float64{0.012, 0.008, 0.004}[c.tier]
	pCross := [3]float64{0.008, 0.006, 0.003}[c.tier]

	t := at(d, workOpen+20+(g.rng.IntN(560)+g.rng.IntN(560))/2)
	r := irow{at: t, staff: staff, resp: -1, resolved: noStamp}
	x := g.rng.Float64()
	switch {
	case x < pComplaint:
		r.kind, r.channel, r.note = data.KindComplaint, pick(g, complaintChannels), pick(g, complaintNotes)
		r.resp = g.response(c.sla*0.15, p.slow)
		if !g.chance(g.p.forgotten) {
			r.resolved = g.resolve(t, r.resp, 960*p.weak)
		}
	case x < pComplaint+pEscalation:
		r.kind, r.channel, r.note = data.KindEscalation, pick(g, escalateChannels), pick(g, escalationNotes)
		r.resp = g.response(min(c.sla, 4)*0.3, p.slow)
		r.resolved = g.resolve(t, r.resp, 1800*p.weak)
	case x < pComplaint+pEscalation+pMeeting:
		r.kind, r.channel, r.note = data.KindMeeting, "meeting", pick(g, meetingNotes)
	case x < pComplaint+pEscalation+pMeeting+pFeedback:
		r.kind, r.channel = data.KindFeedback, pick(g, feedbackChannels)
		r.sat = g.satisfaction(preChurn, p.weak > 1.7)
		switch {
		case r.sat >= 4:
			r.note = pick(g, feedbackGood)
		case r.sat == 3:
			r.note = pick(g, feedbackMid)
		default:
			r.note = pick(g, feedbackBad)
		}
		if g.chance(0.1) {
			r.staff, r.channel, r.note = -1, "email", surveyNote
		}
	case x < pComplaint+pEscalation+pMeeting+pFeedback+pUpsell:
		r.kind, r.channel, r.note = data.KindUpsell, pick(g, dealChannels), pick(g, upsellNotes)
		r.amount = max(10000, round1000(float64(c.budget)*g.uniform(0.05, 0.25)))
	case x < pComplaint+pEscalation+pMeeting+pFeedback+pUpsell+pCross:
		r.kind, r.channel, r.note = data.KindCrossSell, pick(g, dealChannels), pick(g, crossSellNotes)
		r.amount = round1000(g.uniform(80e3, 600e3) * [3]float64{3, 1.5, 1}[c.tier])
	default:
		r.kind, r.channel, r.note = data.KindRequest, pick(g, requestChannels), pick(g, requestNotes)
		r.resp = g.response(c.sla*0.22, p.slow)
		r.resolved = g.resolve(t, r.resp, 300)
	}
	// Nothing is answered or resolved after the data ends.
	if r.resp >= 0 && t+stamp(r.resp*60) >= g.cutoff {
		r.resp, r.resolved = -1, noStamp
	}
	if r.resolved != noStamp && r.resolved >= g.cutoff {
		r.resolved = noStamp
	}
	return r
}

// response draws a first-response time in hours: log-normal around median x slow.
func (g *gen) response(median, slow float64) float64 {
	h := median * slow * math.Exp(0.75*g.rng.NormFloat64())
	return max(0.1, math.Round(h*10)/10)
}

// resolve is when an issue answered after resp hours is closed, a log-normal number
// of working minutes (around median) later.
func (g *gen) resolve(t stamp, resp, median float64) stamp {
	mins := resp*60 + median*math.Exp(0.8*g.rng.NormFloat64())
	return addWorkMinutes(t, int(mins))
}

// satisfaction: mostly 4 and 5 (mean about 4.1), lower before a client leaves and
// for weaker managers.
func (g *gen) satisfaction(preChurn, weak bool) int {
	var s int
	switch x := g.rng.Float64(); {
	case x < 0.46:
		s = 5
	case x < 0.82:
		s = 4
	case x < 0.94:
		s = 3
	case x < 0.975:
		s = 2
	default:
		s = 1
	}
	if preChurn && g.chance(0.6) {
		s -= g.between(1, 2)
	}
	if weak && g.chance(0.35) {
		s--
	}
	return max(1, s)
}

// reports logs the reports the contract requires: one per period, sent on or a little
// before the due working day, sometimes late (more often by some managers).
func (g *gen) reports(c *client, from, to day, who func(day) int, add func(irow)) {
	type period struct{ start, end, due day }
	var periods []period
	switch c.freq {
	case "monthly", "quarterly":
		step := 1
		m := from.monthStart()
		if c.freq == "quarterly" {
			step = 3
			for {
				if _, mm, _ := m.civil(); (mm-1)%3 == 0 {
					break
				}
				m = m.addMonths(-1)
			}
		}
		for ; m <= to; m = m.addMonths(step) {
			end := m.addMonths(step) - 1
			periods = append(periods, period{m, end, g.cal.nthWorking(end+1, c.workday)})
		}
	case "weekly", "biweekly":
		length := day(7)
		if c.freq == "biweekly" {
			length = 14
		}
		anchor := g.ws - day(g.ws.weekday())
		s := anchor + (from-anchor)/length*length
		for ; s <= to; s += length {
			periods = append(periods, period{s, s + length - 1, g.cal.nthWorking(s+length, c.workday)})
		}
	}
	for _, pr := range periods {
		if pr.due == openEnd || pr.due > to || (c.pausedFrom != 0 && pr.start >= c.pausedFrom) || c.away(pr.due) {
			continue
		}
		sent := g.cal.shiftWorking(pr.due, -g.between(0, 2))
		if g.chance(0.06 * g.persons[who(pr.due)].late) {
			sent = g.cal.shiftWorking(pr.due, g.between(1, 4))
		}
		if sent < from || sent > to || c.away(sent) {
			continue
		}
		add(irow{at: at(sent, g.between(10*60, 18*60)), staff: who(sent), channel: "email",
			kind: data.KindReportSent, resp: -1, resolved: noStamp, due: pr.due, note: reportNotes[c.freq]})
	}
}
