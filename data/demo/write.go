package demo

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"leadboard/data"
)

// Rows are written with prepared statements, many rows a statement for the big
// tables (batch). Statements run with the background context on purpose: go-sqlite3
// starts a goroutine per call for a cancellable context, which would double the
// cost of two million inserts. Cancellation is checked between clients instead, and
// database/sql rolls the transaction back as soon as ctx is cancelled.

func dateOrNull(d day) any {
	if d == 0 {
		return nil
	}
	return d.String()
}

// batchRows is how many interactions one INSERT statement carries.
const batchRows = 64

const interactionColumns = 11

func (g *gen) write(ctx context.Context, tx *sql.Tx) (Summary, error) {
	var sum Summary
	w := &writer{ctx: ctx, tx: tx}
	var cache int64
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return sum, err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -262144`); err != nil {
		return sum, err
	}
	defer tx.Exec(`PRAGMA cache_size = ` + strconv.FormatInt(cache, 10))
	g.writeStaff(w, &sum)
	g.writeClients(w, &sum)
	if w.err != nil {
		return sum, w.err
	}
	g.report(0.1)
	rebuild := append(w.deferIndexes("interactions"), w.deferIndexes("kpi_values")...)
	if err := g.writeInteractions(w, &sum); err != nil {
		return sum, err
	}
	sum.Stars, sum.Decliners = clientIDs(g.stars), clientIDs(g.decliners)
	if err := g.writeKPIs(w, &sum); err != nil {
		return sum, err
	}
	for i, q := range rebuild {
		w.buildIndex(q)
		g.report(0.65 + 0.25*float64(i+1)/float64(len(rebuild)))
	}
	if err := g.writeReviews(w, &sum); err != nil {
		return sum, err
	}
	if err := g.writeGrades(w, &sum); err != nil {
		return sum, err
	}
	return sum, w.err
}

// writer prepares and runs statements, keeping the first error: once something
// failed, later calls do nothing.
type writer struct {
	ctx context.Context
	tx  *sql.Tx
	err error
}

func (w *writer) prep(q string) *sql.Stmt {
	if w.err != nil {
		return nil
	}
	st, err := w.tx.PrepareContext(w.ctx, q)
	w.err = err
	return st
}

func (w *writer) exec(st *sql.Stmt, args ...any) {
	if w.err != nil {
		return
	}
	_, w.err = st.Exec(args...)
}

// batch inserts rows into one table with a multi-row INSERT per full batch: one
// call for many rows saves most of the per-statement cost. flush writes the rest
// one by one.
type batch struct {
	w         *writer
	one, many *sql.Stmt
	cols      int
	args      []any
}

// batch prepares insert (ending in "VALUES ") for rows of cols columns, size rows a call.
func (w *writer) batch(insert string, cols, size int) *batch {
	marks := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return &batch{w: w, cols: cols, args: make([]any, 0, size*cols),
		one:  w.prep(insert + marks),
		many: w.prep(insert + strings.TrimSuffix(strings.Repeat(marks+", ", size), ", "))}
}

func (b *batch) add(row ...any) {
	b.args = append(b.args, row...)
	if len(b.args) == cap(b.args) {
		b.w.exec(b.many, b.args...)
		b.args = b.args[:0]
	}
}

func (b *batch) flush() {
	for k := 0; k < len(b.args); k += b.cols {
		b.w.exec(b.one, b.args[k:k+b.cols]...)
	}
	b.args = b.args[:0]
}

func (g *gen) writeStaff(w *writer, sum *Summary) {
	staff := w.prep(`INSERT INTO staff (id, full_name, position, grade_id, team, hire_date, fte, status, left_date,
		email, phone, notes, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	history := w.prep(`INSERT INTO grade_history (staff_id, changed_on, from_grade_id, to_grade_id, reason)
		VALUES (?, ?, ?, ?, ?)`)
	for _, p := range g.persons {
		status := data.StaffActive
		switch {
		case p.left != 0:
			status = data.StaffLeft
		case p.leaveFrom != 0:
			status = data.StaffOnLeave
		}
		team := g.p.teams[p.team].name
		key := data.StaffSearchKey(data.Staff{FullName: p.fullName, Position: p.position, Team: team,
			Email: p.email, Phone: p.phone})
		w.exec(staff, p.id, p.fullName, p.position, g.grades[p.grade].id, team, p.hire.String(),
			p.fte, string(status), dateOrNull(p.left), p.email, p.phone, p.notes, key)
		for _, s := range p.steps {
			var from any
			if s.from >= 0 {
				from = g.grades[s.from].id
			}
			w.exec(history, p.id, s.on.String(), from, g.grades[s.to].id, s.reason)
		}
		sum.Staff++
	}
}

func (g *gen) writeClients(w *writer, sum *Summary) {
	clients := w.prep(`INSERT INTO clients (id, name, industry, tier, status, churn_date, churn_reason, monthly_budget,
		complexity, start_date, notes, doc_contract, doc_brief, doc_reporting, archived_on, name_key, search_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	services := w.prep(`INSERT INTO client_services (client_id, service) VALUES (?, ?)`)
	contacts := w.prep(`INSERT INTO contacts (client_id, name, role, email, phone, decision_maker) VALUES (?, ?, ?, ?, ?, ?)`)
	contracts := w.prep(`INSERT INTO contracts (client_id, number, start_date, end_date, monthly_fee, status,
		renewal_notice_days, sla_hours, report_frequency, report_workday) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	assignments := w.prep(`INSERT INTO assignments (client_id, staff_id, role, start_date, end_date) VALUES (?, ?, ?, ?, ?)`)
	periods := w.batch(`INSERT INTO client_periods (client_id, start_date, end_date) VALUES `, 3, 64)
	budgets := w.batch(`INSERT INTO client_budgets (client_id, valid_from, monthly_budget) VALUES `, 3, 64)
	for _, c := range g.clients {
		w.exec(clients, c.id, c.name, c.industry.name, tierCodes[c.tier], string(c.status), dateOrNull(c.churn),
			c.churnReason, c.budget, c.complexity, c.start.String(), c.notes, c.docs[0], c.docs[1], c.docs[2],
			dateOrNull(c.archived), data.ClientNameKey(c.name),
			data.ClientSearchKey(data.Client{Name: c.name, Industry: c.industry.name, Notes: c.notes}))
		for _, svc := range c.services {
			w.exec(services, c.id, svc)
		}
		for _, k := range c.contacts {
			dm := 0
			if k.decisionMaker {
				dm = 1
			}
			w.exec(contacts, c.id, k.name, k.role, k.email, k.phone, dm)
			sum.Contacts++
		}
		for _, k := range c.contracts {
			w.exec(contracts, c.id, k.number, k.start.String(), dateOrNull(k.end), k.fee, string(k.status), c.notice,
				c.sla, c.freq, c.workday)
			sum.Contracts++
		}
		for role, segs := range c.segs {
			for _, s := range segs {
				var end any
				if s.end != openEnd {
					end = s.end.String()
				}
				w.exec(assignments, c.id, g.persons[s.staff].id, string(roleNames[role]), s.start.String(), end)
				sum.Assignments++
			}
		}
		for _, s := range c.spells() {
			periods.add(c.id, s.start.String(), dateOrNull(s.end))
		}
		for _, b := range c.budgets {
			budgets.add(c.id, b.from.String(), b.amount)
		}
		sum.Clients++
	}
	periods.flush()
	budgets.flush()
}

func (g *gen) writeInteractions(w *writer, sum *Summary) error {
	rows := w.batch(`INSERT INTO interactions (client_id, staff_id, occurred_at, channel, kind, response_hours,
		resolved_at, satisfaction, amount, report_due, notes) VALUES `, interactionColumns, batchRows)
	var buf []irow
	for i, c := range g.clients {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if w.err != nil {
			return w.err
		}
		buf = g.slide(c, g.activity(c, buf))
		for _, r := range buf {
			var staff, resp, resolved, sat, amount any
			if r.staff >= 0 {
				staff = g.persons[r.staff].id
			}
			if r.resp >= 0 {
				resp = r.resp
			}
			if r.resolved != noStamp {
				resolved = r.resolved.String()
			}
			if r.sat != 0 {
				sat = r.sat
			}
			if r.amount != 0 {
				amount = r.amount
			}
			rows.add(c.id, staff, r.at.String(), r.channel, r.kind, resp, resolved, sat, amount, dateOrNull(r.due), r.note)
		}
		g.tally(c, buf)
		sum.Interactions += len(buf)
		g.report(0.1 + 0.4*float64(i+1)/float64(len(g.clients)))
	}
	rows.flush()
	if w.err != nil {
		return w.err
	}
	return w.ctx.Err()
}
