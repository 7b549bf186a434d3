package data

import (
	"context"
	"database/sql"
	"strings"
)

// Contact is a person on the client's side.
type Contact struct {
	ID            int64
	ClientID      int64
	Name          string
	Role          string
	Email         string
	Phone         string
	DecisionMaker bool
}

// Contacts lists a client's contacts, decision makers first.
func (s *Store) Contacts(ctx context.Context, clientID int64) ([]Contact, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, client_id, name, role, email, phone, decision_maker
		FROM contacts WHERE client_id = ? ORDER BY decision_maker DESC, name`, clientID)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		var c Contact
		if err := rows.Scan(&c.ID, &c.ClientID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.DecisionMaker); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, c)
	}
	return out, s.classify(rows.Err())
}

// SaveContact creates (ID 0) or updates a contact.
func (s *Store) SaveContact(ctx context.Context, c Contact) (int64, error) {
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Role, c.Email, c.Phone = strings.TrimSpace(c.Role), strings.TrimSpace(c.Email), strings.TrimSpace(c.Phone)
	var ch checker
	if c.ClientID == 0 {
		ch.add("client", "required")
	}
	ch.required("name", c.Name)
	ch.email("email", c.Email)
	ch.phone("phone", c.Phone)
	if err := exists(ctx, s.read, "clients", c.ClientID, "client", &ch); err != nil {
		return 0, s.classify(err)
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if c.ID != 0 {
			return execOne(ctx, tx, `UPDATE contacts SET name = ?, role = ?, email = ?, phone = ?, decision_maker = ?
				WHERE id = ? AND client_id = ?`, c.Name, c.Role, c.Email, c.Phone, c.DecisionMaker, c.ID, c.ClientID)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO contacts (client_id, name, role, email, phone, decision_maker)
			VALUES (?, ?, ?, ?, ?, ?)`, c.ClientID, c.Name, c.Role, c.Email, c.Phone, c.DecisionMaker)
		if err != nil {
			return err
		}
		c.ID, err = res.LastInsertId()
		return err
	})
	return c.ID, err
}

// DeleteContact removes a contact (contacts carry no history of their own).
func (s *Store) DeleteContact(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `DELETE FROM contacts WHERE id = ?`, id)
	})
}
