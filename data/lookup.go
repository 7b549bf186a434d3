package data

import (
	"database/sql"
	"errors"
	"strings"
)

// Reads inside a write transaction, so that an import sees the rows it has just
// written (the reader pool sees only committed data).

// People lists everyone ever employed (those who left too), for matching names.
func (t *Tx) People() ([]PersonRef, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, full_name FROM staff ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PersonRef
	for rows.Next() {
		var p PersonRef
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ClientKeys maps every client's ClientNameKey to its id.
func (t *Tx) ClientKeys() (map[string]int64, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT name_key, id FROM clients`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var key string
		var id int64
		if err := rows.Scan(&key, &id); err != nil {
			return nil, err
		}
		out[key] = id
	}
	return out, rows.Err()
}

// Grades lists the grade ladder.
func (t *Tx) Grades() ([]GradeLevel, error) { return grades(t.ctx, t.tx) }

// GetStaff loads a person.
func (t *Tx) GetStaff(id int64) (Staff, error) { return getStaff(t.ctx, t.tx, id) }

// GetClient loads a client.
func (t *Tx) GetClient(id int64) (Client, error) { return getClient(t.ctx, t.tx, id) }

// ClientTeam is who serves a client now (0: nobody).
func (t *Tx) ClientTeam(clientID int64) (lead, backup int64, err error) {
	l, err := currentAssignment(t.ctx, t.tx, clientID, RoleLead)
	if err != nil {
		return 0, 0, err
	}
	b, err := currentAssignment(t.ctx, t.tx, clientID, RoleBackup)
	return l.StaffID, b.StaffID, err
}

// ContactByName finds a client's contact by name, ignoring case.
func (t *Tx) ContactByName(clientID int64, name string) (Contact, bool, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id, client_id, name, role, email, phone, decision_maker
		FROM contacts WHERE client_id = ?`, clientID)
	if err != nil {
		return Contact{}, false, err
	}
	defer rows.Close()
	want := fold(strings.Join(strings.Fields(name), " "))
	for rows.Next() {
		var c Contact
		if err := rows.Scan(&c.ID, &c.ClientID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.DecisionMaker); err != nil {
			return Contact{}, false, err
		}
		if fold(c.Name) == want {
			return c, true, nil
		}
	}
	return Contact{}, false, rows.Err()
}

// ContractByNumber finds a client's contract by its number.
func (t *Tx) ContractByNumber(clientID int64, number string) (Contract, bool, error) {
	var k Contract
	err := t.tx.QueryRowContext(t.ctx, `SELECT id, client_id, number, start_date, end_date, monthly_fee, status,
			renewal_notice_days, sla_hours, report_frequency, report_workday
		FROM contracts WHERE client_id = ? AND number = ?`, clientID, strings.TrimSpace(number)).
		Scan(&k.ID, &k.ClientID, &k.Number, scanTime(&k.Start), scanTime(&k.End), &k.MonthlyFee, &k.Status,
			&k.RenewalNoticeDays, &k.SLAHours, &k.ReportFrequency, &k.ReportWorkday)
	if errors.Is(err, sql.ErrNoRows) {
		return Contract{}, false, nil
	}
	return k, err == nil, err
}

// FindAssignment finds the assignment of a person to a client in a role that
// started on a date (a start that is only a guess does not count: see AddAssignment).
func (t *Tx) FindAssignment(a Assignment) (Assignment, bool, error) {
	found := a
	err := t.tx.QueryRowContext(t.ctx, `SELECT id, end_date FROM assignments
		WHERE client_id = ? AND staff_id = ? AND role = ? AND start_date = ? AND start_guessed = 0`,
		a.ClientID, a.StaffID, a.Role, dateValue(a.Start)).Scan(&found.ID, scanTime(&found.End))
	if errors.Is(err, sql.ErrNoRows) {
		return Assignment{}, false, nil
	}
	return found, err == nil, err
}
