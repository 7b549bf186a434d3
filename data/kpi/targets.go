package kpi

import (
	"context"
	"database/sql"
	"math"

	"leadboard/data"
)

// targetBook holds, per entity, the target of every month of a window (NaN: none).
type targetBook struct {
	first data.Month
	n     int
	by    map[int64][]target
}

type target struct {
	value float64
	from  data.Month // the target's first month: a later start wins
	set   bool
}

// scopesAt are the target scopes that speak for an entity at a level: a client's
// target may also come from its contract.
func scopesAt(level string) string {
	switch level {
	case data.LevelClient:
		return `'client', 'contract'`
	case data.LevelManager:
		return `'manager'`
	}
	return `'department'`
}

// loadTargets reads the KPI's targets for a level in one query. A contract's target
// belongs to the contract's client and, when open-ended, ends with the contract;
// where a client's own target starts the same month, the client's wins.
func loadTargets(ctx context.Context, s *data.Store, k data.KPI, level string, first, last data.Month) (targetBook, error) {
	b := targetBook{first: first, n: int(last-first) + 1, by: map[int64][]target{}}
	err := s.EachRow(ctx, `SELECT coalesce(k.client_id, t.entity_id), t.from_month,
			coalesce(t.to_month, substr(k.end_date, 1, 7), ''), t.target
		FROM kpi_targets t LEFT JOIN contracts k ON t.scope = 'contract' AND k.id = t.entity_id
		WHERE t.kpi_id = ? AND t.scope IN (`+scopesAt(level)+`) AND t.from_month <= ?
		AND (t.to_month IS NULL OR t.to_month >= ?)
		ORDER BY t.from_month, t.scope = 'client'`, []any{k.ID, last, first}, func(r *sql.Rows) error {
		var entity int64
		var from data.Month
		var to string
		var v float64
		if err := r.Scan(&entity, &from, &to, &v); err != nil {
			return err
		}
		end := last
		if to != "" {
			end = min(end, monthOf(to))
		}
		b.set(entity, from, end, v)
		return nil
	})
	return b, err
}

func (b targetBook) set(entity int64, from, to data.Month, v float64) {
	row := b.by[entity]
	if row == nil {
		row = make([]target, b.n)
		b.by[entity] = row
	}
	for m := max(from, b.first); m <= to; m++ {
		t := &row[m-b.first]
		if !t.set || from >= t.from {
			*t = target{value: v, from: from, set: true}
		}
	}
}

// over is an entity's target for a period, combined like the KPI's values: a sum
// needs every month's target, an average takes the months that have one, "last"
// the period's last month's.
func (b targetBook) over(entity int64, p Period, combine string) float64 {
	row := b.by[entity]
	if row == nil {
		return math.NaN()
	}
	sum, n := 0.0, 0
	if combine == data.CombineLast {
		p.From = p.To
	}
	for m := p.From; m <= p.To; m++ {
		i := int(m - b.first)
		if i < 0 || i >= b.n {
			continue
		}
		t := row[i]
		switch {
		case !t.set && combine == data.CombineSum:
			return math.NaN()
		case !t.set:
			continue
		case combine == data.CombineLast:
			sum, n = t.value, 1
		default:
			sum += t.value
			n++
		}
	}
	switch {
	case n == 0:
		return math.NaN()
	case combine == data.CombineAverage:
		return sum / float64(n)
	}
	return sum
}

// MaxAttainment caps attainment so that one outlier does not flatten a ranking.
const MaxAttainment = 200

// Attainment is how much of the target a value reaches, in per cent. For a
// lower-is-better KPI, 100 % means at or under the target (target / value), and
// a value of zero reaches the cap. NaN when there is no value or no target.
func Attainment(value, target float64, lowerIsBetter bool) float64 {
	if math.IsNaN(value) || math.IsNaN(target) {
		return math.NaN()
	}
	var a float64
	switch {
	case lowerIsBetter && value <= 0:
		a = MaxAttainment
	case lowerIsBetter:
		a = target / value * 100
	case target <= 0:
		return math.NaN()
	default:
		a = value / target * 100
	}
	return math.Max(0, math.Min(MaxAttainment, a))
}

// Band is how an attainment reads at a glance.
type Band string

const (
	BandNone  Band = ""      // no target or no value
	BandRed   Band = "red"   // below AmberFrom
	BandAmber Band = "amber" // close to the target
	BandGreen Band = "green" // at or beyond the target
)

// AmberFrom and GreenFrom are the attainment thresholds of the bands, in per cent.
const (
	AmberFrom = 90
	GreenFrom = 100
)

// BandOf places an attainment in its band.
func BandOf(attainment float64) Band {
	switch {
	case math.IsNaN(attainment):
		return BandNone
	case attainment >= GreenFrom:
		return BandGreen
	case attainment >= AmberFrom:
		return BandAmber
	}
	return BandRed
}
