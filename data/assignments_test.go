package data

import (
	"testing"
	"time"
)

// seedTeam builds a client led by Иванов with Петров as backup; Сидоров is free.
func seedTeam(t *testing.T, s *Store) (client, lead, backup, free int64) {
	t.Helper()
	lead = seedPerson(t, s, "Иванов Иван")
	backup = seedPerson(t, s, "Петров Пётр")
	free = seedPerson(t, s, "Сидоров Сидор")
	client = mustSaveClient(t, s, sampleClient("Ромашка"), ClientTeam{LeadID: lead, BackupID: backup})
	return
}

func TestReassignClosesOldRowAndOpensNew(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, free := seedTeam(t, s)
	from := Day(2026, 3, 2)
	if err := s.Reassign(tctx, client, RoleLead, free, from); err != nil {
		t.Fatal(err)
	}
	rows := assignmentsOf(t, s, client)
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	if old := rows[0]; old.StaffID != lead || old.Role != RoleLead || !old.End.Equal(Day(2026, 3, 1)) ||
		!old.Start.Equal(Day(2023, 1, 10)) {
		t.Errorf("old lead row %+v", old)
	}
	if a := openRole(t, s, client, RoleLead); a.StaffID != free || !a.Start.Equal(from) {
		t.Errorf("new lead row %+v", a)
	}
	if a := openRole(t, s, client, RoleBackup); a.StaffID != backup {
		t.Errorf("backup changed %+v", a)
	}
	// Reassigning to the same person changes nothing.
	before := dbSnapshot(t, s)
	if err := s.Reassign(tctx, client, RoleLead, free, clockToday); err != nil {
		t.Fatal(err)
	}
	if dbSnapshot(t, s) != before {
		t.Fatal("a no-op reassignment wrote")
	}
	// Today is allowed.
	if err := s.Reassign(tctx, client, RoleLead, lead, clockToday); err != nil {
		t.Fatal(err)
	}
	if a := openRole(t, s, client, RoleLead); a.StaffID != lead || !a.Start.Equal(clockToday) {
		t.Errorf("lead row %+v", a)
	}
}

func TestSameDayReassignReplacesRow(t *testing.T) {
	s := openScratchStore(t)
	client, lead, _, free := seedTeam(t, s)
	other := seedPerson(t, s, "Кузнецов Кузьма")
	day := Day(2026, 3, 2)
	if err := s.Reassign(tctx, client, RoleLead, free, day); err != nil {
		t.Fatal(err)
	}
	// Changing one's mind on the same day: the row that never took effect goes away.
	if err := s.Reassign(tctx, client, RoleLead, other, day); err != nil {
		t.Fatal(err)
	}
	var leads []Assignment
	for _, a := range assignmentsOf(t, s, client) {
		if !a.End.IsZero() && a.End.Before(a.Start) {
			t.Errorf("row ends before it starts: %+v", a)
		}
		if a.Role == RoleLead {
			leads = append(leads, a)
		}
	}
	if len(leads) != 2 || leads[0].StaffID != lead || !leads[0].End.Equal(Day(2026, 3, 1)) ||
		leads[1].StaffID != other || !leads[1].Start.Equal(day) || !leads[1].End.IsZero() {
		t.Fatalf("lead rows %+v", leads)
	}
	if n := countRows(t, s, `SELECT count(*) FROM assignments WHERE staff_id = ?`, free); n != 0 {
		t.Fatalf("the replaced row is still there (%d)", n)
	}
}

func TestBackupPromotedToLeadStopsBeingBackup(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, _ := seedTeam(t, s)
	from := Day(2026, 2, 1)
	if err := s.Reassign(tctx, client, RoleLead, backup, from); err != nil {
		t.Fatal(err)
	}
	if a := openRole(t, s, client, RoleLead); a.StaffID != backup || !a.Start.Equal(from) {
		t.Fatalf("lead %+v", a)
	}
	if a := openRole(t, s, client, RoleBackup); a.ID != 0 {
		t.Fatalf("the new lead is still the backup: %+v", a)
	}
	for _, a := range assignmentsOf(t, s, client) {
		if a.End.IsZero() {
			continue
		}
		if !a.End.Equal(Day(2026, 1, 31)) {
			t.Errorf("closed row %+v", a)
		}
	}
	d, err := s.ClientDetail(tctx, client)
	if err != nil {
		t.Fatal(err)
	}
	if d.Lead.ID != backup || d.Lead.Name != "Петров Пётр" || d.Backup.ID != 0 || len(d.Assignments) != 3 {
		t.Fatalf("detail lead %+v backup %+v rows %d", d.Lead, d.Backup, len(d.Assignments))
	}
	rows, _ := s.ListStaff(tctx, StaffFilter{})
	for _, r := range rows {
		switch r.ID {
		case lead:
			if r.LeadClients != 0 || r.BackupClients != 0 {
				t.Errorf("old lead counts %d/%d", r.LeadClients, r.BackupClients)
			}
		case backup:
			if r.LeadClients != 1 || r.BackupClients != 0 {
				t.Errorf("promoted counts %d/%d", r.LeadClients, r.BackupClients)
			}
		}
	}
	// The old lead can now become the backup.
	if err := s.Reassign(tctx, client, RoleBackup, lead, from); err != nil {
		t.Fatal(err)
	}
	if a := openRole(t, s, client, RoleBackup); a.StaffID != lead || !a.Start.Equal(from) {
		t.Fatalf("backup %+v", a)
	}
}

func TestSwapLeadAndBackupInOneSave(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, _ := seedTeam(t, s)
	c, _ := s.GetClient(tctx, client)
	mustSaveClient(t, s, c, ClientTeam{LeadID: backup, BackupID: lead, From: Day(2026, 3, 1)})
	if a := openRole(t, s, client, RoleLead); a.StaffID != backup {
		t.Fatalf("lead %+v", a)
	}
	if a := openRole(t, s, client, RoleBackup); a.StaffID != lead {
		t.Fatalf("backup %+v", a)
	}
}

func TestRemoveBackup(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, _ := seedTeam(t, s)
	if err := s.Reassign(tctx, client, RoleBackup, 0, Day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	if a := openRole(t, s, client, RoleBackup); a.ID != 0 {
		t.Fatalf("backup still open %+v", a)
	}
	rows := assignmentsOf(t, s, client)
	if len(rows) != 2 || rows[1].StaffID != backup || !rows[1].End.Equal(Day(2026, 2, 28)) {
		t.Fatalf("rows %+v", rows)
	}
	if a := openRole(t, s, client, RoleLead); a.StaffID != lead {
		t.Fatalf("lead %+v", a)
	}
	// Removing a backup that is not there is a no-op.
	before := dbSnapshot(t, s)
	if err := s.Reassign(tctx, client, RoleBackup, 0, clockToday); err != nil {
		t.Fatal(err)
	}
	if dbSnapshot(t, s) != before {
		t.Fatal("removing a missing backup wrote")
	}
}

func TestReassignValidation(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, free := seedTeam(t, s)
	gone := seedPerson(t, s, "Ушедший Сотрудник")
	if err := s.ArchiveStaff(tctx, gone, Day(2025, 6, 30)); err != nil {
		t.Fatal(err)
	}
	newcomer := samplePerson(t, s, "Новиков Николай")
	newcomer.HireDate = Day(2026, 3, 10)
	fresh := mustSaveStaff(t, s, newcomer)
	// The current lead row started on 2026-02-01.
	if err := s.Reassign(tctx, client, RoleLead, free, Day(2026, 2, 1)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		role        Role
		staff       int64
		from        time.Time
		field, code string
	}{
		{"no date", RoleLead, lead, time.Time{}, "from", "required"},
		{"tomorrow", RoleLead, lead, clockToday.AddDate(0, 0, 1), "from", "in_future"},
		{"before the current lead started", RoleLead, lead, Day(2026, 1, 31), "from", "before_date"},
		{"before the current backup started", RoleBackup, lead, Day(2022, 12, 31), "from", "before_date"},
		{"no lead", RoleLead, 0, clockToday, "lead", "required"},
		{"unknown person", RoleLead, 999, clockToday, "lead", "invalid_choice"},
		{"lead who left", RoleLead, gone, clockToday, "lead", "staff_left"},
		{"backup who left", RoleBackup, gone, clockToday, "backup", "staff_left"},
		{"before hiring", RoleLead, fresh, Day(2026, 3, 9), "lead", "before_hire"},
		{"backup is the lead", RoleBackup, free, clockToday, "backup", "backup_is_lead"},
		{"new lead is the backup, before the backup started", RoleLead, backup, Day(2023, 1, 9), "from", "before_date"},
		{"unknown role", "owner", backup, clockToday, "role", "invalid_choice"},
		{"no role", "", free, clockToday, "role", "invalid_choice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, s, tc.field, tc.code, func() error {
				return s.Reassign(tctx, client, tc.role, tc.staff, tc.from)
			})
		})
	}
	if err := s.Reassign(tctx, 999, RoleLead, lead, clockToday); !isErr(err, ErrNotFound) {
		t.Fatalf("missing client: %v", err)
	}
	// Someone hired today can take over today.
	if err := s.Reassign(tctx, client, RoleBackup, fresh, Day(2026, 3, 10)); err != nil {
		t.Fatal(err)
	}
}

func TestAddAssignment(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, free := seedTeam(t, s)
	// The current lead and backup rows (from 2023-01-10) start later than the history below.
	c, _ := s.GetClient(tctx, client)
	c.StartDate = Day(2022, 3, 1)
	mustSaveClient(t, s, c, ClientTeam{LeadID: lead, BackupID: backup})
	id, err := s.AddAssignment(tctx, Assignment{ClientID: client, StaffID: free, Role: RoleLead,
		Start: Day(2022, 3, 1), End: Day(2023, 1, 9)})
	if err != nil {
		t.Fatal(err)
	}
	var start, end string
	if err := s.read.QueryRow(`SELECT start_date, end_date FROM assignments WHERE id = ?`, id).Scan(&start, &end); err != nil ||
		start != "2022-03-01" || end != "2023-01-09" {
		t.Fatalf("stored %s..%s, %v", start, end, err)
	}
	sd, err := s.StaffDetail(tctx, free)
	if err != nil || len(sd.Assignments) != 1 || sd.Assignments[0].ClientName != "Ромашка" || sd.Assignments[0].ID != id {
		t.Fatalf("staff detail assignments %+v, %v", sd.Assignments, err)
	}
}

func TestAddAssignmentValidation(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, free := seedTeam(t, s)
	gone := samplePerson(t, s, "Ушедший Сотрудник")
	gone.HireDate = Day(2020, 1, 1)
	goneID := mustSaveStaff(t, s, gone)
	if err := s.ArchiveStaff(tctx, goneID, Day(2022, 6, 30)); err != nil {
		t.Fatal(err)
	}
	// A past backup period of the free person in 2022, on a client that started then.
	c, _ := s.GetClient(tctx, client)
	c.StartDate = Day(2021, 1, 1)
	mustSaveClient(t, s, c, ClientTeam{LeadID: lead, BackupID: backup})
	if _, err := s.AddAssignment(tctx, Assignment{ClientID: client, StaffID: free, Role: RoleBackup,
		Start: Day(2022, 2, 1), End: Day(2022, 12, 31)}); err != nil {
		t.Fatal(err)
	}
	// A person who left may have history up to the left date.
	if _, err := s.AddAssignment(tctx, Assignment{ClientID: client, StaffID: goneID, Role: RoleLead,
		Start: Day(2021, 1, 1), End: Day(2022, 6, 30)}); err != nil {
		t.Fatal(err)
	}
	// The current team's starts are known (not guessed by the client's save), so
	// history may not overlap them.
	if _, err := s.write.Exec(`UPDATE assignments SET start_guessed = 0 WHERE client_id = ?`, client); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		a           Assignment
		field, code string
	}{
		{"no client", Assignment{StaffID: free, Role: RoleLead, Start: Day(2022, 7, 1)}, "client", "required"},
		{"unknown client", Assignment{ClientID: 999, StaffID: free, Role: RoleLead, Start: Day(2022, 7, 1), End: Day(2022, 8, 1)}, "client", "invalid_choice"},
		{"no staff", Assignment{ClientID: client, Role: RoleLead, Start: Day(2022, 7, 1)}, "staff", "required"},
		{"unknown staff", Assignment{ClientID: client, StaffID: 999, Role: RoleLead, Start: Day(2022, 7, 1), End: Day(2022, 8, 1)}, "staff", "invalid_choice"},
		{"unknown role", Assignment{ClientID: client, StaffID: free, Role: "owner", Start: Day(2022, 7, 1)}, "role", "invalid_choice"},
		{"no start", Assignment{ClientID: client, StaffID: free, Role: RoleLead}, "start", "required"},
		{"end before start", Assignment{ClientID: client, StaffID: free, Role: RoleLead, Start: Day(2022, 7, 1), End: Day(2022, 6, 30)}, "end", "before_date"},
		{"second lead overlapping the current one", Assignment{ClientID: client, StaffID: free, Role: RoleLead,
			Start: Day(2022, 7, 1), End: Day(2023, 1, 10)}, "staff", "second_lead"},
		{"second open lead", Assignment{ClientID: client, StaffID: free, Role: RoleLead, Start: Day(2025, 1, 1)}, "staff", "second_lead"},
		{"second lead overlapping the past one", Assignment{ClientID: client, StaffID: free, Role: RoleLead,
			Start: Day(2022, 6, 30), End: Day(2022, 7, 5)}, "staff", "second_lead"},
		{"second backup", Assignment{ClientID: client, StaffID: lead, Role: RoleBackup,
			Start: Day(2022, 12, 31), End: Day(2023, 1, 5)}, "staff", "second_backup"},
		{"backup who is the lead", Assignment{ClientID: client, StaffID: goneID, Role: RoleBackup,
			Start: Day(2021, 6, 1), End: Day(2021, 12, 31)}, "staff", "backup_is_lead"},
		{"lead who is the backup", Assignment{ClientID: client, StaffID: free, Role: RoleLead,
			Start: Day(2022, 7, 1), End: Day(2022, 12, 31)}, "staff", "backup_is_lead"},
		{"after leaving", Assignment{ClientID: client, StaffID: goneID, Role: RoleBackup,
			Start: Day(2022, 7, 1), End: Day(2022, 7, 31)}, "staff", "staff_left"},
		{"open-ended for someone who left", Assignment{ClientID: client, StaffID: goneID, Role: RoleBackup,
			Start: Day(2022, 6, 1)}, "staff", "staff_left"},
		{"before hiring", Assignment{ClientID: client, StaffID: free, Role: RoleBackup,
			Start: Day(2022, 1, 31), End: Day(2022, 1, 31)}, "start", "before_hire"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.AddAssignment(tctx, tc.a)
				return err
			})
		})
	}
}

// A new client's team starts on a guess; recorded history corrects it: an earlier
// lead's period pushes the guess to the day after, and the current lead's own row
// sets the exact start.
func TestHistoryCorrectsAGuessedStart(t *testing.T) {
	s := openScratchStore(t)
	client, lead, _, free := seedTeam(t, s) // lead's row starts on the client's start, 2023-01-10: a guess
	if _, err := s.AddAssignment(tctx, Assignment{ClientID: client, StaffID: free, Role: RoleLead,
		Start: Day(2023, 1, 10), End: Day(2024, 5, 31)}); err != nil {
		t.Fatal(err)
	}
	cur := openRole(t, s, client, RoleLead)
	if cur.StaffID != lead || !cur.Start.Equal(Day(2024, 6, 1)) {
		t.Fatalf("after the earlier period: %+v", cur)
	}
	id, err := s.AddAssignment(tctx, Assignment{ClientID: client, StaffID: lead, Role: RoleLead, Start: Day(2024, 7, 1)})
	if err != nil || id != cur.ID {
		t.Fatalf("the current row was not corrected: %d, %v", id, err)
	}
	if got := openRole(t, s, client, RoleLead); !got.Start.Equal(Day(2024, 7, 1)) {
		t.Fatalf("exact start %+v", got)
	}
	// Now known, the start stands: an overlapping period is refused.
	expectInvalid(t, s, "staff", "second_lead", func() error {
		_, err := s.AddAssignment(tctx, Assignment{ClientID: client, StaffID: free, Role: RoleLead,
			Start: Day(2024, 6, 1), End: Day(2024, 7, 15)})
		return err
	})
}
