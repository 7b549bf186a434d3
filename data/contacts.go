package data

import (
	"context"
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
	ClientName    string // filled by lists; not saved
}

// Contacts lists a client's contacts (every client's for 0), decision makers first.
func (s *Store) Contacts(ctx context.Context, clientID int64) ([]Contact, error) {
	var w where
	if clientID != 0 { // a condition, not "? = 0 OR ...": that would keep SQLite off the index
		w.add("k.client_id = ?", clientID)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT k.id, k.client_id, k.name, k.role, k.email, k.phone,
			k.decision_maker, c.name
		FROM contacts k JOIN clients c ON c.id = k.client_id
		`+w.sql()+` ORDER BY c.name_key, k.decision_maker DESC, k.name`, w.args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		var c Contact
		if err := rows.Scan(&c.ID, &c.ClientID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.DecisionMaker,
			&c.ClientName); err != nil {
			return nil, s.classify(err)
		}
		out = append(out, c)
	}
	return out, s.classify(rows.Err())
}

// SaveContact creates (ID 0) or updates a contact.
func (s *Store) SaveContact(ctx context.Context, c Contact) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveContact(c) })
}

// SaveContact is Store.SaveContact within the transaction.
func (t *Tx) SaveContact(c Contact) (int64, error) {
	ctx := t.ctx
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Role, c.Email, c.Phone = strings.TrimSpace(c.Role), strings.TrimSpace(c.Email), strings.TrimSpace(c.Phone)
	var ch checker
	if c.ClientID == 0 {
		ch.add("client", "required")
	}
	ch.required("name", c.Name)
	ch.email("email", c.Email)
	ch.phone("phone", c.Phone)
	if err := exists(ctx, t.tx, "clients", c.ClientID, "client", &ch); err != nil {
		return 0, err
	}
	if err := ch.err(); err != nil {
		return 0, err
	}
	if c.ID != 0 {
		return c.ID, execOne(ctx, t.tx, `UPDATE contacts SET name = ?, role = ?, email = ?, phone = ?, decision_maker = ?
			WHERE id = ? AND client_id = ?`, c.Name, c.Role, c.Email, c.Phone, c.DecisionMaker, c.ID, c.ClientID)
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO contacts (client_id, name, role, email, phone, decision_maker)
		VALUES (?, ?, ?, ?, ?, ?)`, c.ClientID, c.Name, c.Role, c.Email, c.Phone, c.DecisionMaker)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// DeleteContact removes a contact (contacts carry no history of their own).
func (s *Store) DeleteContact(ctx context.Context, id int64) error {
	return s.Update(ctx, func(t *Tx) error {
		return execOne(ctx, t.tx, `DELETE FROM contacts WHERE id = ?`, id)
	})
}
