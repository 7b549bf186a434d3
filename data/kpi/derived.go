package kpi

import (
	"database/sql"

	"leadboard/data"
)

// The log queries name their covering index (migration 0004): without statistics
// SQLite would often pick the wider kind index and read the table row by row.

// derivation computes a derived KPI: fill writes the parts of every client-month
// (manager-month for a manager KPI) into e.base, value turns pooled parts into the
// figure. The definitions users read are in the catalogue (migration 0004); the
// tests in derived_test.go hold each one to a hand-computed fixture.
type derivation struct {
	fill  func(e *engine) error
	value func(parts) float64
	// period, when set, computes a period's value from the engine's books instead
	// of pooled parts (retention looks at the period as a whole, growth compares
	// two budgets).
	period func(m measured, entity int64, p Period) float64
}

var derivations = map[string]derivation{
	"retention":           {fillRetention, share, measured.retention},
	"churned":             {fillChurned, count, nil},
	"budget":              {fillBudget, count, nil},
	"budget_mom":          {fillBudget, count, growth(onPeriodBefore)},
	"budget_yoy":          {fillBudget, count, growth(onYearBefore)},
	"renewals":            {fillKind("renewal", false), count, nil},
	"renewals_rub":        {fillKind("renewal", true), count, nil},
	"upsell":              {fillKind("upsell", false), count, nil},
	"upsell_rub":          {fillKind("upsell", true), count, nil},
	"cross_sell":          {fillKind("cross_sell", false), count, nil},
	"cross_sell_rub":      {fillKind("cross_sell", true), count, nil},
	"complaints":          {fillComplaints, count, nil},
	"complaints_per10":    {fillComplaintsPer10, per10, nil},
	"complaints_sla":      {fillComplaintsSLA, share, nil},
	"response_median":     {fillResponses, median, nil},
	"response_p90":        {fillResponses, p90, nil},
	"response_sla":        {fillResponses, share, nil},
	"reports_on_time":     {fillReportsOnTime, share, nil},
	"reports_missing":     {fillReportsMissing, count, nil},
	"satisfaction":        {fillSatisfaction, mean, nil},
	"clients_per_manager": {fillClientsPerManager, mean, nil},
}

// fillRetention marks the served months; the value is counted per period from the
// spells themselves (see retention.go), so a quarter's retention is that of the
// quarter and not a blend of its months.
func fillRetention(e *engine) error { return e.markServed() }

// fillChurned counts the spells that ended (churn dates) in the month, including
// a churn on the 1st, when the client is not served at all that month.
func fillChurned(e *engine) error {
	if e.level == data.LevelDepartment {
		e.baseLevel = data.LevelDepartment
		if err := e.markDepartment(); err != nil {
			return err
		}
		from, to := window(e.first, e.last)
		return e.sum(`SELECT 0, substr(end_date, 1, 7) AS m, count(*), 0 FROM client_periods
			WHERE end_date BETWEEN ? AND ? GROUP BY m`, []any{from, to})
	}
	if err := e.markServed(); err != nil {
		return err
	}
	for client, spells := range e.served {
		for _, s := range spells {
			if s.end.IsZero() {
				continue
			}
			if c := e.base.at(client, data.MonthOf(s.end)); c != nil {
				c.present = true
				c.num++
			}
		}
	}
	return nil
}

// fillBudget sums the budgets, as of the month's last day, of the clients served then.
func fillBudget(e *engine) error {
	budgets, err := loadBudgets(e.ctx, e.s, e.last, e.scope)
	if err != nil {
		return err
	}
	return e.eachServedMonth(func(client int64, m data.Month, c *parts) {
		if end := e.monthEnd(m); e.served.on(client, end) {
			c.num += budgets.on(client, end)
		}
	})
}

// fillKind counts a kind of log entry in the month, or sums its amounts.
func fillKind(kind string, amounts bool) func(e *engine) error {
	measure := "count(*), 0"
	if amounts {
		measure = "coalesce(sum(i.amount), 0), 0"
	}
	return func(e *engine) error { return e.grouped("interactions i", measure, "i.kind = ?", kind) }
}

const complaintKinds = `kind IN ('complaint', 'escalation')`

func fillComplaints(e *engine) error {
	return e.grouped("interactions i INDEXED BY interactions_complaints", "count(*), 0", "i."+complaintKinds)
}

// fillComplaintsPer10: complaints over the clients served on the month's last day.
func fillComplaintsPer10(e *engine) error {
	if err := fillComplaints(e); err != nil {
		return err
	}
	if err := e.loadServed(); err != nil {
		return err
	}
	for client := range e.served {
		owner := client
		if e.baseLevel == data.LevelDepartment {
			owner = 0
		}
		for m := e.first; m <= e.last; m++ {
			if e.served.on(client, e.monthEnd(m)) {
				e.base.at(owner, m).den++
			}
		}
	}
	return nil
}

// fillComplaintsSLA: complaints resolved no later than the SLA of the contract in
// force on the day they came, out of the month's complaints whose time is up (one
// still open but within its SLA is not judged yet).
func fillComplaintsSLA(e *engine) error {
	now := e.s.Now()
	return e.eachTimed(`coalesce((unixepoch(resolved_at) - unixepoch(occurred_at)) / 3600.0, -1)
		FROM interactions INDEXED BY interactions_complaints WHERE `+complaintKinds,
		func(c *parts, at string, hours, sla float64) {
			resolved := hours >= 0
			if !resolved && now.Sub(minuteOf(at)).Hours() <= sla {
				return
			}
			c.den++
			if resolved && hours <= sla {
				c.num++
			}
		})
}

// fillResponses collects the month's first-response times (requests, complaints
// and escalations measure them); num/den count those within the contract's SLA.
func fillResponses(e *engine) error {
	keepRaw := e.kpi.Code != "response_sla"
	return e.eachTimed(`response_hours FROM interactions INDEXED BY interactions_responses
		WHERE response_hours IS NOT NULL`, func(c *parts, _ string, hours, sla float64) {
		if keepRaw {
			c.raw = append(c.raw, hours)
		}
		c.den++
		if hours <= sla {
			c.num++
		}
	})
}

// eachTimed reads log entries of the window, "SELECT client_id, occurred_at, " +
// hoursFromWhere (a number of hours, the table and its condition), and hands each
// served client-month's cell to add with the entry's time, hours and the SLA of
// the contract in force that day.
func (e *engine) eachTimed(hoursFromWhere string, add func(c *parts, at string, hours, sla float64)) error {
	if err := e.markServed(); err != nil {
		return err
	}
	if err := e.loadContracts(); err != nil {
		return err
	}
	from, to := e.timeRange()
	return e.s.EachRow(e.ctx, `SELECT client_id, occurred_at, `+hoursFromWhere+`
		AND occurred_at >= ? AND occurred_at < ?`+e.scope, []any{from, to}, func(r *sql.Rows) error {
		var client int64
		var at string
		var hours float64
		if err := r.Scan(&client, &at, &hours); err != nil {
			return err
		}
		if c := e.base.at(client, monthOf(at)); c != nil {
			add(c, at, hours, e.contracts.sla(client, day(at)))
		}
		return nil
	})
}

// reportsDue reads, per client and month of the due date, the reports sent and
// those sent on or before the due date.
func reportsDue(e *engine, add func(client int64, m data.Month, sent, onTime float64)) error {
	if err := e.markServed(); err != nil {
		return err
	}
	from, to := window(e.first, e.last)
	return e.s.EachRow(e.ctx, `SELECT client_id, substr(report_due, 1, 7) AS m, count(*),
			sum(substr(occurred_at, 1, 10) <= report_due)
		FROM interactions INDEXED BY interactions_reports WHERE kind = 'report_sent' AND report_due BETWEEN ? AND ?`+
		e.scope+` GROUP BY client_id, m`, []any{from, to}, func(r *sql.Rows) error {
		var client int64
		var month string
		var sent, onTime float64
		if err := r.Scan(&client, &month, &sent, &onTime); err != nil {
			return err
		}
		add(client, monthOf(month), sent, onTime)
		return nil
	})
}

// fillReportsOnTime: the reports sent on or before their due date, out of the
// reports due in the month: those sent and those missing (a report never sent
// counts against the month as much as a late one).
func fillReportsOnTime(e *engine) error {
	return reportsOwed(e, func(c *parts, owed, sent, onTime float64) {
		c.num = onTime
		c.den = sent + max(0, owed-sent)
	})
}

// fillReportsMissing: the reports a schedule asked for in the month less those sent.
func fillReportsMissing(e *engine) error {
	return reportsOwed(e, func(c *parts, owed, sent, _ float64) {
		c.num = max(0, owed-sent)
		c.den = 0
	})
}

// reportsPerMonth is how many reports a schedule has due in a month. A month's or a
// quarter's report is due in the month after it; weeks give four or five due dates
// a month, of which four are certain.
func reportsPerMonth(frequency string, m data.Month) float64 {
	switch frequency {
	case "weekly":
		return 4
	case "biweekly":
		return 2
	case "monthly":
		return 1
	case "quarterly":
		if int(m.Number())%3 == 1 {
			return 1
		}
	}
	return 0
}

// reportsOwed gives every served client-month the reports owed, sent and sent on
// time. A report is owed for a period the client's contract covered from its first
// day to its last: the month before (the quarter before, for quarterly reports),
// under the most demanding schedule among such contracts.
func reportsOwed(e *engine, set func(c *parts, owed, sent, onTime float64)) error {
	if err := e.loadContracts(); err != nil {
		return err
	}
	type count struct{ sent, onTime float64 }
	due := map[int64]map[data.Month]count{}
	if err := reportsDue(e, func(client int64, m data.Month, sent, onTime float64) {
		if due[client] == nil {
			due[client] = map[data.Month]count{}
		}
		due[client][m] = count{sent, onTime}
	}); err != nil {
		return err
	}
	return e.eachServedMonth(func(client int64, m data.Month, c *parts) {
		owed := 0.0
		for _, k := range e.contracts[client] {
			covered := m - 1
			if k.frequency == "quarterly" {
				covered = m - 3
			}
			if k.covers(covered.First()) && k.covers((m - 1).Last()) {
				owed = max(owed, reportsPerMonth(k.frequency, m))
			}
		}
		got := due[client][m]
		set(c, owed, got.sent, got.onTime)
	})
}

// fillSatisfaction averages the month's ratings (feedback entries carry them).
func fillSatisfaction(e *engine) error {
	return e.grouped("interactions i INDEXED BY interactions_ratings", "sum(i.satisfaction), count(*)",
		"i.satisfaction IS NOT NULL")
}

// fillClientsPerManager counts, for each manager, the clients they led on the
// month's last day. Each manager-month is one observation, so the department's
// figure is the average over managers who lead anyone.
func fillClientsPerManager(e *engine) error {
	if err := e.loadServed(); err != nil {
		return err
	}
	if err := e.loadLeads(); err != nil {
		return err
	}
	for client, spells := range e.leads {
		for m := e.first; m <= e.last; m++ {
			for _, s := range spells {
				if end := e.monthEnd(m); s.covers(end) && e.served.on(client, end) {
					c := e.base.at(s.staff, m)
					c.present = true
					c.num++
					c.den = 1
				}
			}
		}
	}
	return nil
}
