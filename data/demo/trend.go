package demo

import (
	"math"
	"slices"

	"leadboard/data"
)

// A client's budget drifts with inflation and its own fortunes; a few clients tell a
// clearer story, so that the KPI views have something to find: stars, whose budget
// roughly triples while their leads grow and the cost per lead falls, and decliners,
// whose budget falls by more than half while leads fall and the cost per lead
// rises. Most decliners leave in the end; one is still served, a client at risk.

type story int8

const (
	steady story = iota
	star
	decliner
)

type trend struct {
	growth     float64 // yearly drift of the budget (log), whatever the story
	story      story
	turn, done day     // the story runs from turn to done
	swing      float64 // budget at done over budget at turn
}

// progress is how far the client's story has gone on d: 0 before it, 1 at its end.
func (t trend) progress(d day) float64 {
	if t.story == steady || d <= t.turn {
		return 0
	}
	return min(1, float64(d-t.turn)/float64(t.done-t.turn))
}

// level is the client's budget on d relative to now, before seasons and noise.
func (g *gen) level(c *client, d day) float64 {
	l := math.Exp(c.trend.growth * float64(d-g.asOf) / 365.25)
	if c.trend.story != steady {
		l *= math.Pow(c.trend.swing, c.trend.progress(d))
	}
	return l
}

// planTrends gives every client its drift and picks the stars and decliners among
// A and B clients served for the whole window (so that the change shows against
// their own past): stars among those served now, decliners mostly among those who
// left in the window's later part.
func (g *gen) planTrends() {
	var serving, gone []*client
	for _, c := range g.clients {
		c.trend.growth = 0.07 + 0.06*g.camp.rng.NormFloat64() // inflation and the client's own growth
		if c.tier == tierC || c.start >= g.ws-30 || c.leftOn != 0 {
			continue
		}
		switch {
		case c.status == data.ClientActive && c.pausedFrom == 0:
			serving = append(serving, c)
		case c.status == data.ClientChurned && c.churn >= g.ws.addMonths(12):
			gone = append(gone, c)
		}
	}
	g.camp.rng.Shuffle(len(serving), func(i, j int) { serving[i], serving[j] = serving[j], serving[i] })
	g.camp.rng.Shuffle(len(gone), func(i, j int) { gone[i], gone[j] = gone[j], gone[i] })
	for _, c := range serving[:min(len(serving), g.p.stars)] {
		c.trend = trend{growth: c.trend.growth, story: star, turn: g.ws + day(g.camp.between(0, 90)), done: g.asOf,
			swing: g.camp.uniform(2.8, 3.6)}
		g.stars = append(g.stars, c)
	}
	serving = serving[min(len(serving), g.p.stars):]
	leaving := min(len(gone), g.p.decliners-1)
	for _, c := range slices.Concat(gone[:leaving], serving[:min(len(serving), g.p.decliners-leaving)]) {
		done := g.asOf
		if c.churn != 0 {
			done = c.churn
		}
		turn := max(done-day(g.camp.between(330, 450)), g.ws+150)
		c.trend = trend{growth: c.trend.growth, story: decliner, turn: turn, done: done, swing: g.camp.uniform(0.3, 0.45)}
		g.decliners = append(g.decliners, c)
	}
}

func clientIDs(cs []*client) []int64 {
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.id
	}
	return out
}
