package kpi

import (
	"math"
	"slices"

	"leadboard/data"
)

// parts is what a KPI needs to know about one entity in one month (or period):
// enough to pool several clients or months before the value is computed, so that
// a department's share is the share of all its cases, not an average of shares.
type parts struct {
	present  bool      // the entity was measured: a client served, a manager leading
	num, den float64   // a count or sum, and what it is divided by (if anything)
	raw      []float64 // single observations, for medians and percentiles
}

func (p *parts) add(q *parts) {
	p.present = p.present || q.present
	p.num += q.num
	p.den += q.den
	p.raw = append(p.raw, q.raw...)
}

// cells are a KPI's parts for every entity (client, manager or 0 for the
// department) and every month of a window starting at first.
type cells struct {
	first data.Month
	n     int
	by    map[int64][]parts
}

func newCells(first, last data.Month) *cells {
	return &cells{first: first, n: int(last-first) + 1, by: map[int64][]parts{}}
}

// at is the cell of an entity's month; nil outside the window.
func (c *cells) at(entity int64, m data.Month) *parts {
	i := int(m - c.first)
	if i < 0 || i >= c.n {
		return nil
	}
	row := c.by[entity]
	if row == nil {
		row = make([]parts, c.n)
		c.by[entity] = row
	}
	return &row[i]
}

// rollup pools the cells up to a level: clients to the manager who led them that
// month (see leads.lead) or to the department, managers to the department.
func (c *cells) rollup(from, to string, leads leadBook) *cells {
	if from == to {
		return c
	}
	out := &cells{first: c.first, n: c.n, by: map[int64][]parts{}}
	for entity, row := range c.by {
		for i := range row {
			if !row[i].present {
				continue
			}
			m := c.first + data.Month(i)
			owner := int64(0)
			if to == data.LevelManager {
				if owner = leads.lead(entity, m); owner == 0 {
					continue
				}
			}
			out.at(owner, m).add(&row[i])
		}
	}
	return out
}

// over pools an entity's months of a period by the KPI's rule: a sum or an
// average pools every month, "last" takes the period's last month (nothing when
// that month was not measured: a budget at the end of a quarter is the end's).
func (c *cells) over(entity int64, p Period, combine string) parts {
	var out parts
	row := c.by[entity]
	if row == nil {
		return out
	}
	if combine == data.CombineLast {
		p.From = p.To
	}
	for m := p.From; m <= p.To; m++ {
		i := int(m - c.first)
		if i < 0 || i >= c.n || !row[i].present {
			continue
		}
		out.add(&row[i])
	}
	return out
}

// Ways to turn pooled parts into a value. NaN: nothing measured.
func count(p parts) float64 {
	if !p.present {
		return math.NaN()
	}
	return p.num
}

func mean(p parts) float64 {
	if p.den == 0 {
		return math.NaN()
	}
	return p.num / p.den
}

func share(p parts) float64 { return mean(p) * 100 }

func per10(p parts) float64 { return mean(p) * 10 }

// median is the middle observation (the mean of the two middle ones for an even count).
func median(p parts) float64 {
	v := sorted(p.raw)
	n := len(v)
	switch {
	case n == 0:
		return math.NaN()
	case n%2 == 1:
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// p90 is the nearest-rank 90th percentile: the smallest observation that at least
// 90 % of them do not exceed.
func p90(p parts) float64 {
	v := sorted(p.raw)
	if len(v) == 0 {
		return math.NaN()
	}
	return v[int(math.Ceil(0.9*float64(len(v))))-1]
}

func sorted(v []float64) []float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	return v
}
