package workload_test

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/workload"
)

// asOf is the test snapshots' day.
var asOf = data.Day(2026, 3, 31)

// manager is a full-time manager of a grade with the grade's capacity.
func manager(id int64, grade string, capacity float64, opts ...func(*workload.Manager)) workload.Manager {
	m := workload.Manager{ID: id, Name: fmt.Sprintf("M%d", id), Grade: data.GradeLevel{Code: grade, Capacity: capacity}, FTE: 1}
	for _, o := range opts {
		o(&m)
	}
	return m
}

func onLeave(m *workload.Manager) { m.OnLeave = true }

// client is a tier B client weighing w points.
func client(id int64, w float64, lead, backup int64, opts ...func(*workload.Client)) workload.Client {
	c := workload.Client{ID: id, Name: fmt.Sprintf("C%d", id), Tier: "B", Weight: workload.Breakdown{Base: w},
		Lead: lead, Backup: backup}
	for _, o := range opts {
		o(&c)
	}
	return c
}

func tierA(c *workload.Client) { c.Tier = "A" }

// renewing gives the client a contract ending in days.
func renewing(days int) func(*workload.Client) {
	return func(c *workload.Client) { c.Renewal = asOf.AddDate(0, 0, days) }
}

func snapshot(managers []workload.Manager, clients ...workload.Client) workload.Snapshot {
	return workload.Snapshot{AsOf: asOf, Coeffs: workload.Defaults(), Managers: managers, Clients: clients}
}

func byID(s workload.Snapshot, id int64) workload.Client {
	for _, c := range s.Clients {
		if c.ID == id {
			return c
		}
	}
	panic(fmt.Sprintf("no client %d", id))
}

func loadOf(s workload.Snapshot, id int64) workload.Load {
	for _, l := range s.Loads() {
		if l.ID == id {
			return l
		}
	}
	panic(fmt.Sprintf("no manager %d", id))
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestApply(t *testing.T) {
	s := snapshot([]workload.Manager{manager(1, "middle", 12), manager(2, "middle", 12), manager(3, "senior", 14)},
		client(10, 4, 1, 2), client(11, 2, 1, 0), client(12, 3, 2, 3), client(13, 1, 3, 1))
	moves := []workload.Move{
		{ClientID: 10, Role: data.RoleLead, From: 1, To: 2},   // onto the backup: the backup goes
		{ClientID: 11, Role: data.RoleBackup, From: 0, To: 3}, // a new backup
		{ClientID: 12, Role: data.RoleBackup, From: 3, To: 0}, // backup removed
		{ClientID: 13, Role: data.RoleLead, From: 3, To: 0},   // refused: a lead is required
		{ClientID: 13, Role: data.RoleBackup, From: 1, To: 3}, // refused: the backup would be the lead
		{ClientID: 99, Role: data.RoleLead, From: 1, To: 2},   // not in the snapshot
		{ClientID: 11, Role: "owner", From: 1, To: 2},         // no such role
	}
	after := s.Apply(moves)
	want := map[int64][2]int64{10: {2, 0}, 11: {1, 3}, 12: {2, 0}, 13: {3, 1}}
	for id, w := range want {
		if c := byID(after, id); c.Lead != w[0] || c.Backup != w[1] {
			t.Errorf("client %d: lead %d backup %d, want %v", id, c.Lead, c.Backup, w)
		}
	}
	// s is untouched.
	orig := map[int64][2]int64{10: {1, 2}, 11: {1, 0}, 12: {2, 3}, 13: {3, 1}}
	for id, w := range orig {
		if c := byID(s, id); c.Lead != w[0] || c.Backup != w[1] {
			t.Errorf("the original changed: client %d: lead %d backup %d, want %v", id, c.Lead, c.Backup, w)
		}
	}
	if got := loadOf(after, 2).Points(); !near(got, 4+3) {
		t.Errorf("manager 2 carries %v, want 7", got)
	}
	if got := loadOf(after, 3).Points(); !near(got, 1+2*0.2) {
		t.Errorf("manager 3 carries %v, want 1.4", got)
	}
	if len(s.Apply(nil).Clients) != len(s.Clients) {
		t.Error("Apply(nil) lost clients")
	}
}

func TestWarnings(t *testing.T) {
	s := snapshot([]workload.Manager{
		manager(1, "middle", 30), manager(2, "junior", 8), manager(3, "middle", 12, onLeave),
		manager(4, "senior", 4), manager(5, "middle", 12),
	},
		client(10, 3, 1, 5, tierA),
		client(11, 2, 1, 5),
		client(12, 2, 1, 0, renewing(30)),
		client(13, 2, 1, 0, renewing(31)),
		client(14, 2, 1, 0),
		client(15, 3, 1, 0),
		client(16, 1, 5, 0),
		client(17, 1, 5, 0),
		client(18, 5, 1, 0),
	)
	locks := workload.Locks{Clients: map[int64]bool{16: true}, Managers: map[int64]bool{5: true}}
	cases := []struct {
		move workload.Move
		want []string
	}{
		{workload.Move{ClientID: 10, Role: data.RoleLead, From: 1, To: 2}, []string{workload.WarnTierAToJunior}},
		{workload.Move{ClientID: 10, Role: data.RoleBackup, From: 5, To: 2},
			[]string{workload.WarnTierAToJunior, workload.WarnLocked}},
		{workload.Move{ClientID: 11, Role: data.RoleBackup, From: 5, To: 1},
			[]string{workload.WarnBackupIsLead, workload.WarnLocked}},
		{workload.Move{ClientID: 12, Role: data.RoleLead, From: 1, To: 2}, []string{workload.WarnRenewalSoon}},
		{workload.Move{ClientID: 13, Role: data.RoleLead, From: 1, To: 2}, nil},
		{workload.Move{ClientID: 14, Role: data.RoleLead, From: 1, To: 3}, []string{workload.WarnOntoLeave}},
		{workload.Move{ClientID: 15, Role: data.RoleLead, From: 1, To: 4}, nil},
		{workload.Move{ClientID: 18, Role: data.RoleLead, From: 1, To: 4}, []string{workload.WarnOverCapacity}},
		{workload.Move{ClientID: 17, Role: data.RoleLead, From: 5, To: 1}, []string{workload.WarnLocked}},
		{workload.Move{ClientID: 16, Role: data.RoleLead, From: 5, To: 1},
			[]string{workload.WarnLocked, workload.WarnLocked}},
	}
	for _, c := range cases {
		var got []string
		for _, w := range s.Warnings([]workload.Move{c.move}, locks) {
			got = append(got, w.Code)
			if w.Move != c.move || w.Params["Client"] == nil {
				t.Errorf("%+v: warning %+v", c.move, w)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%+v: warnings %v, want %v", c.move, got, c.want)
		}
	}

	// over_capacity is judged after all the moves: 3 + 2 points on a capacity of 4.
	both := []workload.Move{
		{ClientID: 15, Role: data.RoleLead, From: 1, To: 4},
		{ClientID: 14, Role: data.RoleLead, From: 1, To: 4},
	}
	ws := s.Warnings(both, workload.Locks{})
	if len(ws) != 2 || ws[0].Code != workload.WarnOverCapacity || ws[1].Code != workload.WarnOverCapacity {
		t.Fatalf("warnings %+v, want over_capacity twice", ws)
	}
	if u, ok := ws[0].Params["Utilization"].(float64); !ok || !near(u, 125) {
		t.Errorf("utilization %v, want 125", ws[0].Params["Utilization"])
	}
	// renewal_soon says when.
	ws = s.Warnings([]workload.Move{{ClientID: 12, Role: data.RoleLead, From: 1, To: 2}}, workload.Locks{})
	if ws[0].Params["Days"] != 30 || !ws[0].Params["Date"].(time.Time).Equal(asOf.AddDate(0, 0, 30)) {
		t.Errorf("renewal params %v", ws[0].Params)
	}
	// Each move is judged as the moves before it left the client: once 11's lead is
	// manager 2, making manager 1 its backup is fine, and 2 would not be.
	seq := []workload.Move{
		{ClientID: 11, Role: data.RoleLead, From: 1, To: 2},
		{ClientID: 11, Role: data.RoleBackup, From: 5, To: 1},
	}
	if ws := s.Warnings(seq, workload.Locks{}); len(ws) != 0 {
		t.Errorf("sequence: %+v", ws)
	}
	seq[1].To = 2
	if ws := s.Warnings(seq, workload.Locks{}); len(ws) != 1 || ws[0].Code != workload.WarnBackupIsLead {
		t.Errorf("sequence: %+v", ws)
	}
	if ws := s.Warnings(nil, locks); ws != nil {
		t.Errorf("no moves: %+v", ws)
	}
}

func TestOutcome(t *testing.T) {
	s := snapshot([]workload.Manager{manager(1, "middle", 10), manager(2, "middle", 10)},
		client(10, 8, 1, 0), client(11, 4, 1, 0), client(12, 2, 2, 0))
	moves := []workload.Move{{ClientID: 11, Role: data.RoleLead, From: 1, To: 2}}
	o := s.Outcome(moves)
	if o.Moves != 1 {
		t.Errorf("moves %d", o.Moves)
	}
	if !near(o.Before.Highest, 120) || o.Before.Overloaded != 1 || !near(o.Before.Spread, 50) {
		t.Errorf("before %+v", o.Before)
	}
	if !near(o.After.Highest, 80) || o.After.Overloaded != 0 || !near(o.After.Spread, 10) {
		t.Errorf("after %+v", o.After)
	}
	if !near(o.Before.Load, 14) || !near(o.After.Load, 14) || !near(o.After.Utilization, 70) {
		t.Errorf("totals %+v -> %+v", o.Before, o.After)
	}
}
