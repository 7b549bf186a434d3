package data

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"
)

// ClientStatus is where a client relationship stands.
type ClientStatus string

const (
	ClientProspect ClientStatus = "prospect"
	ClientActive   ClientStatus = "active"
	ClientPaused   ClientStatus = "paused"
	ClientChurned  ClientStatus = "churned"
)

// ClientStatuses lists the statuses in display order.
var ClientStatuses = []ClientStatus{ClientProspect, ClientActive, ClientPaused, ClientChurned}

// Tiers are the client categories, A being the most important.
var Tiers = []string{"A", "B", "C"}

// Services are the agency services a client can use (codes; the UI translates them).
var Services = []string{"media_buying", "creative", "analytics", "smm", "seo", "pr", "content", "web", "events"}

// Client is an advertiser the department serves.
type Client struct {
	ID            int64
	Name          string
	Industry      string
	Tier          string
	Status        ClientStatus
	ChurnDate     time.Time // set when Status is ClientChurned
	ChurnReason   string
	MonthlyBudget int64 // roubles
	Services      []string
	Complexity    int // 1-5
	StartDate     time.Time
	Notes         string
	DocContract   string // links or paths to documents
	DocBrief      string
	DocReporting  string
	ArchivedOn    time.Time
}

// Served reports whether the client must have a lead (active or paused).
func (c Client) Served() bool { return c.Status == ClientActive || c.Status == ClientPaused }

// PersonRef names a staff member in lists.
type PersonRef struct {
	ID   int64
	Name string
}

// ClientRow is a line of the client list.
type ClientRow struct {
	Client
	Lead        PersonRef
	Backup      PersonRef
	ContractEnd time.Time // end of the current active contract, if any
}

// ClientFilter narrows the client list. Zero value: every client not archived.
type ClientFilter struct {
	Search    string // part of the name, industry or notes
	Statuses  []ClientStatus
	Tier      string
	ManagerID int64 // lead or backup now
	// ContractEndsWithin keeps clients whose active contract ends in the next N days.
	ContractEndsWithin int
	// OverdueComplaints keeps clients with complaints open longer than their SLA.
	OverdueComplaints bool
	Archived          bool // true: only archived clients
	WithArchived      bool // true: archived clients and the others alike
}

const clientColumns = `c.id, c.name, c.industry, c.tier, c.status, c.churn_date, c.churn_reason, c.monthly_budget,
	c.complexity, c.start_date, c.notes, c.doc_contract, c.doc_brief, c.doc_reporting, c.archived_on,
	coalesce((SELECT group_concat(service) FROM client_services cs WHERE cs.client_id = c.id), '')`

func clientScanArgs(c *Client, services *string) []any {
	return []any{&c.ID, &c.Name, &c.Industry, &c.Tier, &c.Status, scanTime(&c.ChurnDate), &c.ChurnReason,
		&c.MonthlyBudget, &c.Complexity, scanTime(&c.StartDate), &c.Notes, &c.DocContract, &c.DocBrief,
		&c.DocReporting, scanTime(&c.ArchivedOn), services}
}

func splitServices(s string) []string {
	if s == "" {
		return nil
	}
	list := strings.Split(s, ",")
	slices.Sort(list)
	return list
}

// overdueComplaintsSQL counts, per client, complaints and escalations still open
// longer than the first-response SLA of the client's active contract (24 h without
// one). The only parameter is "now" as 'YYYY-MM-DD HH:MM'.
// The planner is told to use the partial index of open complaints: left to itself
// it walks every complaint ever logged (100 ms instead of 5 on the large demo).
const overdueComplaintsSQL = `SELECT i.client_id, count(*) AS n FROM interactions i INDEXED BY interactions_open_complaints
	LEFT JOIN (SELECT client_id, min(sla_hours) AS sla FROM contracts WHERE status = 'active' GROUP BY client_id) k
		ON k.client_id = i.client_id
	WHERE i.kind IN ('complaint', 'escalation') AND i.resolved_at IS NULL
		AND datetime(i.occurred_at, '+' || CAST(coalesce(k.sla, 24) * 60 AS INTEGER) || ' minutes') < datetime(?)
	GROUP BY i.client_id`

// ListClients returns the clients matching f with their current lead, backup and
// contract end, in one query.
func (s *Store) ListClients(ctx context.Context, f ClientFilter) ([]ClientRow, error) {
	now := s.now()
	var w where
	if f.OverdueComplaints {
		w.add("c.id IN (SELECT client_id FROM ("+overdueComplaintsSQL+"))", now.Format(DateTimeLayout))
	}
	switch {
	case f.WithArchived:
	case f.Archived:
		w.add("c.archived_on IS NOT NULL")
	default:
		w.add("c.archived_on IS NULL")
	}
	if len(f.Statuses) > 0 {
		whereIn(&w, "c.status", f.Statuses)
	}
	if f.Tier != "" {
		w.add("c.tier = ?", f.Tier)
	}
	if f.ManagerID != 0 {
		w.add("(la.staff_id = ? OR ba.staff_id = ?)", f.ManagerID, f.ManagerID)
	}
	if f.ContractEndsWithin > 0 {
		today := DateOf(now)
		w.add(`c.id IN (SELECT client_id FROM contracts WHERE status = 'active' AND end_date BETWEEN ? AND ?)`,
			dateValue(today), dateValue(today.AddDate(0, 0, f.ContractEndsWithin)))
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		w.search(q, "c.search_key")
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+clientColumns+`,
			coalesce(la.staff_id, 0), coalesce(ls.full_name, ''),
			coalesce(ba.staff_id, 0), coalesce(bs.full_name, ''), k.end_date
		FROM clients c
		LEFT JOIN assignments la ON la.client_id = c.id AND la.role = 'lead' AND la.end_date IS NULL
		LEFT JOIN staff ls ON ls.id = la.staff_id
		LEFT JOIN assignments ba ON ba.client_id = c.id AND ba.role = 'backup' AND ba.end_date IS NULL
		LEFT JOIN staff bs ON bs.id = ba.staff_id
		LEFT JOIN (SELECT client_id, max(end_date) AS end_date FROM contracts WHERE status = 'active'
			GROUP BY client_id) k ON k.client_id = c.id
		`+w.sql(), w.args...)
	if err != nil {
		return nil, s.classify(err)
	}
	defer rows.Close()
	var out []ClientRow
	for rows.Next() {
		var r ClientRow
		var services string
		args := append(clientScanArgs(&r.Client, &services),
			&r.Lead.ID, &r.Lead.Name, &r.Backup.ID, &r.Backup.Name, scanTime(&r.ContractEnd))
		if err := rows.Scan(args...); err != nil {
			return nil, s.classify(err)
		}
		r.Services = splitServices(services)
		out = append(out, r)
	}
	sortByName(out, func(r *ClientRow) string { return r.Name }, func(r *ClientRow) int64 { return r.ID })
	return out, s.classify(rows.Err())
}

// ActiveBudget sums the monthly budgets of the active clients among rows.
func ActiveBudget(rows []ClientRow) int64 {
	var sum int64
	for _, r := range rows {
		if r.Status == ClientActive {
			sum += r.MonthlyBudget
		}
	}
	return sum
}

// GetClient loads one client.
func (s *Store) GetClient(ctx context.Context, id int64) (Client, error) {
	c, err := getClient(ctx, s.read, id)
	return c, s.classify(err)
}

// queryRower and queryer are what the store's reader pool and a transaction share.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func getClient(ctx context.Context, q queryRower, id int64) (Client, error) {
	var c Client
	var services string
	err := q.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, id).
		Scan(clientScanArgs(&c, &services)...)
	c.Services = splitServices(services)
	return c, notFound(err)
}

// Industries lists the industries in use, for suggestions.
func (s *Store) Industries(ctx context.Context) ([]string, error) {
	industries, err := queryStrings(ctx, s, `SELECT DISTINCT industry FROM clients WHERE industry <> ''`)
	sortFolded(industries)
	return industries, err
}

func normalizeClient(c *Client) {
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.Industry = strings.TrimSpace(c.Industry)
	c.ChurnReason = strings.TrimSpace(c.ChurnReason)
	if c.Status != ClientChurned {
		c.ChurnDate, c.ChurnReason = time.Time{}, ""
	}
	slices.Sort(c.Services)
	c.Services = slices.Compact(c.Services)
}

// validateTeam: a served client needs a lead, and the backup is someone else.
func validateTeam(c Client, team ClientTeam, ch *checker) {
	if c.Served() && team.LeadID == 0 {
		ch.add("lead", "required")
	}
	if team.BackupID != 0 && team.BackupID == team.LeadID {
		ch.add("backup", "backup_is_lead")
	}
}

func validateClient(c Client, ch *checker) {
	ch.required("name", c.Name)
	ch.oneOf("tier", c.Tier, Tiers)
	ch.oneOf("status", string(c.Status), []string{string(ClientProspect), string(ClientActive),
		string(ClientPaused), string(ClientChurned)})
	if c.Status == ClientChurned {
		ch.requiredDate("churn_date", c.ChurnDate)
		ch.required("churn_reason", c.ChurnReason)
	}
	ch.notNegative("monthly_budget", float64(c.MonthlyBudget))
	ch.between("complexity", float64(c.Complexity), 1, 5)
	ch.requiredDate("start_date", c.StartDate)
	ch.notBefore("churn_date", c.ChurnDate, c.StartDate)
	for _, svc := range c.Services {
		if !slices.Contains(Services, svc) {
			ch.add("services", "invalid_choice")
			break
		}
	}
}

// ClientTeam names who serves a client when it is saved: the lead (required for an
// active or paused client), an optional backup (0: none) and, for an existing client,
// the date a change of either takes effect (default today).
type ClientTeam struct {
	LeadID   int64
	BackupID int64
	From     time.Time
}

// SaveClient creates (ID 0) or updates a client together with its lead and backup,
// in one transaction. A client that becomes churned has its assignments closed on
// the churn date.
func (s *Store) SaveClient(ctx context.Context, c Client, team ClientTeam) (int64, error) {
	return save(s, ctx, func(t *Tx) (int64, error) { return t.SaveClient(c, team) })
}

// SaveClient is Store.SaveClient within the transaction.
func (t *Tx) SaveClient(c Client, team ClientTeam) (int64, error) {
	normalizeClient(&c)
	var ch checker
	validateClient(c, &ch)
	validateTeam(c, team, &ch)
	today := t.s.Today()
	if team.From.IsZero() {
		team.From = today
	}
	if team.From.After(today) {
		ch.add("from", "in_future")
	}
	if err := checkNameFree(t.ctx, t.tx, c, &ch); err != nil {
		return 0, err
	}
	if c.ID == 0 {
		err := insertClient(t.ctx, t.tx, &c, team, &ch)
		return c.ID, err
	}
	return c.ID, updateClient(t.ctx, t.tx, c, team, &ch)
}

func checkNameFree(ctx context.Context, tx *sql.Tx, c Client, ch *checker) error {
	if c.Name == "" {
		return nil
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM clients WHERE name_key = ? AND id <> ?`,
		ClientNameKey(c.Name), c.ID).Scan(&n)
	if err != nil {
		return err
	}
	if n > 0 {
		ch.add("name", "duplicate")
	}
	return nil
}

func insertClient(ctx context.Context, tx *sql.Tx, c *Client, team ClientTeam, ch *checker) error {
	if err := ch.err(); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO clients (name, industry, tier, status, churn_date, churn_reason,
			monthly_budget, complexity, start_date, notes, doc_contract, doc_brief, doc_reporting, name_key, search_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Name, c.Industry, c.Tier, c.Status, dateValue(c.ChurnDate), c.ChurnReason, c.MonthlyBudget,
		c.Complexity, dateValue(c.StartDate), c.Notes, c.DocContract, c.DocBrief, c.DocReporting,
		ClientNameKey(c.Name), ClientSearchKey(*c))
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := writeServices(ctx, tx, c.ID, c.Services); err != nil {
		return err
	}
	if err := recordPeriods(ctx, tx, Client{}, *c, c.StartDate); err != nil {
		return err
	}
	if err := recordBudget(ctx, tx, Client{}, *c, c.StartDate); err != nil {
		return err
	}
	if c.Status == ClientChurned {
		return nil // a client entered as already lost has no one serving it
	}
	// A new client's team starts with the client, or when the person was hired if later.
	for _, slot := range []struct {
		role  Role
		staff int64
	}{{RoleLead, team.LeadID}, {RoleBackup, team.BackupID}} {
		if slot.staff == 0 {
			continue
		}
		if err := openAssignment(ctx, tx, c.ID, slot.role, slot.staff, c.StartDate, true, ch); err != nil {
			return err
		}
	}
	return ch.err()
}

func updateClient(ctx context.Context, tx *sql.Tx, c Client, team ClientTeam, ch *checker) error {
	old, err := getClient(ctx, tx, c.ID)
	if err != nil {
		return err
	}
	if c.Status == ClientChurned {
		if err := checkChurnDate(ctx, tx, c, ch); err != nil {
			return err
		}
	}
	var firstServed time.Time // the client's start may not come after its first assignment
	if err := tx.QueryRowContext(ctx, `SELECT min(start_date) FROM assignments WHERE client_id = ?`, c.ID).
		Scan(scanTime(&firstServed)); err != nil {
		return err
	}
	ch.notAfter("start_date", c.StartDate, firstServed)
	checkReturn(old, c, team.From, ch)
	if err := ch.err(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE clients SET name = ?, industry = ?, tier = ?, status = ?, churn_date = ?,
			churn_reason = ?, monthly_budget = ?, complexity = ?, start_date = ?, notes = ?, doc_contract = ?,
			doc_brief = ?, doc_reporting = ?, name_key = ?, search_key = ? WHERE id = ?`,
		c.Name, c.Industry, c.Tier, c.Status, dateValue(c.ChurnDate), c.ChurnReason, c.MonthlyBudget,
		c.Complexity, dateValue(c.StartDate), c.Notes, c.DocContract, c.DocBrief, c.DocReporting,
		ClientNameKey(c.Name), ClientSearchKey(c), c.ID)
	if err != nil {
		return err
	}
	if err := writeServices(ctx, tx, c.ID, c.Services); err != nil {
		return err
	}
	if err := recordPeriods(ctx, tx, old, c, team.From); err != nil {
		return err
	}
	if err := recordBudget(ctx, tx, old, c, team.From); err != nil {
		return err
	}
	switch {
	case c.Status == ClientChurned && old.Status != ClientChurned:
		return endAssignments(ctx, tx, c.ID, c.ChurnDate)
	case c.Status == ClientChurned:
		return nil
	}
	if err := reassignTx(ctx, tx, c.ID, RoleLead, team.LeadID, team.From, ch); err != nil {
		return err
	}
	if err := reassignTx(ctx, tx, c.ID, RoleBackup, team.BackupID, team.From, ch); err != nil {
		return err
	}
	return ch.err()
}

// checkChurnDate: the churn date closes the open assignments, so it cannot precede them.
func checkChurnDate(ctx context.Context, tx *sql.Tx, c Client, ch *checker) error {
	if c.ChurnDate.IsZero() {
		return nil
	}
	var latest time.Time
	err := tx.QueryRowContext(ctx, `SELECT max(start_date) FROM assignments WHERE client_id = ? AND end_date IS NULL`,
		c.ID).Scan(scanTime(&latest))
	if err != nil {
		return err
	}
	ch.notBefore("churn_date", c.ChurnDate, latest)
	return nil
}

func writeServices(ctx context.Context, tx *sql.Tx, clientID int64, services []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM client_services WHERE client_id = ?`, clientID); err != nil {
		return err
	}
	for _, svc := range services {
		if _, err := tx.ExecContext(ctx, `INSERT INTO client_services (client_id, service) VALUES (?, ?)`,
			clientID, svc); err != nil {
			return err
		}
	}
	return nil
}

// ArchiveClient hides a client from the working lists. An active or paused client is
// recorded as churned on churnDate with the reason, and its assignments end then.
// All of it happens in one transaction.
func (s *Store) ArchiveClient(ctx context.Context, id int64, churnDate time.Time, reason string) error {
	today := s.Today()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := getClient(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Served() {
			if err := churnTx(ctx, tx, c, churnDate, reason); err != nil {
				return err
			}
		}
		if err := endAssignments(ctx, tx, id, today); err != nil { // a prospect's team
			return err
		}
		return execOne(ctx, tx, `UPDATE clients SET archived_on = ? WHERE id = ?`, dateValue(today), id)
	})
}

// churnTx records a served client as lost on a date for a reason and ends its
// assignments on that date.
func churnTx(ctx context.Context, tx *sql.Tx, c Client, churnDate time.Time, reason string) error {
	c.Status, c.ChurnDate, c.ChurnReason = ClientChurned, churnDate, reason
	normalizeClient(&c)
	var ch checker
	validateClient(c, &ch)
	if err := checkChurnDate(ctx, tx, c, &ch); err != nil {
		return err
	}
	if err := ch.err(); err != nil {
		return err
	}
	if err := execOne(ctx, tx, `UPDATE clients SET status = ?, churn_date = ?, churn_reason = ? WHERE id = ?`,
		c.Status, dateValue(c.ChurnDate), c.ChurnReason, c.ID); err != nil {
		return err
	}
	if err := recordChurn(ctx, tx, c.ID, c.ChurnDate); err != nil {
		return err
	}
	return endAssignments(ctx, tx, c.ID, c.ChurnDate)
}

// RestoreClient brings an archived client back to the working lists.
func (s *Store) RestoreClient(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE clients SET archived_on = NULL WHERE id = ?`, id)
	})
}
