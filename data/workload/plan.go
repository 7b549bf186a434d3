package workload

import (
	"math"
	"time"

	"leadboard/data"
)

// Move gives a client's role to another person.
type Move struct {
	ClientID int64
	Role     data.Role // data.RoleLead or data.RoleBackup
	From     int64     // who holds the role when the move is planned (0: nobody)
	To       int64     // who takes it (0: nobody; only a backup can be removed)
}

// Locks are clients and managers a plan must not move (a locked manager neither
// gives nor receives clients).
type Locks struct{ Clients, Managers map[int64]bool }

// client reports whether the client is locked; a nil map locks nothing.
func (l Locks) client(id int64) bool { return l.Clients[id] }

// manager reports whether the manager is locked; nobody (0) never is.
func (l Locks) manager(id int64) bool { return id != 0 && l.Managers[id] }

// Apply returns the snapshot after the moves, leaving s untouched. Moves are applied
// in order, as the store would: a lead moved onto the client's current backup leaves
// the client without a backup; a move the store refuses changes nothing (a lead
// given to nobody, a backup given to the client's lead, a role other than lead or
// backup, a client not in the snapshot).
func (s Snapshot) Apply(moves []Move) Snapshot {
	out := s
	out.Managers = append([]Manager(nil), s.Managers...)
	out.Clients = append([]Client(nil), s.Clients...)
	if len(moves) == 0 {
		return out
	}
	index := planClientIndex(out.Clients)
	for _, m := range moves {
		i, ok := index[m.ClientID]
		if !ok {
			continue
		}
		applyMove(&out.Clients[i], m)
	}
	return out
}

// applyMove changes the client's lead or backup as the store would; false when the
// store would refuse the move.
func applyMove(c *Client, m Move) bool {
	switch m.Role {
	case data.RoleLead:
		if m.To == 0 {
			return false
		}
		if m.To == c.Backup {
			c.Backup = 0
		}
		c.Lead = m.To
	case data.RoleBackup:
		if m.To != 0 && m.To == c.Lead {
			return false
		}
		c.Backup = m.To
	default:
		return false
	}
	return true
}

func planClientIndex(clients []Client) map[int64]int {
	index := make(map[int64]int, len(clients))
	for i, c := range clients {
		index[c.ID] = i
	}
	return index
}

// Warning flags a risky move, in codes the UI translates. Params name the client
// ("Client") and the receiving manager ("Manager") by name, and add what the code
// needs (see the codes).
type Warning struct {
	Move   Move
	Code   string
	Params map[string]any
}

// Warning codes.
const (
	// WarnTierAToJunior: a tier A client's lead or backup goes to a junior.
	WarnTierAToJunior = "tier_a_to_junior"
	// WarnBackupIsLead: the backup would be the client's lead (the store refuses it;
	// Apply skips the move).
	WarnBackupIsLead = "backup_is_lead"
	// WarnRenewalSoon: the client's contract ends (Client.Renewal) within 30 days of
	// s.AsOf. Params: "Date" (time.Time), "Days" (int, days left).
	WarnRenewalSoon = "renewal_soon"
	// WarnOntoLeave: the receiver is on leave.
	WarnOntoLeave = "onto_leave"
	// WarnOverCapacity: the receiver is over OverAbove after all the moves (or
	// carries load without any capacity while not on leave). Params: "Load",
	// "Capacity" and, with capacity, "Utilization" (per cent).
	WarnOverCapacity = "over_capacity"
	// WarnLocked: the client, the giver or the receiver is locked; "Manager" names
	// the locked manager when it is one.
	WarnLocked = "locked"
	// WarnStale: someone else holds the role now than when the move was planned (a
	// draft kept while the data changed); applying the plan would be refused.
	WarnStale = "stale"
)

// renewalWindow is how close a contract's end makes a client's move risky.
const renewalWindow = 30 // days

// juniorGrade is the grade code that must not take tier A clients.
const juniorGrade = "junior"

// tierA is the most important tier.
const tierA = "A"

// renewalSoon reports whether the client's contract ends within renewalWindow days
// of asOf (an end already passed counts as soon), and how many days are left.
func renewalSoon(c Client, asOf time.Time) (bool, int) {
	if c.Renewal.IsZero() {
		return false, 0
	}
	day := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, c.Renewal.Location())
	days := int(math.Round(c.Renewal.Sub(day).Hours() / 24))
	return days <= renewalWindow, days
}

// Warnings flags the risky moves of a plan, in the order of the moves and, for each
// move, in the order of the codes above. Each move is judged on the snapshot as the
// moves before it left it; over_capacity is judged after all of them.
func (s Snapshot) Warnings(moves []Move, locks Locks) []Warning {
	if len(moves) == 0 {
		return nil
	}
	managers := make(map[int64]Manager, len(s.Managers))
	for _, m := range s.Managers {
		managers[m.ID] = m
	}
	clients := append([]Client(nil), s.Clients...)
	index := planClientIndex(clients)
	after := s.Apply(moves).Loads()
	over := make(map[int64]Load)
	for _, l := range after {
		u := l.Utilization()
		if (l.Capacity > 0 && s.Coeffs.BandOf(u) == BandOver) || (l.Capacity <= 0 && !l.OnLeave && l.Points() > 0) {
			over[l.ID] = l
		}
	}
	var out []Warning
	for _, mv := range moves {
		i, ok := index[mv.ClientID]
		if !ok {
			continue
		}
		c := &clients[i]
		to, known := managers[mv.To]
		add := func(code string, params map[string]any) {
			p := map[string]any{"Client": c.Name}
			if known {
				p["Manager"] = to.Name
			}
			for k, v := range params {
				p[k] = v
			}
			out = append(out, Warning{Move: mv, Code: code, Params: p})
		}
		holder := c.Lead
		if mv.Role == data.RoleBackup {
			holder = c.Backup
		}
		if holder != mv.From {
			add(WarnStale, nil) // the role changed hands since the move was planned
		}
		if mv.To != 0 && c.Tier == tierA && known && to.Grade.Code == juniorGrade {
			add(WarnTierAToJunior, nil)
		}
		if mv.Role == data.RoleBackup && mv.To != 0 && mv.To == c.Lead {
			add(WarnBackupIsLead, nil)
		}
		if soon, days := renewalSoon(*c, s.AsOf); soon {
			add(WarnRenewalSoon, map[string]any{"Date": c.Renewal, "Days": days})
		}
		if mv.To != 0 && known && to.OnLeave {
			add(WarnOntoLeave, nil)
		}
		if l, ok := over[mv.To]; ok && mv.To != 0 {
			p := map[string]any{"Load": l.Points(), "Capacity": l.Capacity}
			if l.Capacity > 0 {
				p["Utilization"] = l.Utilization()
			}
			add(WarnOverCapacity, p)
		}
		if locks.client(c.ID) {
			add(WarnLocked, nil)
		}
		for _, id := range []int64{mv.From, mv.To} {
			if locks.manager(id) {
				add(WarnLocked, map[string]any{"Manager": managers[id].Name})
			}
		}
		applyMove(c, mv)
	}
	return out
}

// Outcome sums a plan up: before/after totals (Coefficients.TotalsOf on Loads()).
type Outcome struct {
	Before, After Totals
	Moves         int
}

// Outcome compares the department's totals before and after the moves.
func (s Snapshot) Outcome(moves []Move) Outcome {
	return Outcome{
		Before: s.Coeffs.TotalsOf(s.Loads()),
		After:  s.Coeffs.TotalsOf(s.Apply(moves).Loads()),
		Moves:  len(moves),
	}
}
