package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// Upsell and cross-sell opportunities: what more a client might buy, for how much and
// how likely, until it is won or lost. The weighted pipeline per manager is in
// data/health.

// OpportunityKinds: more of what the client buys, or another service.
var OpportunityKinds = []string{"upsell", "cross_sell"}

// OpportunityStatuses an opportunity moves through.
var OpportunityStatuses = []string{"open", "won", "lost"}

// Opportunity is a possible sale to a client.
type Opportunity struct {
	ID, ClientID int64
	Client       string // the client's name; filled by lists, not saved
	Service      string // a service code (data.Services) or the service in words
	Kind         string // one of OpportunityKinds
	Amount       int64  // estimated roubles
	Probability  int    // per cent, 0-100
	ExpectedOn   time.Time
	CreatedOn    time.Time // today when a new one is saved without it; never changed by an edit
	Status       string    // one of OpportunityStatuses
}

// Weighted is the amount times the probability: what the opportunity is worth in
// the pipeline, in roubles.
func (o Opportunity) Weighted() float64 { return float64(o.Amount) * float64(o.Probability) / 100 }

// OpportunityFilter narrows the list; the zero value lists every opportunity.
type OpportunityFilter struct {
	ClientID int64
	Status   string // "" any
}

func validateOpportunity(o Opportunity, today time.Time, ch *checker) {
	if o.ClientID == 0 {
		ch.add("client", "required")
	}
	ch.required("service", o.Service)
	ch.oneOf("kind", o.Kind, OpportunityKinds)
	ch.oneOf("status", o.Status, OpportunityStatuses)
	ch.notNegative("amount", float64(o.Amount))
	ch.between("probability", float64(o.Probability), 0, 100)
	ch.requiredDate("expected_on", o.ExpectedOn)
	if o.CreatedOn.After(today) {
		ch.add("created_on", "in_future")
	}
}

// SaveOpportunity adds (ID 0) or edits an opportunity. A new one needs a client
// that is still served or prospective: not lost and not archived.
func (s *Store) SaveOpportunity(ctx context.Context, o Opportunity) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveOpportunity(o) })
}

// SaveOpportunity is Store.SaveOpportunity within the transaction.
func (t *Tx) SaveOpportunity(o Opportunity) (int64, error) {
	ctx := t.ctx
	o.Service = strings.TrimSpace(o.Service)
	o.ExpectedOn, o.CreatedOn = DateOf(o.ExpectedOn), DateOf(o.CreatedOn)
	if o.ID == 0 && o.CreatedOn.IsZero() {
		o.CreatedOn = t.Today()
	}
	var ch checker
	validateOpportunity(o, t.Today(), &ch)
	if err := t.checkOpportunityClient(o, &ch); err != nil {
		return 0, err
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	args := []any{o.ClientID, o.Service, o.Kind, o.Amount, o.Probability, dateValue(o.ExpectedOn), o.Status}
	if o.ID != 0 {
		return o.ID, execOne(ctx, t.tx, `UPDATE opportunities SET client_id = ?, service = ?, kind = ?, amount = ?,
			probability = ?, expected_on = ?, status = ? WHERE id = ?`, append(args, o.ID)...)
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO opportunities (client_id, service, kind, amount, probability,
		expected_on, status, created_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, append(args, dateValue(o.CreatedOn))...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// checkOpportunityClient: the client exists and, for a new opportunity, is neither
// lost nor archived. An existing one may stay with a client who has since left, so
// that it can still be closed as lost.
func (t *Tx) checkOpportunityClient(o Opportunity, ch *checker) error {
	if o.ClientID == 0 {
		return nil
	}
	var status string
	var archived time.Time
	err := t.tx.QueryRowContext(t.ctx, `SELECT status, archived_on FROM clients WHERE id = ?`, o.ClientID).
		Scan(&status, scanTime(&archived))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		ch.add("client", "invalid_choice")
	case err != nil:
		return err
	case o.ID == 0 && (status == string(ClientChurned) || !archived.IsZero()):
		ch.add("client", "client_lost")
	}
	return nil
}

// Opportunities lists opportunities with their clients' names, the soonest expected
// first.
func (s *Store) Opportunities(ctx context.Context, f OpportunityFilter) ([]Opportunity, error) {
	var w where
	if f.ClientID != 0 {
		w.add("o.client_id = ?", f.ClientID)
	}
	if f.Status != "" {
		w.add("o.status = ?", f.Status)
	}
	var out []Opportunity
	err := s.EachRow(ctx, `SELECT o.id, o.client_id, c.name, o.service, o.kind, o.amount, o.probability, o.expected_on,
			o.created_on, o.status
		FROM opportunities o JOIN clients c ON c.id = o.client_id
		`+w.sql()+` ORDER BY o.expected_on, c.name_key, o.id`, w.args, func(r *sql.Rows) error {
		var o Opportunity
		if err := r.Scan(&o.ID, &o.ClientID, &o.Client, &o.Service, &o.Kind, &o.Amount, &o.Probability,
			scanTime(&o.ExpectedOn), scanTime(&o.CreatedOn), &o.Status); err != nil {
			return err
		}
		out = append(out, o)
		return nil
	})
	return out, err
}
