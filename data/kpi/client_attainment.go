package kpi

import (
	"context"
	"math"

	"leadboard/data"
)

// Client figures for the client health score (data/health): each client's own KPI
// attainment and derived KPIs over a run of months, computed by the same engine and
// definitions as every trend, for all the clients asked at once.

// ClientAttainment is, for each client, the mean attainment (per cent, capped at
// MaxAttainment) of the targets it had on entered client KPIs over the months
// from..to: every KPI with both a value and a target counts once. Clients with no
// such KPI are absent. clients narrows the work (nil: every client).
func ClientAttainment(ctx context.Context, s *data.Store, from, to data.Month, clients []int64) (map[int64]float64, error) {
	var mean meanBy
	err := eachClientAttainment(ctx, s, from, to, clients, mean.add)
	return mean.means(), err
}

// eachClientAttainment calls fn with the attainment of every (client, entered
// client KPI) over the months from..to that has both a value and a target.
func eachClientAttainment(ctx context.Context, s *data.Store, from, to data.Month, clients []int64,
	fn func(client int64, attainment float64)) error {
	kpis, err := s.KPIs(ctx)
	if err != nil {
		return err
	}
	p := Period{From: from, To: to}
	for _, k := range kpis {
		if k.Derived() || k.Level != data.LevelClient || !k.ArchivedOn.IsZero() {
			continue
		}
		m, err := measure(ctx, s, k, data.LevelClient, clients, from, to)
		if err != nil {
			return err
		}
		targets, err := loadTargets(ctx, s, k, data.LevelClient, from, to)
		if err != nil {
			return err
		}
		for client := range m.cells.by {
			if a := Attainment(m.value(client, p), targets.over(client, p, k.Combine), k.LowerIsBetter()); !math.IsNaN(a) {
				fn(client, a)
			}
		}
	}
	return nil
}

// meanBy averages values by id.
type meanBy struct{ sum, n map[int64]float64 }

func (m *meanBy) add(id int64, v float64) {
	if m.sum == nil {
		m.sum, m.n = map[int64]float64{}, map[int64]float64{}
	}
	m.sum[id] += v
	m.n[id]++
}

func (m *meanBy) means() map[int64]float64 {
	out := make(map[int64]float64, len(m.sum))
	for id, total := range m.sum {
		out[id] = total / m.n[id]
	}
	return out
}

// ClientSeries is a client KPI's value for one client over a period and month by
// month (NaN: not measured).
type ClientSeries struct {
	Period float64
	Months []float64 // from the period's first month on
}

// ClientValues computes client KPIs (by code) for the clients over the months
// from..to, by code then client: one pass of each KPI's engine, the client history
// (served spells, contracts) read once for all of them. Clients never measured in
// the months are absent. clients narrows the work (nil: every client).
func ClientValues(ctx context.Context, s *data.Store, codes []string, from, to data.Month,
	clients []int64) (map[string]map[int64]ClientSeries, error) {
	out := make(map[string]map[int64]ClientSeries, len(codes))
	var books *engine // the engine before: its client history serves the next of the same window
	for _, code := range codes {
		k, err := s.KPIByCode(ctx, code)
		if err != nil {
			return nil, err
		}
		if k.Level != data.LevelClient {
			return nil, fieldErr("level", "not_for_kpi")
		}
		e := &engine{ctx: ctx, s: s, kpi: k, first: from - lookBack(code), last: to, level: data.LevelClient}
		if clients != nil {
			e.limitTo(clients)
		}
		if books != nil && books.first == e.first {
			e.served, e.contracts = books.served, books.contracts
		}
		if err := e.measure(); err != nil {
			return nil, err
		}
		books = e
		m := measured{kpi: k, level: data.LevelClient, cells: e.base, e: e}
		values := make(map[int64]ClientSeries, len(e.base.by))
		for client := range e.base.by {
			cs := ClientSeries{Period: m.value(client, Period{From: from, To: to}), Months: make([]float64, 0, to-from+1)}
			for month := from; month <= to; month++ {
				cs.Months = append(cs.Months, m.value(client, MonthPeriod(month)))
			}
			values[client] = cs
		}
		out[code] = values
	}
	return out, nil
}
