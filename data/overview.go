package data

import (
	"context"
	"strconv"
	"time"
)

// ContractWindowDays is how far ahead the Overview looks for contracts ending.
const ContractWindowDays = 60

// GradeCount is the number of people at a grade.
type GradeCount struct {
	Grade GradeLevel
	Count int
}

// Overview holds the home screen's figures as of a date.
type Overview struct {
	AsOf              time.Time
	Headcount         []GradeCount // people who have not left, per grade of the ladder
	OnLeave           int
	ActiveClients     int
	PausedClients     int
	MonthlyBudget     int64 // roubles, active clients
	ContractsEnding   int   // active contracts ending within ContractWindowDays
	ClientsEnding     int   // clients those contracts belong to
	OverdueComplaints int   // complaints and escalations open longer than their SLA
	ClientsOverdue    int   // clients those complaints belong to
	// OpenCycle is the open review cycle due first (ID 0: none is open).
	OpenCycle CycleSummary
	// OverduePlanItems are open development-plan items past their due date, of
	// OverduePlanPeople people.
	OverduePlanItems, OverduePlanPeople int
}

// Overview computes the home screen's figures with one query per figure group.
func (s *Store) Overview(ctx context.Context) (Overview, error) {
	now := s.now()
	o := Overview{AsOf: DateOf(now)}
	rows, err := s.read.QueryContext(ctx, `SELECT `+gradeColumns+`, count(s.id), coalesce(sum(s.status = 'on_leave'), 0)
		FROM grade_levels g LEFT JOIN staff s ON s.grade_id = g.id AND s.status <> 'left'
		GROUP BY g.id ORDER BY g.rank`)
	if err != nil {
		return o, s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var gc GradeCount
		var onLeave int
		if err := rows.Scan(append(gradeScanArgs(&gc.Grade), &gc.Count, &onLeave)...); err != nil {
			return o, s.classify(err)
		}
		o.Headcount = append(o.Headcount, gc)
		o.OnLeave += onLeave
	}
	if err := rows.Err(); err != nil {
		return o, s.classify(err)
	}
	today := dateValue(o.AsOf)
	err = s.read.QueryRowContext(ctx, `WITH overdue AS (SELECT o.client_id, o.n FROM (`+overdueComplaintsSQL+`) o
			JOIN clients c ON c.id = o.client_id WHERE c.archived_on IS NULL)
		SELECT
		(SELECT count(*) FROM clients WHERE status = 'active' AND archived_on IS NULL),
		(SELECT count(*) FROM clients WHERE status = 'paused' AND archived_on IS NULL),
		(SELECT coalesce(sum(monthly_budget), 0) FROM clients WHERE status = 'active' AND archived_on IS NULL),
		(SELECT count(*) FROM contracts k JOIN clients c ON c.id = k.client_id
			WHERE k.status = 'active' AND k.end_date BETWEEN ? AND date(?, '+`+strconv.Itoa(ContractWindowDays)+` days')
				AND c.archived_on IS NULL),
		(SELECT count(DISTINCT k.client_id) FROM contracts k JOIN clients c ON c.id = k.client_id
			WHERE k.status = 'active' AND k.end_date BETWEEN ? AND date(?, '+`+strconv.Itoa(ContractWindowDays)+` days')
				AND c.archived_on IS NULL),
		(SELECT coalesce(sum(n), 0) FROM overdue),
		(SELECT count(*) FROM overdue)`,
		now.Format(DateTimeLayout), today, today, today, today).
		Scan(&o.ActiveClients, &o.PausedClients, &o.MonthlyBudget, &o.ContractsEnding, &o.ClientsEnding,
			&o.OverdueComplaints, &o.ClientsOverdue)
	if err != nil {
		return o, s.classify(err)
	}
	if o.OpenCycle, err = s.openCycle(ctx); err != nil {
		return o, s.classify(err)
	}
	o.OverduePlanItems, o.OverduePlanPeople, err = s.OverduePlanItems(ctx)
	return o, err
}

// openCycle is the open cycle due first, with its progress.
func (s *Store) openCycle(ctx context.Context) (CycleSummary, error) {
	cycles, err := s.ReviewCycles(ctx)
	var first CycleSummary
	for _, c := range cycles {
		if c.Status == CycleOpen && (first.ID == 0 || c.Due.Before(first.Due)) {
			first = c
		}
	}
	return first, err
}
