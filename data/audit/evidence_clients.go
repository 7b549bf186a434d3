package audit

import (
	"context"
	"database/sql"

	"leadboard/data"
)

// The clients' figures: of the clients active on the audit's day, how many have a
// contract in force, contacts, a lead, a backup, their documents and a recent log
// entry. One query counts them all.

// activeClient is the SQL condition on clients c for "active on the day": today's
// status for today; for a past day the client's served spells (client_periods,
// whose end is the churn date), which do not tell a pause from work.
func activeClient(d auditDay) string {
	if d.current {
		return `c.status = 'active' AND c.start_date <= ?1`
	}
	return `EXISTS (SELECT 1 FROM client_periods p WHERE p.client_id = c.id AND p.start_date <= ?1
		AND (p.end_date IS NULL OR p.end_date > ?1))`
}

// contractInForce is the SQL condition on contracts k for "in force on the day":
// dated to cover it and active today; for a past day signed (not a draft), as the
// KPIs read contracts, since a contract that has ended since was active then.
func contractInForce(d auditDay) string {
	status := `k.status <> 'draft'`
	if d.current {
		status = `k.status = 'active'`
	}
	return status + ` AND k.start_date <= ?1 AND (k.end_date IS NULL OR k.end_date >= ?1)`
}

// assignedOn is the SQL condition for a client c having someone in a role on the
// day (assignments end on their last day, inclusive).
func assignedOn(role string) string {
	return `EXISTS (SELECT 1 FROM assignments s WHERE s.client_id = c.id AND s.role = '` + role + `'
		AND s.start_date <= ?1 AND (s.end_date IS NULL OR s.end_date >= ?1))`
}

// inTouchDays is how far back "in touch" looks, as the workload's recent load does.
const inTouchDays = 30

func clientFigures(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	query := `SELECT count(*),
			coalesce(sum(EXISTS (SELECT 1 FROM contracts k WHERE k.client_id = c.id AND ` + contractInForce(d) + `)), 0),
			coalesce(sum(EXISTS (SELECT 1 FROM contacts x WHERE x.client_id = c.id)), 0),
			coalesce(sum(` + assignedOn("lead") + `), 0),
			coalesce(sum(` + assignedOn("backup") + `), 0),
			coalesce(sum(trim(c.doc_contract) <> '' AND trim(c.doc_brief) <> '' AND trim(c.doc_reporting) <> ''), 0),
			coalesce(sum(EXISTS (SELECT 1 FROM interactions i WHERE i.client_id = c.id
				AND i.occurred_at >= ?2 AND i.occurred_at < ?3)), 0)
		FROM clients c WHERE ` + activeClient(d)
	var active, contract, contacts, lead, backup, documents, inTouch int
	err := s.EachRow(ctx, query, []any{d.date, d.daysBefore(inTouchDays), d.next()}, func(r *sql.Rows) error {
		return r.Scan(&active, &contract, &contacts, &lead, &backup, &documents, &inTouch)
	})
	if err != nil {
		return nil, err
	}
	return []Figure{
		Share(ClientsWithContract, contract, active),
		Share(ClientsWithContacts, contacts, active),
		Share(ClientsWithLead, lead, active),
		Share(ClientsWithBackup, backup, active),
		Share(ClientsWithDocuments, documents, active),
		Share(ClientsInTouch, inTouch, active),
	}, nil
}

// contractTargets: of the contracts in force on the day, those with a KPI target,
// the contract's own or its client's, covering the day's month.
func contractTargets(ctx context.Context, s *data.Store, d auditDay) ([]Figure, error) {
	targetsFor := func(scope string) string {
		return `(SELECT t.entity_id FROM kpi_targets t WHERE t.scope = '` + scope + `' AND t.from_month <= ?2
			AND (t.to_month IS NULL OR t.to_month >= ?2))`
	}
	query := `SELECT count(*), coalesce(sum(k.id IN ` + targetsFor("contract") + ` OR k.client_id IN ` +
		targetsFor("client") + `), 0)
		FROM contracts k WHERE ` + contractInForce(d)
	var inForce, withTargets int
	err := s.EachRow(ctx, query, []any{d.date, d.month().String()}, func(r *sql.Rows) error {
		return r.Scan(&inForce, &withTargets)
	})
	if err != nil {
		return nil, err
	}
	return []Figure{Share(ContractsWithTargets, withTargets, inForce)}, nil
}
