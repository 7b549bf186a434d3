package kpi

import (
	"context"

	"leadboard/data"
)

// measured is a KPI's parts at a level for a window of months, and how to turn
// parts into values.
type measured struct {
	kpi   data.KPI
	level string
	cells *cells
	e     *engine
}

// value is the KPI's value for an entity over a period (NaN: not measured).
func (m measured) value(entity int64, p Period) float64 {
	if lag := growthLag(m.kpi.Code, p); lag > 0 {
		return m.growth(entity, p, lag)
	}
	if m.kpi.Code == "retention" {
		return m.retention(entity, p)
	}
	return m.e.finalize(m.cells.over(entity, p, m.kpi.Combine))
}

// measure computes a KPI at a level for the months first..last. ids narrows the
// work to some clients or managers (nil: all of them at the level).
func measure(ctx context.Context, s *data.Store, k data.KPI, level string, ids []int64,
	first, last data.Month) (measured, error) {
	if isGrowth(k.Code) {
		first -= 12 // a year's growth looks a year back
	}
	e := &engine{ctx: ctx, s: s, kpi: k, first: first, last: last}
	if err := e.narrow(level, ids); err != nil {
		return measured{}, err
	}
	if err := e.measure(); err != nil {
		return measured{}, err
	}
	if k.Level == data.LevelClient && level == data.LevelManager {
		if err := e.loadLeads(); err != nil {
			return measured{}, err
		}
	}
	return measured{kpi: k, level: level, cells: e.base.rollup(k.Level, level, e.leads), e: e}, nil
}

// narrow limits the engine to the clients that matter for the asked entities:
// those clients themselves, or every client the asked managers led in the window.
func (e *engine) narrow(level string, ids []int64) error {
	switch {
	case ids == nil || level == data.LevelDepartment:
		return nil
	case level == data.LevelClient:
		e.limitTo(ids)
		return nil
	}
	if err := e.loadLeads(); err != nil {
		return err
	}
	clients := []int64{}
	for client, spans := range e.leads {
		for _, s := range spans {
			if containsID(ids, s.staff) {
				clients = append(clients, client)
				break
			}
		}
	}
	e.limitTo(clients)
	e.leads = nil // reloaded for the narrowed clients only when needed
	return nil
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
