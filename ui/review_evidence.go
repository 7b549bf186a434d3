package ui

import (
	"context"
	"sync"
	"time"

	"leadboard/data"
	"leadboard/data/kpi"
)

// evidenceCache keeps the evidence of each cycle's period: it is the same for
// every person of the cycle, and computing it reads the whole period's log.
type evidenceCache struct {
	mu       sync.Mutex
	store    *data.Store
	byPeriod map[[2]data.Month]kpi.Evidence
}

func (s *reviewsScreen) evidenceCache() *evidenceCache {
	if s.evidence == nil {
		s.evidence = &evidenceCache{}
	}
	return s.evidence
}

// of is the evidence of the cycle's period up to the last month that has begun.
func (c *evidenceCache) of(ctx context.Context, st *data.Store, cycle data.ReviewCycle, today time.Time) (kpi.Evidence, error) {
	from, to := data.MonthOf(cycle.From), min(data.MonthOf(cycle.To), data.MonthOf(today))
	if to < from {
		to = from
	}
	key := [2]data.Month{from, to}
	c.mu.Lock()
	if c.store != st { // another database: nothing kept applies
		c.store, c.byPeriod = st, map[[2]data.Month]kpi.Evidence{}
	}
	ev, ok := c.byPeriod[key]
	c.mu.Unlock()
	if ok {
		return ev, nil
	}
	ev, err := kpi.EvidenceOf(ctx, st, from, to)
	if err != nil {
		return ev, err
	}
	c.mu.Lock()
	c.byPeriod[key] = ev
	c.mu.Unlock()
	return ev, nil
}
