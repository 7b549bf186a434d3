package data

import (
	"context"
	"strings"
	"time"
)

// ContractStatus is the state of a contract.
type ContractStatus string

const (
	ContractDraft      ContractStatus = "draft"
	ContractActive     ContractStatus = "active"
	ContractEnded      ContractStatus = "ended"
	ContractTerminated ContractStatus = "terminated"
)

// ContractStatuses lists the statuses in display order.
var ContractStatuses = []ContractStatus{ContractDraft, ContractActive, ContractEnded, ContractTerminated}

// ReportFrequencies are the reporting obligations a contract can carry.
var ReportFrequencies = []string{"none", "weekly", "biweekly", "monthly", "quarterly"}

// Contract is an agreement with a client and the obligations it sets.
type Contract struct {
	ID                int64
	ClientID          int64
	Number            string
	Start             time.Time
	End               time.Time // zero: open-ended
	MonthlyFee        int64     // roubles
	Status            ContractStatus
	RenewalNoticeDays int
	SLAHours          float64 // first-response time promised to the client
	ReportFrequency   string
	ReportWorkday     int    // the working day of the following period on which the report is due
	ClientName        string // filled by lists; not saved
}

// Contracts lists a client's contracts (every client's for 0), newest first.
func (s *Store) Contracts(ctx context.Context, clientID int64) ([]Contract, error) {
	var w where
	if clientID != 0 { // a condition, not "? = 0 OR ...": that would keep SQLite off the index
		w.add("k.client_id = ?", clientID)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT k.id, k.client_id, k.number, k.start_date, k.end_date, k.monthly_fee,
			k.status, k.renewal_notice_days, k.sla_hours, k.report_frequency, k.report_workday, c.name
		FROM contracts k JOIN clients c ON c.id = k.client_id
		`+w.sql()+` ORDER BY c.name_key, k.start_date DESC`, w.args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []Contract
	for rows.Next() {
		var k Contract
		if err := rows.Scan(&k.ID, &k.ClientID, &k.Number, scanTime(&k.Start), scanTime(&k.End), &k.MonthlyFee,
			&k.Status, &k.RenewalNoticeDays, &k.SLAHours, &k.ReportFrequency, &k.ReportWorkday, &k.ClientName); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, k)
	}
	return out, s.classify(rows.Err())
}

func validateContract(k Contract, ch *checker) {
	if k.ClientID == 0 {
		ch.add("client", "required")
	}
	ch.required("number", k.Number)
	ch.requiredDate("start", k.Start)
	ch.notBefore("end", k.End, k.Start)
	ch.notNegative("monthly_fee", float64(k.MonthlyFee))
	ch.oneOf("status", string(k.Status), []string{string(ContractDraft), string(ContractActive),
		string(ContractEnded), string(ContractTerminated)})
	ch.between("renewal_notice_days", float64(k.RenewalNoticeDays), 0, 365)
	ch.between("sla_hours", k.SLAHours, 0.5, 720)
	ch.oneOf("report_frequency", k.ReportFrequency, ReportFrequencies)
	ch.between("report_workday", float64(k.ReportWorkday), 1, 20)
}

// SaveContract creates (ID 0) or updates a contract.
func (s *Store) SaveContract(ctx context.Context, k Contract) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveContract(k) })
}

// SaveContract is Store.SaveContract within the transaction.
func (t *Tx) SaveContract(k Contract) (int64, error) {
	ctx := t.ctx
	k.Number = strings.TrimSpace(k.Number)
	var ch checker
	validateContract(k, &ch)
	if err := exists(ctx, t.tx, "clients", k.ClientID, "client", &ch); err != nil {
		return 0, err
	}
	if k.Number != "" {
		var n int
		err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM contracts WHERE client_id = ? AND number = ? AND id <> ?`,
			k.ClientID, k.Number, k.ID).Scan(&n)
		if err != nil {
			return 0, err
		}
		if n > 0 {
			ch.add("number", "duplicate")
		}
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	args := []any{k.Number, dateValue(k.Start), dateValue(k.End), k.MonthlyFee, k.Status, k.RenewalNoticeDays,
		k.SLAHours, k.ReportFrequency, k.ReportWorkday}
	if k.ID != 0 {
		return k.ID, execOne(ctx, t.tx, `UPDATE contracts SET number = ?, start_date = ?, end_date = ?, monthly_fee = ?,
			status = ?, renewal_notice_days = ?, sla_hours = ?, report_frequency = ?, report_workday = ?
			WHERE id = ? AND client_id = ?`, append(args, k.ID, k.ClientID)...)
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO contracts (number, start_date, end_date, monthly_fee, status,
			renewal_notice_days, sla_hours, report_frequency, report_workday, client_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, k.ClientID)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}
