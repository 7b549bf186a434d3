package data

import (
	"errors"
	"testing"
)

// planFixture: two clients led by Анна, Борис free, Вера left the agency.
func planFixture(t *testing.T) (s *Store, anna, boris, vera, alfa, beta int64) {
	s = openScratchStore(t)
	anna, boris = seedPerson(t, s, "Анна Акимова"), seedPerson(t, s, "Борис Быков")
	v := samplePerson(t, s, "Вера Волкова")
	v.Status, v.LeftDate = StaffLeft, Day(2025, 1, 31)
	vera = mustSaveStaff(t, s, v)
	alfa, beta = seedClient(t, s, "Альфа", anna), seedClient(t, s, "Бета", anna)
	return
}

func TestApplyPlanWritesEveryMoveWithItsReason(t *testing.T) {
	s, anna, boris, _, alfa, beta := planFixture(t)
	p := Plan{Name: "Разгрузить Анну", Moves: []PlanMove{
		{ClientID: alfa, Role: RoleLead, From: anna, To: boris},
		{ClientID: beta, Role: RoleBackup, From: 0, To: boris},
	}, LockedClients: []int64{beta}}
	id, err := s.SavePlan(tctx, p)
	if err != nil {
		t.Fatal(err)
	}
	p.ID = id
	if _, err := s.SavePlan(tctx, Plan{Name: " разгрузить анну "}); !hasField(err, "name", "duplicate") {
		t.Errorf("a second plan of the same name: %v", err)
	}
	if err := s.ApplyPlan(tctx, p, s.Today(), "Перераспределение в ноябре"); err != nil {
		t.Fatal(err)
	}
	if got := openRole(t, s, alfa, RoleLead); got.StaffID != boris {
		t.Errorf("Альфа is led by %d, want %d", got.StaffID, boris)
	}
	if n := countRows(t, s, `SELECT count(*) FROM assignments WHERE reason = 'Перераспределение в ноябре' AND end_date IS NULL`); n != 2 {
		t.Errorf("%d new assignments carry the reason, want 2", n)
	}
	plans, err := s.Plans(tctx)
	if err != nil || len(plans) != 1 || plans[0].AppliedOn.IsZero() || len(plans[0].Moves) != 2 ||
		len(plans[0].LockedClients) != 1 {
		t.Errorf("saved plans %+v, %v", plans, err)
	}
	// An applied plan is a record: it is not saved over.
	if _, err := s.SavePlan(tctx, p); !hasField(err, "name", "plan_applied") {
		t.Errorf("saving over an applied plan: %v", err)
	}
}

func TestApplyPlanIsAllOrNothing(t *testing.T) {
	s, anna, boris, vera, alfa, beta := planFixture(t)
	// The second move hands a client to someone who has left: refused, and the
	// first move, already written in the transaction, is undone with it.
	p := Plan{Moves: []PlanMove{
		{ClientID: alfa, Role: RoleLead, From: anna, To: boris},
		{ClientID: beta, Role: RoleLead, From: anna, To: vera},
	}}
	expectInvalid(t, s, "lead", "staff_left", func() error { return s.ApplyPlan(tctx, p, s.Today(), "Пробный план") })
	// A reason is required.
	expectInvalid(t, s, "reason", "required", func() error { return s.ApplyPlan(tctx, Plan{}, s.Today(), " ") })
}

func TestApplyPlanRefusesAPlanOfOtherAssignments(t *testing.T) {
	s, anna, boris, _, alfa, _ := planFixture(t)
	p := Plan{Moves: []PlanMove{{ClientID: alfa, Role: RoleLead, From: anna, To: boris}}}
	// Since the plan was made, Альфа went to Борис by hand.
	if err := s.Reassign(tctx, alfa, RoleLead, boris, s.Today()); err != nil {
		t.Fatal(err)
	}
	before := dbSnapshot(t, s)
	err := s.ApplyPlan(tctx, p, s.Today(), "Старый план")
	var stale *ErrPlanStale
	if !errors.As(err, &stale) || len(stale.Clients) != 1 || stale.Clients[0] != "Альфа" {
		t.Fatalf("applying a stale plan: %v", err)
	}
	if dbSnapshot(t, s) != before {
		t.Error("a refused plan changed the database")
	}
}

// A client moved twice in one plan: the second move starts from the first's result.
func TestApplyPlanFollowsAClientMovedTwice(t *testing.T) {
	s, anna, boris, _, alfa, _ := planFixture(t)
	cecilia := seedPerson(t, s, "Цецилия Цветкова")
	p := Plan{Moves: []PlanMove{
		{ClientID: alfa, Role: RoleLead, From: anna, To: boris},
		{ClientID: alfa, Role: RoleLead, From: boris, To: cecilia},
	}}
	if err := s.ApplyPlan(tctx, p, s.Today(), "Два шага"); err != nil {
		t.Fatal(err)
	}
	if got := openRole(t, s, alfa, RoleLead); got.StaffID != cecilia {
		t.Errorf("Альфа is led by %d, want %d", got.StaffID, cecilia)
	}
}
