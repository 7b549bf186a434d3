package kpi

import (
	"math"

	"leadboard/data"
)

// Retention is counted per period straight from the served spells: of the clients
// served on the eve of the period (the last day before it), the share still served
// on its last day. A client lost on the 1st counts against that month; one won
// during the period is not part of it. A client belongs to the manager who led it
// in the period's first month.
func (m measured) retention(entity int64, p Period) float64 {
	eve, end := p.From.First().AddDate(0, 0, -1), p.To.Last()
	kept, base := 0, 0
	for client := range m.e.served {
		if !m.owns(entity, client, p.From) || !m.e.served.on(client, eve) {
			continue
		}
		base++
		if m.e.served.on(client, end) {
			kept++
		}
	}
	if base == 0 {
		return math.NaN()
	}
	return float64(kept) / float64(base) * 100
}

// owns reports whether a client's month counts for the entity at the level measured.
func (m measured) owns(entity, client int64, month data.Month) bool {
	switch m.level {
	case data.LevelClient:
		return entity == client
	case data.LevelManager:
		return m.e.leads.lead(client, month) == entity
	}
	return true
}
