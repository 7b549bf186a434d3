package kpi

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"leadboard/data"
)

// engine measures one KPI over a window of months, for the clients in scope.
type engine struct {
	ctx         context.Context
	s           *data.Store
	kpi         data.KPI
	first, last data.Month
	clients     []int64 // the clients in scope; nil: every client
	scope       string  // the SQL condition on client_id that says so
	base        *cells  // at baseLevel
	baseLevel   string  // the KPI's own level, or the department when summed in SQL
	level       string  // the level asked for

	served    servedBook
	leads     leadBook
	contracts contractBook
	marked    bool        // markServed has run
	ends      []time.Time // each month's last day, computed once
}

// monthEnd is a month's last day (months in the window only).
func (e *engine) monthEnd(m data.Month) time.Time {
	if e.ends == nil {
		for x := e.first; x <= e.last; x++ {
			e.ends = append(e.ends, x.Last())
		}
	}
	return e.ends[m-e.first]
}

// limitTo narrows the engine's queries to some clients.
func (e *engine) limitTo(clients []int64) {
	e.clients = clients
	e.scope = inList("client_id", clients)
}

// inList is the SQL condition " AND column IN (ids)"; nil ids: no condition.
func inList(column string, ids []int64) string {
	if ids == nil {
		return ""
	}
	if len(ids) == 0 {
		return " AND " + column + " IN (NULL)"
	}
	var b strings.Builder
	b.WriteString(" AND " + column + " IN (")
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10)) // ids are numbers: safe to write into SQL
	}
	b.WriteByte(')')
	return b.String()
}

// measure fills e.base: the KPI's parts at its own level for every month.
func (e *engine) measure() error {
	e.base = newCells(e.first, e.last)
	e.baseLevel = e.kpi.Level
	if !e.kpi.Derived() {
		return e.entered()
	}
	d, ok := derivations[e.kpi.Code]
	if !ok {
		return fmt.Errorf("kpi %q: no computation for this derived KPI", e.kpi.Code)
	}
	return d.fill(e)
}

// finalize turns pooled parts into the KPI's value.
func (e *engine) finalize(p parts) float64 {
	if !e.kpi.Derived() {
		if e.kpi.Combine == data.CombineAverage {
			return mean(p)
		}
		return count(p)
	}
	return derivations[e.kpi.Code].value(p)
}

// entered reads typed values: each is one observation of its client, manager or
// the department. Clients and months pool by the KPI's rule: sums add up, averages
// are the mean of all the values. For the department SQL sums them up.
func (e *engine) entered() error {
	if e.level == data.LevelDepartment {
		e.baseLevel = data.LevelDepartment
		return e.s.EachRow(e.ctx, `SELECT month, sum(value), count(*) FROM kpi_values
			WHERE kpi_id = ? AND month BETWEEN ? AND ? GROUP BY month`, []any{e.kpi.ID, e.first, e.last},
			func(r *sql.Rows) error {
				var month string
				var sum, n float64
				if err := r.Scan(&month, &sum, &n); err != nil {
					return err
				}
				if c := e.base.at(0, monthOf(month)); c != nil {
					c.present, c.num, c.den = true, sum, n
				}
				return nil
			})
	}
	scope := ""
	if e.kpi.Level == data.LevelClient {
		scope = inList("entity_id", e.clients)
	}
	return e.s.EachRow(e.ctx, `SELECT entity_id, month, value FROM kpi_values
		WHERE kpi_id = ? AND month BETWEEN ? AND ?`+scope, []any{e.kpi.ID, e.first, e.last},
		func(r *sql.Rows) error {
			var entity int64
			var month string
			var v float64
			if err := r.Scan(&entity, &month, &v); err != nil {
				return err
			}
			if c := e.base.at(entity, monthOf(month)); c != nil {
				c.present, c.num, c.den = true, c.num+v, c.den+1
			}
			return nil
		})
}

func (e *engine) loadServed() (err error) {
	if e.served == nil {
		e.served, err = loadServed(e.ctx, e.s, e.first, e.last, e.scope)
	}
	return err
}

func (e *engine) loadLeads() (err error) {
	if e.leads == nil {
		e.leads, err = loadLeads(e.ctx, e.s, e.first, e.last, e.scope)
	}
	return err
}

func (e *engine) loadContracts() (err error) {
	if e.contracts == nil {
		e.contracts, err = loadContracts(e.ctx, e.s, e.first, e.last, e.scope)
	}
	return err
}

// markServed makes every client-month in which the client was served a measured
// cell, so that a month with nothing to count shows 0 and not a gap.
func (e *engine) markServed() error {
	if e.marked {
		return nil
	}
	if err := e.loadServed(); err != nil {
		return err
	}
	e.marked = true
	for client, spells := range e.served {
		for _, s := range spells {
			from, to := s.months(e.first, e.last)
			for m := from; m <= to; m++ {
				e.base.at(client, m).present = true
			}
		}
	}
	return nil
}

// eachServedMonth calls fn for the cell of every served client-month.
func (e *engine) eachServedMonth(fn func(client int64, m data.Month, c *parts)) error {
	if err := e.markServed(); err != nil {
		return err
	}
	for client, row := range e.base.by {
		for i := range row {
			if row[i].present {
				fn(client, e.first+data.Month(i), &row[i])
			}
		}
	}
	return nil
}

// timeRange bounds interaction time stamps to the window.
func (e *engine) timeRange() (from, to string) {
	return e.first.First().Format(data.DateLayout), (e.last + 1).First().Format(data.DateLayout)
}

// grouped adds up a part of the log per client and month: measure is the SQL of
// the two numbers (num, den) over the rows of log (the interactions table as i,
// with the index to read it by) that cond picks. For the department it is summed
// by month in SQL, over the months each client was served, like the clients' own
// figures.
func (e *engine) grouped(log, measure, cond string, args ...any) error {
	from, to := e.timeRange()
	args = append(args, from, to)
	if e.level == data.LevelDepartment {
		e.baseLevel = data.LevelDepartment
		if err := e.markDepartment(); err != nil {
			return err
		}
		return e.sum(`SELECT 0, substr(i.occurred_at, 1, 7) AS m, `+measure+` FROM `+log+`
			WHERE `+cond+` AND i.occurred_at >= ? AND i.occurred_at < ? AND EXISTS (SELECT 1 FROM client_periods p
				WHERE p.client_id = i.client_id AND p.start_date < m || '-32'
				AND (p.end_date IS NULL OR p.end_date > m || '-01'))
			GROUP BY m`, args)
	}
	if err := e.markServed(); err != nil {
		return err
	}
	return e.sum(`SELECT i.client_id, substr(i.occurred_at, 1, 7) AS m, `+measure+` FROM `+log+`
		WHERE `+cond+` AND i.occurred_at >= ? AND i.occurred_at < ?`+e.scope+` GROUP BY i.client_id, m`, args)
}

// sum adds rows of (entity, month, num, den) to the cells.
func (e *engine) sum(query string, args []any) error {
	return e.s.EachRow(e.ctx, query, args, func(r *sql.Rows) error {
		var entity int64
		var month string
		var num, den float64
		if err := r.Scan(&entity, &month, &num, &den); err != nil {
			return err
		}
		if c := e.base.at(entity, monthOf(month)); c != nil {
			c.num += num
			c.den += den
		}
		return nil
	})
}

// markDepartment measures the department in every month any client was served.
func (e *engine) markDepartment() error {
	from, to := window(e.first, e.last)
	return e.s.EachRow(e.ctx, `SELECT DISTINCT substr(start_date, 1, 7), coalesce(date(end_date, '-1 day'), '')
		FROM client_periods WHERE start_date <= ? AND (end_date IS NULL OR end_date > ?)`, []any{to, from},
		func(r *sql.Rows) error {
			var start, end string
			if err := r.Scan(&start, &end); err != nil {
				return err
			}
			last := e.last
			if end != "" {
				last = min(last, monthOf(end))
			}
			for m := max(e.first, monthOf(start)); m <= last; m++ {
				e.base.at(0, m).present = true
			}
			return nil
		})
}
