package kpi

import (
	"context"
	"slices"

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
	if d, ok := derivations[m.kpi.Code]; ok && m.kpi.Derived() && d.period != nil {
		return d.period(m, entity, p)
	}
	return m.e.finalize(m.cells.over(entity, p, m.kpi.Combine))
}

// measure computes a KPI at a level for the months first..last. ids narrows the
// work to some clients or managers (nil: all of them at the level).
func measure(ctx context.Context, s *data.Store, k data.KPI, level string, ids []int64,
	first, last data.Month) (measured, error) {
	first -= lookBack(k.Code)
	e := &engine{ctx: ctx, s: s, kpi: k, first: first, last: last, level: level}
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
	return measured{kpi: k, level: level, cells: e.base.rollup(e.baseLevel, level, e.leads), e: e}, nil
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
			if slices.Contains(ids, s.staff) {
				clients = append(clients, client)
				break
			}
		}
	}
	e.limitTo(clients)
	e.leads = nil // reloaded for the narrowed clients only when needed
	return nil
}
