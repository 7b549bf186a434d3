package workload

import (
	"context"
	"database/sql"
	"math"
	"time"

	"leadboard/data"
)

// Breakdown is why a client weighs what it does, part by part (points).
type Breakdown struct {
	Base, Complexity, Services, Reporting, Complaints, Contacts float64
}

// Total is the client's weight.
func (b Breakdown) Total() float64 {
	return b.Base + b.Complexity + b.Services + b.Reporting + b.Complaints + b.Contacts
}

// Client is a served client with what its weight is made of and who serves it.
type Client struct {
	ID         int64
	Name       string
	Tier       string
	Budget     int64
	Complexity int
	Services   int
	Reporting  string // the most frequent reporting of its active contracts
	Complaints int    // complaints and escalations in the last 30 days
	Contacts   int    // log entries in the last 30 days
	Weight     Breakdown
	Lead       int64     // 0: none
	Backup     int64     // 0: none
	Renewal    time.Time // the nearest end of an active contract (zero: none)
}

// Manager is a person who can serve clients.
type Manager struct {
	ID       int64
	Name     string
	Team     string
	Grade    data.GradeLevel
	FTE      float64
	Override float64 // personal capacity (0: none)
	OnLeave  bool
}

// Capacity is what the person can carry: their own figure, or the grade's times
// FTE; nothing while on leave.
func (m Manager) Capacity() float64 {
	switch {
	case m.OnLeave:
		return 0
	case m.Override > 0:
		return m.Override
	}
	return m.Grade.Capacity * m.FTE
}

// Snapshot is the department's workload today: who serves which client and what
// each client weighs.
type Snapshot struct {
	AsOf     time.Time
	Coeffs   Coefficients
	Managers []Manager // working or on leave, by name
	Clients  []Client  // active or paused, by name
}

// weigh computes a client's breakdown under the coefficients.
func (c Coefficients) weigh(cl Client) Breakdown {
	base := c.TierPoints[cl.Tier]
	if c.Base == BaseBudget {
		base = math.Max(c.MinBase, c.PointsPerMillion*float64(cl.Budget)/1e6)
	}
	return Breakdown{
		Base:       base,
		Complexity: base * c.ComplexityStep * float64(cl.Complexity-3),
		Services:   c.ServicePoints * float64(max(0, cl.Services-1)),
		Reporting:  c.ReportPoints[cl.Reporting],
		Complaints: c.ComplaintPoints * float64(cl.Complaints),
		Contacts:   c.ContactPoints * float64(cl.Contacts),
	}
}

// reportingOf is the SQL of a client c's reporting: the most frequent of its
// active contracts ('none' without one). The view and the months use it alike.
const reportingOf = `coalesce((SELECT k.report_frequency FROM contracts k WHERE k.client_id = c.id
	AND k.status = 'active' ORDER BY CASE k.report_frequency WHEN 'weekly' THEN 0 WHEN 'biweekly' THEN 1
	WHEN 'monthly' THEN 2 WHEN 'quarterly' THEN 3 ELSE 4 END LIMIT 1), 'none')`

// recentDays is how far back "recent load" looks.
const recentDays = 30

// Take reads the department's workload: one query for the served clients with
// everything their weight needs, one for the people.
func Take(ctx context.Context, s *data.Store, c Coefficients) (Snapshot, error) {
	snap := Snapshot{AsOf: s.Today(), Coeffs: c}
	var err error
	if snap.Clients, err = clients(ctx, s, c, snap.AsOf, 0); err != nil {
		return snap, err
	}
	snap.Managers, err = managers(ctx, s)
	return snap, err
}

// ClientWeight is one client's weight and why (for the client's card); found is
// false for a client not served now.
func ClientWeight(ctx context.Context, s *data.Store, c Coefficients, id int64) (cl Client, found bool, err error) {
	list, err := clients(ctx, s, c, s.Today(), id)
	if err != nil || len(list) == 0 {
		return cl, false, err
	}
	return list[0], true, nil
}

// clients reads the served clients (only one when id is set) with their weights.
func clients(ctx context.Context, s *data.Store, c Coefficients, asOf time.Time, id int64) ([]Client, error) {
	today := asOf.Format(data.DateLayout)
	recent := asOf.AddDate(0, 0, -recentDays).Format(data.DateLayout)
	var out []Client
	err := s.EachRow(ctx, `SELECT c.id, c.name, c.tier, c.monthly_budget, c.complexity,
			(SELECT count(*) FROM client_services x WHERE x.client_id = c.id),
			`+reportingOf+`,
			coalesce((SELECT min(k.end_date) FROM contracts k WHERE k.client_id = c.id AND k.status = 'active'
				AND k.end_date >= ?1), ''),
			coalesce((SELECT a.staff_id FROM assignments a WHERE a.client_id = c.id AND a.role = 'lead'
				AND a.end_date IS NULL), 0),
			coalesce((SELECT a.staff_id FROM assignments a WHERE a.client_id = c.id AND a.role = 'backup'
				AND a.end_date IS NULL), 0),
			(SELECT count(*) FROM interactions i WHERE i.client_id = c.id AND i.occurred_at >= ?2
				AND i.kind IN ('complaint', 'escalation')),
			(SELECT count(*) FROM interactions i WHERE i.client_id = c.id AND i.occurred_at >= ?2)
		FROM clients c WHERE c.status IN ('active', 'paused') AND c.archived_on IS NULL AND (?3 = 0 OR c.id = ?3)
		ORDER BY c.name_key`,
		[]any{today, recent, id}, func(r *sql.Rows) error {
			var cl Client
			var renewal string
			if err := r.Scan(&cl.ID, &cl.Name, &cl.Tier, &cl.Budget, &cl.Complexity, &cl.Services, &cl.Reporting,
				&renewal, &cl.Lead, &cl.Backup, &cl.Complaints, &cl.Contacts); err != nil {
				return err
			}
			if renewal != "" {
				cl.Renewal, _ = time.Parse(data.DateLayout, renewal)
			}
			cl.Weight = c.weigh(cl)
			out = append(out, cl)
			return nil
		})
	return out, err
}

func managers(ctx context.Context, s *data.Store) ([]Manager, error) {
	var out []Manager
	err := s.EachRow(ctx, `SELECT p.id, p.full_name, p.team, p.fte, coalesce(p.capacity_override, 0),
			p.status = 'on_leave', g.id, g.code, g.name_ru, g.name_en, g.rank, g.capacity
		FROM staff p JOIN grade_levels g ON g.id = p.grade_id WHERE p.status <> 'left'
		ORDER BY p.full_name, p.id`, nil, func(r *sql.Rows) error {
		var m Manager
		g := &m.Grade
		if err := r.Scan(&m.ID, &m.Name, &m.Team, &m.FTE, &m.Override, &m.OnLeave, &g.ID, &g.Code, &g.NameRU,
			&g.NameEN, &g.Rank, &g.Capacity); err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}
