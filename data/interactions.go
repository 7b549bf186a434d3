package data

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"
)

// Channels are the ways a client and the department talk.
var Channels = []string{"call", "email", "meeting", "messenger"}

// Interaction kinds.
const (
	KindRequest    = "request"
	KindComplaint  = "complaint"
	KindEscalation = "escalation"
	KindReportSent = "report_sent"
	KindMeeting    = "meeting"
	KindUpsell     = "upsell"
	KindCrossSell  = "cross_sell"
	KindRenewal    = "renewal"
	KindFeedback   = "feedback"
)

// InteractionKinds lists the kinds in display order.
var InteractionKinds = []string{KindRequest, KindComplaint, KindEscalation, KindReportSent, KindMeeting,
	KindUpsell, KindCrossSell, KindRenewal, KindFeedback}

// KindHasAmount reports whether an interaction of the kind carries a sum in roubles.
func KindHasAmount(kind string) bool {
	return kind == KindUpsell || kind == KindCrossSell || kind == KindRenewal
}

// Interaction is an entry of the client communication log.
type Interaction struct {
	ID            int64
	ClientID      int64
	StaffID       int64 // 0: not attributed to anyone
	At            time.Time
	Channel       string
	Kind          string
	ResponseHours *float64 // first-response time; nil when not measured
	ResolvedAt    time.Time
	Satisfaction  int       // 1-5; 0 when the client gave no rating
	Amount        int64     // roubles, for upsell, cross-sell and renewal
	ReportDue     time.Time // for a sent report: when it was due
	Notes         string
}

// InteractionRow is an interaction with the names shown in logs.
type InteractionRow struct {
	Interaction
	ClientName string
	StaffName  string
}

func validateInteraction(in Interaction, ch *checker) {
	if in.ClientID == 0 {
		ch.add("client", "required")
	}
	if in.At.IsZero() {
		ch.add("at", "required")
	}
	ch.oneOf("channel", in.Channel, Channels)
	ch.oneOf("kind", in.Kind, InteractionKinds)
	if in.ResponseHours != nil {
		ch.notNegative("response_hours", *in.ResponseHours)
	}
	ch.notBefore("resolved_at", in.ResolvedAt, in.At)
	if in.Satisfaction != 0 {
		ch.between("satisfaction", float64(in.Satisfaction), 1, 5)
	}
	switch {
	case KindHasAmount(in.Kind) && in.Amount <= 0:
		ch.add("amount", "positive")
	case !KindHasAmount(in.Kind) && in.Amount != 0:
		ch.add("amount", "amount_not_applicable")
	}
	if in.Kind == KindReportSent {
		ch.requiredDate("report_due", in.ReportDue)
	}
}

// SaveInteraction creates (ID 0) or updates a log entry.
func (s *Store) SaveInteraction(ctx context.Context, in Interaction) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveInteraction(in) })
}

// SaveInteraction is Store.SaveInteraction within the transaction.
func (t *Tx) SaveInteraction(in Interaction) (int64, error) {
	ctx := t.ctx
	in.Notes = strings.TrimSpace(in.Notes)
	if in.Kind != KindReportSent {
		in.ReportDue = time.Time{}
	}
	var ch checker
	validateInteraction(in, &ch)
	if err := exists(ctx, t.tx, "clients", in.ClientID, "client", &ch); err != nil {
		return 0, err
	}
	if err := exists(ctx, t.tx, "staff", in.StaffID, "staff", &ch); err != nil {
		return 0, err
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	// The client, time and kind make an entry (imports match on them).
	var same int
	err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM interactions WHERE client_id = ? AND occurred_at = ?
		AND kind = ? AND id <> ?`, in.ClientID, dateTimeValue(in.At), in.Kind, in.ID).Scan(&same)
	if err != nil {
		return 0, err
	}
	if same > 0 {
		ch.add("at", "duplicate_entry")
		return 0, ch.err()
	}
	var staff, amount, satisfaction any
	if in.StaffID != 0 {
		staff = in.StaffID
	}
	if in.Amount != 0 {
		amount = in.Amount
	}
	if in.Satisfaction != 0 {
		satisfaction = in.Satisfaction
	}
	args := []any{staff, dateTimeValue(in.At), in.Channel, in.Kind, in.ResponseHours, dateTimeValue(in.ResolvedAt),
		satisfaction, amount, dateValue(in.ReportDue), in.Notes}
	if in.ID != 0 {
		return in.ID, execOne(ctx, t.tx, `UPDATE interactions SET staff_id = ?, occurred_at = ?, channel = ?, kind = ?,
			response_hours = ?, resolved_at = ?, satisfaction = ?, amount = ?, report_due = ?, notes = ?
			WHERE id = ? AND client_id = ?`, append(args, in.ID, in.ClientID)...)
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO interactions (staff_id, occurred_at, channel, kind,
			response_hours, resolved_at, satisfaction, amount, report_due, notes, client_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, in.ClientID)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// queryInteractions lists log entries matching cond, newest first, at most limit
// of them (0: all).
func (s *Store) queryInteractions(ctx context.Context, cond string, limit int, args ...any) ([]InteractionRow, error) {
	var out []InteractionRow
	err := s.eachInteraction(ctx, cond+" ORDER BY i.occurred_at DESC, i.id DESC", limit, args, func(r InteractionRow) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// EachInteraction streams the whole log, oldest first, to fn (an export of a
// million entries holds one at a time).
func (s *Store) EachInteraction(ctx context.Context, fn func(InteractionRow) error) error {
	return s.eachInteraction(ctx, "1 = 1 ORDER BY i.occurred_at, i.id", 0, nil, fn)
}

func (s *Store) eachInteraction(ctx context.Context, condAndOrder string, limit int, args []any,
	fn func(InteractionRow) error) error {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.read.QueryContext(ctx, `SELECT i.id, i.client_id, coalesce(i.staff_id, 0), i.occurred_at,
			i.channel, i.kind, i.response_hours, i.resolved_at, coalesce(i.satisfaction, 0), coalesce(i.amount, 0),
			i.report_due, i.notes, c.name, coalesce(s.full_name, '')
		FROM interactions i JOIN clients c ON c.id = i.client_id LEFT JOIN staff s ON s.id = i.staff_id
		WHERE `+condAndOrder+` LIMIT ?`, append(args, limit)...)
	if err != nil {
		return s.classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r InteractionRow
		var response sql.NullFloat64
		if err := rows.Scan(&r.ID, &r.ClientID, &r.StaffID, scanTime(&r.At), &r.Channel, &r.Kind, &response,
			scanTime(&r.ResolvedAt), &r.Satisfaction, &r.Amount, scanTime(&r.ReportDue), &r.Notes,
			&r.ClientName, &r.StaffName); err != nil {
			return s.classify(err)
		}
		if response.Valid {
			r.ResponseHours = &response.Float64
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return s.classify(rows.Err())
}

// IsOpenComplaint reports a complaint or escalation not yet resolved.
func (in Interaction) IsOpenComplaint() bool {
	return (in.Kind == KindComplaint || in.Kind == KindEscalation) && in.ResolvedAt.IsZero()
}

// KindsWithResolution are the kinds whose resolution is tracked.
var KindsWithResolution = []string{KindRequest, KindComplaint, KindEscalation}

// TracksResolution reports whether the kind has a "resolved" time.
func TracksResolution(kind string) bool { return slices.Contains(KindsWithResolution, kind) }
