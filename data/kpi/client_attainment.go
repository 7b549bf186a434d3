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
	kpis, err := s.KPIs(ctx)
	if err != nil {
		return nil, err
	}
	sum, n := map[int64]float64{}, map[int64]float64{}
	p := Period{From: from, To: to}
	for _, k := range kpis {
		if k.Derived() || k.Level != data.LevelClient || !k.ArchivedOn.IsZero() {
			continue
		}
		m, err := measure(ctx, s, k, data.LevelClient, clients, from, to)
		if err != nil {
			return nil, err
		}
		targets, err := loadTargets(ctx, s, k, data.LevelClient, from, to)
		if err != nil {
			return nil, err
		}
		for client := range m.cells.by {
			if a := Attainment(m.value(client, p), targets.over(client, p, k.Combine), k.LowerIsBetter()); !math.IsNaN(a) {
				sum[client] += a
				n[client]++
			}
		}
	}
	out := make(map[int64]float64, len(sum))
	for id, total := range sum {
		out[id] = total / n[id]
	}
	return out, nil
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
