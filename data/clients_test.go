package data

import (
	"slices"
	"testing"
	"time"
)

func TestSaveClientValidation(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	backup := seedPerson(t, s, "Петров Пётр")
	seedClient(t, s, "Ромашка", lead)
	seedClient(t, s, "Ёлка и Партнёры", lead)
	existing := seedClient(t, s, "Лютик", lead)
	future := clockToday.AddDate(0, 0, 1)
	cases := []struct {
		name        string
		edit        func(c *Client, team *ClientTeam)
		field, code string
	}{
		{"empty name", func(c *Client, _ *ClientTeam) { c.Name = "  " }, "name", "required"},
		{"duplicate name, other case", func(c *Client, _ *ClientTeam) { c.Name = "РОМАШКА" }, "name", "duplicate"},
		{"duplicate name, е for ё", func(c *Client, _ *ClientTeam) { c.Name = "елка и   партнеры" }, "name", "duplicate"},
		{"negative budget", func(c *Client, _ *ClientTeam) { c.MonthlyBudget = -1 }, "monthly_budget", "negative"},
		{"complexity 0", func(c *Client, _ *ClientTeam) { c.Complexity = 0 }, "complexity", "range"},
		{"complexity 6", func(c *Client, _ *ClientTeam) { c.Complexity = 6 }, "complexity", "range"},
		{"tier D", func(c *Client, _ *ClientTeam) { c.Tier = "D" }, "tier", "invalid_choice"},
		{"tier lower case", func(c *Client, _ *ClientTeam) { c.Tier = "a" }, "tier", "invalid_choice"},
		{"no tier", func(c *Client, _ *ClientTeam) { c.Tier = "" }, "tier", "invalid_choice"},
		{"unknown status", func(c *Client, _ *ClientTeam) { c.Status = "lost" }, "status", "invalid_choice"},
		{"no start date", func(c *Client, _ *ClientTeam) { c.StartDate = time.Time{} }, "start_date", "required"},
		{"churned without date", func(c *Client, _ *ClientTeam) {
			c.Status, c.ChurnReason = ClientChurned, "ушёл к конкурентам"
		}, "churn_date", "required"},
		{"churned without reason", func(c *Client, _ *ClientTeam) {
			c.Status, c.ChurnDate = ClientChurned, Day(2026, 1, 31)
		}, "churn_reason", "required"},
		{"churn before start", func(c *Client, _ *ClientTeam) {
			c.Status, c.ChurnDate, c.ChurnReason = ClientChurned, Day(2022, 12, 31), "бюджет"
		}, "churn_date", "before_date"},
		{"active without lead", func(_ *Client, team *ClientTeam) { team.LeadID = 0 }, "lead", "required"},
		{"paused without lead", func(c *Client, team *ClientTeam) { c.Status, team.LeadID = ClientPaused, 0 }, "lead", "required"},
		{"backup is the lead", func(_ *Client, team *ClientTeam) { team.BackupID = team.LeadID }, "backup", "backup_is_lead"},
		{"unknown service", func(c *Client, _ *ClientTeam) { c.Services = []string{"creative", "astrology"} }, "services", "invalid_choice"},
		{"change dated in the future", func(_ *Client, team *ClientTeam) { team.From = future }, "from", "in_future"},
		{"unknown lead", func(_ *Client, team *ClientTeam) { team.LeadID = 999 }, "lead", "invalid_choice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := sampleClient("Новый клиент")
			team := ClientTeam{LeadID: lead, BackupID: backup}
			tc.edit(&c, &team)
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveClient(tctx, c, team)
				return err
			})
			if tc.field == "name" && tc.code == "duplicate" {
				return // renaming "Лютик" to its own duplicate is tested below
			}
			// The same mistake when editing an existing client.
			c.ID = existing
			if c.Name == "Новый клиент" {
				c.Name = "Лютик"
			}
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveClient(tctx, c, team)
				return err
			})
		})
	}
	// Renaming onto another client's name is a duplicate; keeping one's own is not.
	c, _ := s.GetClient(tctx, existing)
	c.Name = "ромашка"
	expectInvalid(t, s, "name", "duplicate", func() error {
		_, err := s.SaveClient(tctx, c, ClientTeam{LeadID: lead})
		return err
	})
	c.Name = "ЛЮТИК"
	if _, err := s.SaveClient(tctx, c, ClientTeam{LeadID: lead}); err != nil {
		t.Fatalf("renaming to another case of the own name: %v", err)
	}
}

func TestSaveClientStoresFieldsAndTeam(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	late := samplePerson(t, s, "Петров Пётр")
	late.HireDate = Day(2024, 5, 1)
	backup := mustSaveStaff(t, s, late)
	c := sampleClient("  ООО   «Ромашка» ")
	c.Services = []string{"seo", "creative", "seo", "analytics"}
	c.Tier, c.Complexity, c.Notes, c.DocBrief = "A", 5, "важный", "https://disk/brief"
	id := mustSaveClient(t, s, c, ClientTeam{LeadID: lead, BackupID: backup})
	got, err := s.GetClient(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "ООО «Ромашка»" || got.Tier != "A" || got.Complexity != 5 || got.MonthlyBudget != 500_000 ||
		!slices.Equal(got.Services, []string{"analytics", "creative", "seo"}) || got.DocBrief != "https://disk/brief" ||
		!got.StartDate.Equal(Day(2023, 1, 10)) || !got.ArchivedOn.IsZero() {
		t.Fatalf("saved %+v", got)
	}
	// The lead starts with the client; a backup hired later starts when hired.
	if a := openRole(t, s, id, RoleLead); a.StaffID != lead || !a.Start.Equal(Day(2023, 1, 10)) {
		t.Errorf("lead row %+v", a)
	}
	if a := openRole(t, s, id, RoleBackup); a.StaffID != backup || !a.Start.Equal(Day(2024, 5, 1)) {
		t.Errorf("backup row %+v", a)
	}
	// Services are replaced, not merged.
	got.Services = []string{"pr"}
	mustSaveClient(t, s, got, ClientTeam{LeadID: lead, BackupID: backup})
	got, _ = s.GetClient(tctx, id)
	if !slices.Equal(got.Services, []string{"pr"}) {
		t.Fatalf("services %v", got.Services)
	}
	industries, err := s.Industries(tctx)
	if err != nil || !slices.Equal(industries, []string{"Ритейл"}) {
		t.Fatalf("industries %v, %v", industries, err)
	}
}

func TestProspectNeedsNoLead(t *testing.T) {
	s := openScratchStore(t)
	c := sampleClient("Перспективный")
	c.Status = ClientProspect
	id := mustSaveClient(t, s, c, ClientTeam{})
	if rows := assignmentsOf(t, s, id); len(rows) != 0 {
		t.Fatalf("rows %+v", rows)
	}
}

func TestClientAlreadyChurnedWhenEntered(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	c := sampleClient("Бывший")
	c.Status, c.ChurnDate, c.ChurnReason = ClientChurned, Day(2024, 6, 30), "  сменили агентство "
	id := mustSaveClient(t, s, c, ClientTeam{LeadID: lead})
	got, _ := s.GetClient(tctx, id)
	if got.Status != ClientChurned || !got.ChurnDate.Equal(Day(2024, 6, 30)) || got.ChurnReason != "сменили агентство" {
		t.Fatalf("saved %+v", got)
	}
	if rows := assignmentsOf(t, s, id); len(rows) != 0 {
		t.Fatalf("a lost client got a team: %+v", rows)
	}
}

func TestSaveClientToSomeoneWhoLeft(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	gone := seedPerson(t, s, "Ушедший Сотрудник")
	if err := s.ArchiveStaff(tctx, gone, Day(2025, 12, 31)); err != nil {
		t.Fatal(err)
	}
	expectInvalid(t, s, "lead", "staff_left", func() error {
		_, err := s.SaveClient(tctx, sampleClient("Новый"), ClientTeam{LeadID: gone})
		return err
	})
	expectInvalid(t, s, "backup", "staff_left", func() error {
		_, err := s.SaveClient(tctx, sampleClient("Новый"), ClientTeam{LeadID: lead, BackupID: gone})
		return err
	})
	id := seedClient(t, s, "Ромашка", lead)
	c, _ := s.GetClient(tctx, id)
	expectInvalid(t, s, "lead", "staff_left", func() error {
		_, err := s.SaveClient(tctx, c, ClientTeam{LeadID: gone, From: Day(2026, 3, 1)})
		return err
	})
	expectInvalid(t, s, "backup", "staff_left", func() error {
		_, err := s.SaveClient(tctx, c, ClientTeam{LeadID: lead, BackupID: gone, From: Day(2026, 3, 1)})
		return err
	})
}

func TestSaveClientChangesTeamFromDate(t *testing.T) {
	s := openScratchStore(t)
	first := seedPerson(t, s, "Иванов Иван")
	second := seedPerson(t, s, "Петров Пётр")
	backup := seedPerson(t, s, "Сидоров Сидор")
	id := seedClient(t, s, "Ромашка", first)
	c, _ := s.GetClient(tctx, id)
	c.MonthlyBudget = 700_000
	mustSaveClient(t, s, c, ClientTeam{LeadID: second, BackupID: backup, From: Day(2026, 2, 1)})
	rows := assignmentsOf(t, s, id)
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	if rows[0].StaffID != first || !rows[0].End.Equal(Day(2026, 1, 31)) {
		t.Errorf("old lead %+v", rows[0])
	}
	if a := openRole(t, s, id, RoleLead); a.StaffID != second || !a.Start.Equal(Day(2026, 2, 1)) {
		t.Errorf("new lead %+v", a)
	}
	if a := openRole(t, s, id, RoleBackup); a.StaffID != backup || !a.Start.Equal(Day(2026, 2, 1)) {
		t.Errorf("backup %+v", a)
	}
	// Without a date the change takes effect today; an unchanged team writes no rows.
	c, _ = s.GetClient(tctx, id)
	mustSaveClient(t, s, c, ClientTeam{LeadID: second, BackupID: backup})
	if n := len(assignmentsOf(t, s, id)); n != 3 {
		t.Fatalf("an unchanged team wrote rows: %d", n)
	}
	mustSaveClient(t, s, c, ClientTeam{LeadID: second})
	if a := openRole(t, s, id, RoleBackup); a.ID != 0 {
		t.Fatalf("the backup was not removed: %+v", a)
	}
	rows = assignmentsOf(t, s, id)
	if last := rows[len(rows)-1]; last.Role != RoleBackup || !last.End.Equal(clockToday.AddDate(0, 0, -1)) {
		t.Fatalf("removed backup row %+v", last)
	}
	// A change dated before the current lead started is refused.
	expectInvalid(t, s, "from", "before_date", func() error {
		_, err := s.SaveClient(tctx, c, ClientTeam{LeadID: first, From: Day(2026, 1, 15)})
		return err
	})
}

func TestSaveClientChurnClosesAssignments(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	backup := seedPerson(t, s, "Петров Пётр")
	id := mustSaveClient(t, s, sampleClient("Ромашка"), ClientTeam{LeadID: lead, BackupID: backup})
	other := seedClient(t, s, "Лютик", lead)
	c, _ := s.GetClient(tctx, id)
	c.Status, c.ChurnDate, c.ChurnReason = ClientChurned, Day(2026, 2, 28), "ушёл к конкурентам"
	// Churn cannot precede the current assignments.
	early := c
	early.ChurnDate = Day(2023, 1, 9)
	expectInvalid(t, s, "churn_date", "before_date", func() error {
		_, err := s.SaveClient(tctx, early, ClientTeam{})
		return err
	})
	mustSaveClient(t, s, c, ClientTeam{})
	for _, a := range assignmentsOf(t, s, id) {
		if !a.End.Equal(Day(2026, 2, 28)) {
			t.Errorf("row not closed on the churn date: %+v", a)
		}
	}
	if a := openRole(t, s, other, RoleLead); a.StaffID != lead {
		t.Errorf("another client's lead was closed: %+v", a)
	}
	rows, _ := s.ListStaff(tctx, StaffFilter{})
	for _, r := range rows {
		want := map[int64][2]int{lead: {1, 0}, backup: {0, 0}}[r.ID]
		if r.LeadClients != want[0] || r.BackupClients != want[1] {
			t.Errorf("%s counts %d/%d", r.FullName, r.LeadClients, r.BackupClients)
		}
	}
	// Reassigning a churned client's team is refused.
	expectInvalid(t, s, "lead", "client_closed", func() error {
		return s.Reassign(tctx, id, RoleLead, backup, clockToday)
	})
}

func TestArchiveAndRestoreClient(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	backup := seedPerson(t, s, "Петров Пётр")
	id := mustSaveClient(t, s, sampleClient("Ромашка"), ClientTeam{LeadID: lead, BackupID: backup})
	keep := seedClient(t, s, "Лютик", lead)

	// Archiving an active client needs the churn reason like any churn.
	expectInvalid(t, s, "churn_reason", "required", func() error {
		return s.ArchiveClient(tctx, id, Day(2026, 3, 10), "")
	})
	if err := s.ArchiveClient(tctx, id, Day(2026, 3, 10), "закрыли направление"); err != nil {
		t.Fatal(err)
	}
	c, _ := s.GetClient(tctx, id)
	if c.Status != ClientChurned || !c.ChurnDate.Equal(Day(2026, 3, 10)) || c.ChurnReason != "закрыли направление" ||
		!c.ArchivedOn.Equal(clockToday) {
		t.Fatalf("archived %+v", c)
	}
	for _, a := range assignmentsOf(t, s, id) {
		if !a.End.Equal(Day(2026, 3, 10)) {
			t.Errorf("row %+v", a)
		}
	}
	names := func(f ClientFilter) []int64 {
		rows, err := s.ListClients(tctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, r := range rows {
			ids = append(ids, r.ID)
		}
		return ids
	}
	if got := names(ClientFilter{}); !slices.Equal(got, []int64{keep}) {
		t.Fatalf("default list %v", got)
	}
	if got := names(ClientFilter{Archived: true}); !slices.Equal(got, []int64{id}) {
		t.Fatalf("archived list %v", got)
	}
	if got := names(ClientFilter{Archived: true, Statuses: []ClientStatus{ClientActive}}); len(got) != 0 {
		t.Fatalf("archived active list %v", got)
	}
	expectInvalid(t, s, "lead", "client_closed", func() error {
		return s.Reassign(tctx, id, RoleLead, backup, clockToday)
	})

	if err := s.RestoreClient(tctx, id); err != nil {
		t.Fatal(err)
	}
	c, _ = s.GetClient(tctx, id)
	if !c.ArchivedOn.IsZero() || c.Status != ClientChurned {
		t.Fatalf("restored %+v", c)
	}
	if got := names(ClientFilter{}); !slices.Equal(got, []int64{keep, id}) {
		t.Fatalf("default list after restore %v", got)
	}
	if got := names(ClientFilter{Archived: true}); len(got) != 0 {
		t.Fatalf("archived list after restore %v", got)
	}
	if err := s.RestoreClient(tctx, 999); !isErr(err, ErrNotFound) {
		t.Fatalf("RestoreClient(999): %v", err)
	}
	if err := s.ArchiveClient(tctx, 999, clockToday, "x"); !isErr(err, ErrNotFound) {
		t.Fatalf("ArchiveClient(999): %v", err)
	}
}

func TestArchiveProspectKeepsStatus(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	c := sampleClient("Перспективный")
	c.Status = ClientProspect
	id := mustSaveClient(t, s, c, ClientTeam{LeadID: lead})
	if err := s.ArchiveClient(tctx, id, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	got, _ := s.GetClient(tctx, id)
	if got.Status != ClientProspect || !got.ArchivedOn.Equal(clockToday) {
		t.Fatalf("archived prospect %+v", got)
	}
	if a := openRole(t, s, id, RoleLead); a.ID != 0 {
		t.Fatalf("an archived client still has an open lead: %+v", a)
	}
}

func TestGetClientNotFound(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	if _, err := s.GetClient(tctx, 7); !isErr(err, ErrNotFound) {
		t.Fatalf("GetClient: %v", err)
	}
	c := sampleClient("Призрак")
	c.ID = 7
	if _, err := s.SaveClient(tctx, c, ClientTeam{LeadID: lead}); !isErr(err, ErrNotFound) {
		t.Fatalf("SaveClient of a missing id: %v", err)
	}
	if _, err := s.ClientDetail(tctx, 7); !isErr(err, ErrNotFound) {
		t.Fatalf("ClientDetail: %v", err)
	}
}
