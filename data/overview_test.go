package data

import (
	"testing"
	"time"
)

func TestOverviewOnFixture(t *testing.T) {
	f := newListFixture(t)
	s := f.s
	o, err := s.Overview(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if !o.AsOf.Equal(clockToday) {
		t.Errorf("AsOf %v", o.AsOf)
	}
	// Headcount per grade, lowest first; the person who left is not counted, the one
	// on leave is.
	wantHeads := []struct {
		code  string
		count int
	}{{"junior", 1}, {"middle", 3}, {"senior", 1}, {"lead", 0}}
	if len(o.Headcount) != len(wantHeads) {
		t.Fatalf("headcount %+v", o.Headcount)
	}
	total := 0
	for i, w := range wantHeads {
		gc := o.Headcount[i]
		if gc.Grade.Code != w.code || gc.Count != w.count {
			t.Errorf("headcount[%d] = %s %d, want %s %d", i, gc.Grade.Code, gc.Count, w.code, w.count)
		}
		if n := len(staffIDs(t, s, StaffFilter{GradeID: gc.Grade.ID})); n != gc.Count {
			t.Errorf("%s: Overview %d, staff list %d", gc.Grade.Code, gc.Count, n)
		}
		total += gc.Count
	}
	if n := len(staffIDs(t, s, StaffFilter{})); total != n {
		t.Errorf("headcount total %d, staff list %d", total, n)
	}
	if o.OnLeave != 1 || o.OnLeave != len(staffIDs(t, s, StaffFilter{Statuses: []StaffStatus{StaffOnLeave}})) {
		t.Errorf("OnLeave %d", o.OnLeave)
	}

	// Active clients and their budget: the archived "active" client is left out.
	active, err := s.ListClients(tctx, ClientFilter{Statuses: []ClientStatus{ClientActive}})
	if err != nil {
		t.Fatal(err)
	}
	var budget int64
	for _, r := range active {
		budget += r.MonthlyBudget
	}
	if o.ActiveClients != 2 || o.ActiveClients != len(active) {
		t.Errorf("ActiveClients %d, list %d", o.ActiveClients, len(active))
	}
	if o.MonthlyBudget != 1_300_000 || o.MonthlyBudget != budget {
		t.Errorf("MonthlyBudget %d, list %d", o.MonthlyBudget, budget)
	}

	// Contracts ending within the window: Альфа's two (day 10 and day 60), Бета's day-30
	// one and Гамма's ending today; not Бета's day 61, the ended, draft, terminated or
	// already finished ones, nor the archived client's.
	if o.ContractsEnding != 4 {
		t.Errorf("ContractsEnding %d", o.ContractsEnding)
	}
	ending := clientIDs(t, s, ClientFilter{ContractEndsWithin: ContractWindowDays})
	if o.ClientsEnding != 3 || o.ClientsEnding != len(ending) {
		t.Errorf("ClientsEnding %d, list %v", o.ClientsEnding, ending)
	}

	// Overdue complaints: two at Альфа, one at Гамма, one at Дельта 1000.
	if o.OverdueComplaints != 4 {
		t.Errorf("OverdueComplaints %d", o.OverdueComplaints)
	}
	overdue := clientIDs(t, s, ClientFilter{OverdueComplaints: true})
	if o.ClientsOverdue != 3 || o.ClientsOverdue != len(overdue) {
		t.Errorf("ClientsOverdue %d, list %v", o.ClientsOverdue, overdue)
	}
}

func TestOverviewMatchesListsAsTheClockMoves(t *testing.T) {
	f := newListFixture(t)
	for _, now := range []time.Time{
		clockNow.Add(-4 * time.Hour), clockNow.AddDate(0, 0, 1), clockNow.AddDate(0, 0, 11), clockNow.AddDate(0, 1, 0),
	} {
		f.s.SetClock(func() time.Time { return now })
		o, err := f.s.Overview(tctx)
		if err != nil {
			t.Fatal(err)
		}
		if !o.AsOf.Equal(DateOf(now)) {
			t.Errorf("%v: AsOf %v", now, o.AsOf)
		}
		if n := len(clientIDs(t, f.s, ClientFilter{ContractEndsWithin: ContractWindowDays})); o.ClientsEnding != n {
			t.Errorf("%v: ClientsEnding %d, list %d", now, o.ClientsEnding, n)
		}
		if n := len(clientIDs(t, f.s, ClientFilter{OverdueComplaints: true})); o.ClientsOverdue != n {
			t.Errorf("%v: ClientsOverdue %d, list %d", now, o.ClientsOverdue, n)
		}
		if o.ContractsEnding < o.ClientsEnding || o.OverdueComplaints < o.ClientsOverdue {
			t.Errorf("%v: %+v", now, o)
		}
	}
	// A day later Гамма's contract (ending today) is behind us and Бета's day-61 one has
	// come into the window: 4 contracts at 2 clients.
	f.s.SetClock(func() time.Time { return clockNow.AddDate(0, 0, 1) })
	o, _ := f.s.Overview(tctx)
	if o.ContractsEnding != 4 || o.ClientsEnding != 2 {
		t.Errorf("tomorrow: %d contracts, %d clients", o.ContractsEnding, o.ClientsEnding)
	}
}

func TestOverviewOfEmptyDatabase(t *testing.T) {
	s := openScratchStore(t)
	o, err := s.Overview(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Headcount) != 4 || o.OnLeave != 0 || o.ActiveClients != 0 || o.MonthlyBudget != 0 ||
		o.ContractsEnding != 0 || o.ClientsEnding != 0 || o.OverdueComplaints != 0 || o.ClientsOverdue != 0 {
		t.Fatalf("%+v", o)
	}
	for _, gc := range o.Headcount {
		if gc.Count != 0 {
			t.Errorf("%s: %d", gc.Grade.Code, gc.Count)
		}
	}
}
