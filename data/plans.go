package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// PlanMove gives a client's role to another person. From is who held the role when
// the move was planned (0: nobody); To is who takes it (0: nobody, a backup only).
type PlanMove struct {
	ClientID int64
	Role     Role
	From, To int64
}

// Plan is a saved redistribution draft: its moves and what it must not move.
type Plan struct {
	ID             int64
	Name           string
	SavedAt        time.Time
	AppliedOn      time.Time // zero while it is a draft
	Reason         string    // why it was applied (written to the assignment history)
	Moves          []PlanMove
	LockedClients  []int64
	LockedManagers []int64
}

// Plans lists the saved plans, newest first, with their moves and locks.
func (s *Store) Plans(ctx context.Context) ([]Plan, error) {
	var plans []Plan
	index := map[int64]int{}
	err := s.EachRow(ctx, `SELECT id, name, saved_at, applied_on, reason FROM workload_plans ORDER BY saved_at DESC, id DESC`,
		nil, func(r *sql.Rows) error {
			var p Plan
			if err := r.Scan(&p.ID, &p.Name, scanTime(&p.SavedAt), scanTime(&p.AppliedOn), &p.Reason); err != nil {
				return err
			}
			index[p.ID] = len(plans)
			plans = append(plans, p)
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = s.EachRow(ctx, `SELECT plan_id, client_id, role, coalesce(from_staff, 0), coalesce(to_staff, 0)
		FROM workload_plan_moves ORDER BY plan_id, seq`, nil, func(r *sql.Rows) error {
		var id int64
		var m PlanMove
		if err := r.Scan(&id, &m.ClientID, &m.Role, &m.From, &m.To); err != nil {
			return err
		}
		plans[index[id]].Moves = append(plans[index[id]].Moves, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.EachRow(ctx, `SELECT plan_id, kind, entity_id FROM workload_plan_locks ORDER BY plan_id, kind, entity_id`,
		nil, func(r *sql.Rows) error {
			var id, entity int64
			var kind string
			if err := r.Scan(&id, &kind, &entity); err != nil {
				return err
			}
			p := &plans[index[id]]
			if kind == "client" {
				p.LockedClients = append(p.LockedClients, entity)
			} else {
				p.LockedManagers = append(p.LockedManagers, entity)
			}
			return nil
		})
	return plans, err
}

// SavePlan stores a draft under its name (a new one for ID 0), replacing its moves
// and locks. Names are unique whatever the case.
func (s *Store) SavePlan(ctx context.Context, p Plan) (int64, error) {
	p.Name = strings.TrimSpace(p.Name)
	var ch checker
	ch.required("name", p.Name)
	now := s.Now().Format(DateTimeLayout)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM workload_plans WHERE name_key = ? AND id <> ?`,
			fold(p.Name), p.ID).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			ch.add("name", "duplicate")
		}
		var applied int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM workload_plans WHERE id = ? AND applied_on IS NOT NULL`,
			p.ID).Scan(&applied); err != nil {
			return err
		}
		if applied > 0 {
			ch.add("name", "plan_applied") // an applied plan is a record of what was done
		}
		if err := ch.err(); err != nil {
			return err
		}
		if p.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO workload_plans (name, name_key, saved_at) VALUES (?, ?, ?)`,
				p.Name, fold(p.Name), now)
			if err != nil {
				return err
			}
			if p.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		} else if err := execOne(ctx, tx, `UPDATE workload_plans SET name = ?, name_key = ?, saved_at = ? WHERE id = ?`,
			p.Name, fold(p.Name), now, p.ID); err != nil {
			return err
		}
		return writePlanParts(ctx, tx, p)
	})
	return p.ID, err
}

func writePlanParts(ctx context.Context, tx *sql.Tx, p Plan) error {
	for _, q := range []string{`DELETE FROM workload_plan_moves WHERE plan_id = ?`,
		`DELETE FROM workload_plan_locks WHERE plan_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, p.ID); err != nil {
			return err
		}
	}
	for i, m := range p.Moves {
		if _, err := tx.ExecContext(ctx, `INSERT INTO workload_plan_moves (plan_id, seq, client_id, role, from_staff, to_staff)
			VALUES (?, ?, ?, ?, ?, ?)`, p.ID, i, m.ClientID, m.Role, idOrNull(m.From), idOrNull(m.To)); err != nil {
			return err
		}
	}
	for kind, ids := range map[string][]int64{"client": p.LockedClients, "manager": p.LockedManagers} {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO workload_plan_locks (plan_id, kind, entity_id)
				VALUES (?, ?, ?)`, p.ID, kind, id); err != nil {
				return err
			}
		}
	}
	return nil
}

func idOrNull(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// DeletePlan removes a draft (an applied plan's moves stay in the assignment history).
func (s *Store) DeletePlan(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `DELETE FROM workload_plans WHERE id = ?`, id)
	})
}

// ErrPlanStale says a plan's clients changed hands since it was made; the message
// names them, and nothing was written.
type ErrPlanStale struct{ Clients []string }

func (e *ErrPlanStale) Error() string {
	return "the plan was made on other assignments: " + strings.Join(e.Clients, ", ")
}

// ApplyPlan writes every move to the assignment history from a date with a reason,
// in one transaction: all of them, or none. A plan whose clients have changed hands
// since it was made (someone else now holds a role it moves) is refused with an
// *ErrPlanStale. A saved plan (ID set) is marked applied.
func (s *Store) ApplyPlan(ctx context.Context, p Plan, from time.Time, reason string) error {
	var ch checker
	ch.requiredDate("from", from)
	if from.After(s.Today()) {
		ch.add("from", "in_future")
	}
	reason = strings.TrimSpace(reason)
	ch.required("reason", reason)
	if err := ch.err(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkPlanCurrent(ctx, tx, p.Moves); err != nil {
			return err
		}
		for _, m := range p.Moves {
			if err := applyMove(ctx, tx, m, from, reason, &ch); err != nil {
				return err
			}
			if err := ch.err(); err != nil {
				return err
			}
		}
		if p.ID == 0 {
			return nil
		}
		if err := writePlanParts(ctx, tx, p); err != nil { // the stored plan is what was applied
			return err
		}
		return execOne(ctx, tx, `UPDATE workload_plans SET applied_on = ?, reason = ? WHERE id = ?`,
			dateValue(from), reason, p.ID)
	})
}

// checkPlanCurrent finds the moves whose role is not held by the person the plan
// saw, or whose client is no longer served. A client moved twice in a plan is
// checked against what the earlier move left.
func checkPlanCurrent(ctx context.Context, tx *sql.Tx, moves []PlanMove) error {
	type slot struct {
		client int64
		role   Role
	}
	holder := map[slot]int64{} // after the moves so far; absent: as the database has it
	holderOf := func(s slot) (int64, error) {
		if h, ok := holder[s]; ok {
			return h, nil
		}
		cur, err := currentAssignment(ctx, tx, s.client, s.role)
		return cur.StaffID, err
	}
	var stale []string
	for _, m := range moves {
		c, err := getClient(ctx, tx, m.ClientID)
		if errors.Is(err, ErrNotFound) {
			stale = append(stale, fmt.Sprintf("#%d", m.ClientID))
			continue
		}
		if err != nil {
			return err
		}
		here := slot{m.ClientID, m.Role}
		now, err := holderOf(here)
		if err != nil {
			return err
		}
		if now != m.From || !c.Served() || !c.ArchivedOn.IsZero() {
			stale = append(stale, c.Name)
		}
		other := slot{m.ClientID, otherRole(m.Role)}
		counterpart, err := holderOf(other)
		if err != nil {
			return err
		}
		if m.To != 0 && counterpart == m.To {
			holder[other] = 0 // the store closes the other role when its holder takes this one
		}
		holder[here] = m.To
	}
	if len(stale) > 0 {
		return &ErrPlanStale{Clients: stale}
	}
	return nil
}

// applyMove reassigns one role and records why the new assignment began.
func applyMove(ctx context.Context, tx *sql.Tx, m PlanMove, from time.Time, reason string, ch *checker) error {
	if err := reassignTx(ctx, tx, m.ClientID, m.Role, m.To, from, ch); err != nil || len(ch.errs) > 0 || m.To == 0 {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE assignments SET reason = ? WHERE client_id = ? AND role = ? AND end_date IS NULL`,
		reason, m.ClientID, m.Role)
	return err
}
