package workload_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"leadboard/data"
	"leadboard/data/workload"
)

// checkRules verifies a plan against the rules on the snapshot it was made for:
// moves of roles the snapshot's holders have, each client at most once, nothing
// locked, nothing to someone on leave or without capacity, no tier A client to a
// junior, no renewing client moved (unless leaving), and on the applied snapshot
// every client keeps a lead who is not its backup.
func checkRules(t *testing.T, s workload.Snapshot, locks workload.Locks, moves []workload.Move, leaving int64) {
	t.Helper()
	managers := map[int64]workload.Manager{}
	for _, m := range s.Managers {
		managers[m.ID] = m
	}
	seen := map[int64]bool{}
	for _, mv := range moves {
		c := byID(s, mv.ClientID)
		if seen[c.ID] {
			t.Errorf("%+v: client moved twice", mv)
		}
		seen[c.ID] = true
		holder := c.Lead
		if mv.Role == data.RoleBackup {
			holder = c.Backup
		} else if mv.Role != data.RoleLead {
			t.Errorf("%+v: role", mv)
		}
		if leaving == 0 && mv.Role == data.RoleLead && mv.To != 0 && mv.To == c.Backup {
			t.Errorf("%+v: the lead goes to the backup, who stops being it", mv)
		}
		if mv.From != holder || mv.To == mv.From {
			t.Errorf("%+v: the client's %s is %d", mv, mv.Role, holder)
		}
		if locks.Clients[c.ID] || locks.Managers[mv.From] || locks.Managers[mv.To] {
			t.Errorf("%+v: locked", mv)
		}
		if leaving != 0 && mv.From != leaving {
			t.Errorf("%+v: not a role of the leaving manager %d", mv, leaving)
		}
		if leaving == 0 && !c.Renewal.IsZero() && c.Renewal.Before(s.AsOf.AddDate(0, 0, 31)) {
			t.Errorf("%+v: the contract renews on %v", mv, c.Renewal)
		}
		if mv.To == 0 {
			if mv.Role == data.RoleLead {
				t.Errorf("%+v: a lead given to nobody", mv)
			}
			continue
		}
		to, ok := managers[mv.To]
		switch {
		case !ok || mv.To == leaving:
			t.Errorf("%+v: to someone who is not there", mv)
		case to.OnLeave || to.Capacity() <= 0:
			t.Errorf("%+v: to someone without capacity", mv)
		case c.Tier == "A" && to.Grade.Code == "junior":
			t.Errorf("%+v: tier A to a junior", mv)
		}
	}
	after := s.Apply(moves)
	for i, c := range after.Clients {
		if c.Lead != 0 && c.Lead == c.Backup {
			t.Errorf("client %d: lead and backup %d", c.ID, c.Lead)
		}
		if s.Clients[i].Lead != 0 && c.Lead == 0 {
			t.Errorf("client %d: lead %d", c.ID, c.Lead)
		}
	}
}

// warningCodes lists the codes of a plan's warnings.
func warningCodes(s workload.Snapshot, moves []workload.Move, locks workload.Locks) []string {
	var out []string
	for _, w := range s.Warnings(moves, locks) {
		out = append(out, w.Code)
	}
	return out
}

func TestSuggestBalanced(t *testing.T) {
	s := snapshot([]workload.Manager{manager(1, "middle", 12), manager(2, "junior", 8), manager(3, "senior", 14)},
		client(10, 6, 1, 0), client(11, 5, 1, 2), client(12, 7, 2, 0), client(13, 14, 3, 0))
	// 2 and 3 are at exactly 100%: at OverAbove is not over.
	sug := workload.Suggest(s, workload.Locks{})
	if len(sug.Moves) != 0 || !sug.Reached || sug.Reason != "" {
		t.Errorf("balanced: %+v", sug)
	}
}

func TestSuggestObviousMove(t *testing.T) {
	s := snapshot([]workload.Manager{manager(1, "middle", 12), manager(2, "middle", 12), manager(3, "middle", 12)},
		client(10, 10, 1, 0), client(11, 3, 1, 0), // 108%
		client(20, 4, 2, 0),  // 33%
		client(30, 10, 3, 0)) // 83%: 11 would push it over
	sug := workload.Suggest(s, workload.Locks{})
	want := []workload.Move{{ClientID: 11, Role: data.RoleLead, From: 1, To: 2}}
	if !slices.Equal(sug.Moves, want) || !sug.Reached || sug.Reason != "" {
		t.Errorf("got %+v, want %+v", sug, want)
	}
	if ws := warningCodes(s, sug.Moves, workload.Locks{}); len(ws) > 0 {
		t.Errorf("warnings %v", ws)
	}
}

// The fewest moves first: one move that brings the giver under, not two smaller.
func TestSuggestFewestMoves(t *testing.T) {
	s := snapshot([]workload.Manager{manager(1, "middle", 12), manager(2, "middle", 12), manager(3, "middle", 12)},
		client(10, 1, 1, 0), client(11, 1, 1, 0), client(13, 3, 1, 0), client(14, 9, 1, 0), // 117%
		client(20, 2, 2, 0), client(30, 2, 3, 0))
	sug := workload.Suggest(s, workload.Locks{})
	if len(sug.Moves) != 1 || sug.Moves[0].ClientID != 13 || !sug.Reached {
		t.Errorf("got %+v, want client 13 moved alone", sug)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 0)
}

// Among plans as short, the most even: two overloaded managers, two receivers.
func TestSuggestEvenSpread(t *testing.T) {
	s := snapshot([]workload.Manager{
		manager(1, "middle", 10), manager(2, "middle", 10), manager(3, "middle", 10), manager(4, "middle", 10),
	},
		client(10, 8, 1, 0), client(11, 3, 1, 0), // 110%
		client(20, 8, 2, 0), client(21, 4, 2, 0), // 120%
		client(30, 1, 3, 0), client(40, 2, 4, 0))
	sug := workload.Suggest(s, workload.Locks{})
	if len(sug.Moves) != 2 || !sug.Reached {
		t.Fatalf("got %+v", sug)
	}
	o := s.Outcome(sug.Moves)
	// 11 and 21 moved, one to each receiver: 80, 80, 50 and 50 or 40 and 60; the
	// even plan gives the larger client to the emptier receiver.
	after := s.Apply(sug.Moves)
	if byID(after, 11).Lead == byID(after, 21).Lead || byID(after, 21).Lead != 3 {
		t.Errorf("moves %+v: spread %.2f", sug.Moves, o.After.Spread)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 0)
}

func TestSuggestNotEnoughCapacity(t *testing.T) {
	s := snapshot([]workload.Manager{manager(1, "middle", 12), manager(2, "middle", 12)},
		client(10, 4, 1, 0), client(11, 4, 1, 0), client(12, 4, 1, 0), client(13, 4, 1, 0), client(14, 4, 1, 0),
		client(15, 4, 1, 0),                                                                                     // 200%
		client(20, 2, 2, 0), client(21, 2, 2, 0), client(22, 2, 2, 0), client(23, 2, 2, 0), client(24, 2, 2, 0)) // 83%
	sug := workload.Suggest(s, workload.Locks{})
	if sug.Reached || sug.Reason != workload.ReasonCapacity || len(sug.Moves) == 0 {
		t.Fatalf("got %+v", sug)
	}
	o := s.Outcome(sug.Moves)
	if o.After.Highest >= o.Before.Highest || o.After.Spread >= o.Before.Spread {
		t.Errorf("no better: %+v -> %+v", o.Before, o.After)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 0)
	for _, code := range warningCodes(s, sug.Moves, workload.Locks{}) {
		if code != workload.WarnOverCapacity {
			t.Errorf("warning %s", code)
		}
	}
}

func TestSuggestLocks(t *testing.T) {
	managers := []workload.Manager{manager(1, "middle", 12), manager(2, "middle", 12), manager(3, "middle", 12),
		manager(4, "middle", 12)}
	s := snapshot(managers,
		client(10, 3, 1, 0), client(11, 3.5, 1, 0), client(12, 8, 1, 0), // 120.8%: 10 is the best fit, but locked
		client(20, 1, 2, 0),                       // the emptiest, but locked
		client(30, 5, 3, 0),                       // the one left to receive
		client(40, 11, 4, 0), client(41, 2, 4, 0)) // over, but locked
	locks := workload.Locks{Clients: map[int64]bool{10: true}, Managers: map[int64]bool{2: true, 4: true}}
	sug := workload.Suggest(s, locks)
	want := []workload.Move{{ClientID: 11, Role: data.RoleLead, From: 1, To: 3}}
	if !slices.Equal(sug.Moves, want) || sug.Reached || sug.Reason != workload.ReasonRules {
		t.Errorf("got %+v, want %+v, not reached for the rules", sug, want)
	}
	checkRules(t, s, locks, sug.Moves, 0)

	// Without the locks the plan uses them.
	free := workload.Suggest(s, workload.Locks{})
	if !free.Reached || len(free.Moves) != 2 {
		t.Errorf("unlocked: %+v", free)
	}
	// The overloaded manager's clients all locked: nothing to do.
	all := workload.Locks{Clients: map[int64]bool{10: true, 11: true, 12: true, 40: true, 41: true}}
	if sug := workload.Suggest(s, all); len(sug.Moves) != 0 || sug.Reached || sug.Reason != workload.ReasonRules {
		t.Errorf("all locked: %+v", sug)
	}
}

func TestSuggestRules(t *testing.T) {
	managers := []workload.Manager{
		manager(1, "middle", 12),
		manager(2, "junior", 8),
		manager(3, "middle", 12, onLeave),
		manager(4, "middle", 0), // no capacity
		manager(5, "middle", 12),
	}
	s := snapshot(managers,
		client(10, 3, 1, 0, tierA), client(11, 3, 1, 0, renewing(10)), client(12, 3, 1, 5), client(13, 6, 1, 0), // 125%
		client(50, 6, 5, 0))
	sug := workload.Suggest(s, workload.Locks{})
	// 10 may not go to the junior, 11 is renewing, 12 may not go to its backup;
	// 13 to the junior is the even plan.
	want := []workload.Move{{ClientID: 13, Role: data.RoleLead, From: 1, To: 2}}
	if !slices.Equal(sug.Moves, want) || !sug.Reached {
		t.Errorf("got %+v, want %+v", sug, want)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 0)
	if ws := warningCodes(s, sug.Moves, workload.Locks{}); len(ws) > 0 {
		t.Errorf("warnings %v", ws)
	}

	// Tier A clients, one of them backed up by the only middle with room for it, a
	// renewing client and one too large for anyone; a junior, someone on leave and
	// someone without capacity with room: no move.
	s = snapshot(managers, client(10, 3, 1, 0, tierA), client(11, 3, 1, 0, renewing(30)),
		client(12, 3, 1, 5, tierA), client(13, 9, 1, 0), client(50, 9, 5, 0))
	if sug := workload.Suggest(s, workload.Locks{}); len(sug.Moves) != 0 || sug.Reached || sug.Reason != workload.ReasonRules {
		t.Errorf("no allowed move: %+v", sug)
	}
}

// A giver who backs up a client another giver hands over still carries the backup.
func TestSuggestGiverBacksUpAMovedClient(t *testing.T) {
	s := snapshot([]workload.Manager{
		manager(1, "middle", 10), manager(2, "middle", 10), manager(3, "middle", 10), manager(4, "middle", 10),
	},
		client(10, 8.5, 1, 0), client(11, 0.6, 1, 0), // + 1 for backing up 20: 101%
		client(20, 5, 2, 1), client(21, 7, 2, 0), // 120%: 20 goes first
		client(40, 4, 4, 0))
	sug := workload.Suggest(s, workload.Locks{})
	if !sug.Reached || len(sug.Moves) != 2 {
		t.Errorf("got %+v", sug)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 0)
}

// A backup role sheds BackupShare of the client: the single move that fits.
func TestSuggestBackupMove(t *testing.T) {
	s := snapshot([]workload.Manager{manager(1, "middle", 10), manager(2, "middle", 10), manager(3, "middle", 10)},
		client(10, 9, 1, 0), client(11, 2, 2, 1), // 9 + 0.4 = 94%
		client(12, 3, 3, 1), // + 0.6 = 100%... + another 0.6
		client(13, 3, 2, 1)) // 106%, and 2 and 3 have room for 0.6 but not for 9
	sug := workload.Suggest(s, workload.Locks{})
	if len(sug.Moves) != 1 || sug.Moves[0].Role != data.RoleBackup || !sug.Reached {
		t.Errorf("got %+v", sug)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 0)
}

// randomSnapshot is a department of 6 to 15 people with 20 to 80 clients and random
// locks, for properties every plan must have.
func randomSnapshot(r *rand.Rand) (workload.Snapshot, workload.Locks) {
	grades := []struct {
		code     string
		capacity float64
	}{{"junior", 8}, {"middle", 12}, {"senior", 14}, {"lead", 8}}
	var managers []workload.Manager
	locks := workload.Locks{Clients: map[int64]bool{}, Managers: map[int64]bool{}}
	for i := range 6 + r.IntN(10) {
		g := grades[r.IntN(len(grades))]
		m := manager(int64(i+1), g.code, g.capacity)
		m.FTE = []float64{1, 1, 1, 0.5, 0.8}[r.IntN(5)]
		m.OnLeave = r.IntN(10) == 0
		if r.IntN(8) == 0 {
			m.Override = float64(r.IntN(15))
		}
		if r.IntN(10) == 0 {
			locks.Managers[m.ID] = true
		}
		managers = append(managers, m)
	}
	var clients []workload.Client
	for i := range 20 + r.IntN(60) {
		c := client(int64(100+i), 0.5+r.Float64()*4, managers[r.IntN(len(managers))].ID, 0)
		c.Tier = data.Tiers[r.IntN(3)]
		if b := managers[r.IntN(len(managers))].ID; b != c.Lead && r.IntN(2) == 0 {
			c.Backup = b
		}
		if r.IntN(6) == 0 {
			c.Renewal = asOf.AddDate(0, 0, r.IntN(90))
		}
		if r.IntN(12) == 0 {
			locks.Clients[c.ID] = true
		}
		clients = append(clients, c)
	}
	return snapshot(managers, clients...), locks
}

func TestSuggestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	reached := 0
	for range 300 {
		s, locks := randomSnapshot(r)
		sug := workload.Suggest(s, locks)
		checkRules(t, s, locks, sug.Moves, 0)
		o := s.Outcome(sug.Moves)
		if o.After.Highest > o.Before.Highest+1e-9 || o.After.Spread > o.Before.Spread+1e-9 {
			t.Errorf("worse: %+v -> %+v", o.Before, o.After)
		}
		// Short of capacity, receivers may go over to even the overload out.
		if sug.Reason != workload.ReasonCapacity && o.After.Overloaded > o.Before.Overloaded {
			t.Errorf("more overloaded: %+v -> %+v", o.Before, o.After)
		}
		if sug.Reached != (o.After.Overloaded == 0) || (sug.Reached && sug.Reason != "") {
			t.Errorf("reached %v (%q) with %d over", sug.Reached, sug.Reason, o.After.Overloaded)
		}
		if sug.Reached && len(sug.Moves) > 0 {
			reached++
		}
		for _, code := range warningCodes(s, sug.Moves, locks) {
			if code != workload.WarnOverCapacity || sug.Reason != workload.ReasonCapacity {
				t.Errorf("warning %s (reason %q)", code, sug.Reason)
			}
		}
		if t.Failed() {
			dump(t, s, locks, sug)
		}
	}
	if reached == 0 {
		t.Error("no random department was rebalanced: the test proves little")
	}
}

func TestLeaving(t *testing.T) {
	s := snapshot([]workload.Manager{
		manager(1, "middle", 12), manager(2, "middle", 12), manager(3, "middle", 12), manager(4, "junior", 8),
		manager(5, "middle", 12),
	},
		client(10, 3, 1, 2),                      // to its backup 2
		client(11, 3, 1, 4, tierA),               // its backup is a junior: elsewhere
		client(12, 2, 1, 0),                      // no backup
		client(13, 2, 5, 1),                      // backed up: a new backup
		client(14, 1, 3, 2),                      // not theirs
		client(15, 3, 1, 3, renewing(5)),         // renewing: still goes, to its backup 3
		client(16, 3, 1, 5), client(17, 9, 5, 0)) // its backup 5 is too full to lead it
	sug := workload.Leaving(s, 1, workload.Locks{})
	if !sug.Reached || sug.Reason != "" {
		t.Errorf("got %+v", sug)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 1)
	after := s.Apply(sug.Moves)
	for _, c := range after.Clients {
		if c.Lead == 1 || c.Backup == 1 {
			t.Errorf("client %d is still served by the leaver: %+v", c.ID, c)
		}
	}
	want := map[int64][2]int64{10: {2, 0}, 15: {3, 0}, 14: {3, 2}, 17: {5, 0}}
	for id, w := range want {
		if c := byID(after, id); c.Lead != w[0] || c.Backup != w[1] {
			t.Errorf("client %d: lead %d backup %d, want %v", id, c.Lead, c.Backup, w)
		}
	}
	if c := byID(after, 11); c.Lead == 4 || c.Backup != 4 {
		t.Errorf("client 11: %+v", c)
	}
	if c := byID(after, 16); c.Lead == 5 || c.Backup != 5 {
		t.Errorf("client 16: %+v", c)
	}
	if c := byID(after, 13); c.Backup == 0 || c.Lead != 5 {
		t.Errorf("client 13: %+v", c)
	}
	if len(sug.Moves) != 6 {
		t.Errorf("%d moves: %+v", len(sug.Moves), sug.Moves)
	}
	if ws := warningCodes(s, sug.Moves, workload.Locks{}); !slices.Equal(ws, []string{workload.WarnRenewalSoon}) {
		t.Errorf("warnings %v", ws)
	}
}

func TestLeavingShortOfRoom(t *testing.T) {
	managers := []workload.Manager{manager(1, "middle", 12), manager(2, "middle", 12), manager(3, "middle", 12, onLeave)}
	// The only other working manager leads the client 1 backs up: the backup goes.
	s := snapshot(managers, client(10, 2, 2, 1), client(11, 2, 1, 0))
	sug := workload.Leaving(s, 1, workload.Locks{})
	want := []workload.Move{
		{ClientID: 11, Role: data.RoleLead, From: 1, To: 2},
		{ClientID: 10, Role: data.RoleBackup, From: 1, To: 0},
	}
	if !slices.Equal(sug.Moves, want) || sug.Reached || sug.Reason != workload.ReasonRules {
		t.Errorf("got %+v, want %+v", sug, want)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 1)

	// Not enough capacity: the clients are handed over all the same, evenly.
	s = snapshot(managers[:2], client(10, 10, 2, 0), client(11, 6, 1, 0), client(12, 4, 1, 0))
	sug = workload.Leaving(s, 1, workload.Locks{})
	if len(sug.Moves) != 2 || sug.Reached || sug.Reason != workload.ReasonCapacity {
		t.Errorf("short: %+v", sug)
	}
	checkRules(t, s, workload.Locks{}, sug.Moves, 1)

	// A locked client stays with the leaver; a locked leaver keeps everything.
	s = snapshot(managers, client(10, 2, 1, 0), client(11, 2, 1, 0))
	sug = workload.Leaving(s, 1, workload.Locks{Clients: map[int64]bool{10: true}})
	if len(sug.Moves) != 1 || sug.Moves[0].ClientID != 11 || sug.Reached || sug.Reason != workload.ReasonRules {
		t.Errorf("locked client: %+v", sug)
	}
	sug = workload.Leaving(s, 1, workload.Locks{Managers: map[int64]bool{1: true}})
	if len(sug.Moves) != 0 || sug.Reached || sug.Reason != workload.ReasonRules {
		t.Errorf("locked leaver: %+v", sug)
	}
}

// Someone already gone from the staff list still holds open roles: they are handed over.
func TestLeavingSomeoneNotListed(t *testing.T) {
	s := snapshot([]workload.Manager{manager(2, "middle", 12), manager(3, "middle", 12)},
		client(10, 2, 9, 2), client(11, 3, 9, 0), client(12, 1, 3, 9))
	sug := workload.Leaving(s, 9, workload.Locks{})
	if len(sug.Moves) != 3 || !sug.Reached {
		t.Errorf("got %+v", sug)
	}
	for _, c := range s.Apply(sug.Moves).Clients {
		if c.Lead == 9 || c.Backup == 9 || c.Lead == c.Backup {
			t.Errorf("client %+v", c)
		}
	}
	if sug := workload.Leaving(s, 0, workload.Locks{}); len(sug.Moves) != 0 || !sug.Reached {
		t.Errorf("nobody: %+v", sug)
	}
}

func TestLeavingProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		s, locks := randomSnapshot(r)
		who := s.Managers[r.IntN(len(s.Managers))].ID
		sug := workload.Leaving(s, who, locks)
		checkRules(t, s, locks, sug.Moves, who)
		for _, c := range s.Apply(sug.Moves).Clients {
			if sug.Reached && (c.Lead == who || c.Backup == who) {
				t.Errorf("reached, but client %d is still served by %d", c.ID, who)
			}
		}
		if sug.Reached == (sug.Reason != "") {
			t.Errorf("reached %v, reason %q", sug.Reached, sug.Reason)
		}
		if t.Failed() {
			t.Logf("leaving %d", who)
			dump(t, s, locks, sug)
		}
	}
}

// dump shows a failed case compactly and stops the test.
func dump(t *testing.T, s workload.Snapshot, locks workload.Locks, sug workload.Suggestion) {
	t.Helper()
	for _, l := range s.Loads() {
		t.Logf("manager %d %s cap %.1f leave %v locked %v: %.1f%%", l.ID, l.Grade.Code, l.Capacity, l.OnLeave,
			locks.Managers[l.ID], l.Utilization())
	}
	for _, c := range s.Clients {
		t.Logf("client %d %s %.2f lead %d backup %d renewal %v locked %v", c.ID, c.Tier, c.Weight.Total(), c.Lead,
			c.Backup, c.Renewal.Format("2006-01-02"), locks.Clients[c.ID])
	}
	t.Fatalf("plan %+v", sug)
}
