package data

import (
	"strings"
	"testing"
	"time"
)

func TestSaveStaffValidation(t *testing.T) {
	s := openScratchStore(t)
	existing := seedPerson(t, s, "Иванов Иван")
	cases := []struct {
		name        string
		edit        func(p *Staff)
		field, code string
	}{
		{"empty name", func(p *Staff) { p.FullName = "" }, "full_name", "required"},
		{"blank name", func(p *Staff) { p.FullName = "  \t " }, "full_name", "required"},
		{"FTE 0", func(p *Staff) { p.FTE = 0 }, "fte", "range"},
		{"FTE 1.5", func(p *Staff) { p.FTE = 1.5 }, "fte", "range"},
		{"FTE 0.05", func(p *Staff) { p.FTE = 0.05 }, "fte", "range"},
		{"no hire date", func(p *Staff) { p.HireDate = time.Time{} }, "hire_date", "required"},
		{"left without date", func(p *Staff) { p.Status = StaffLeft }, "left_date", "required"},
		{"left before hired", func(p *Staff) { p.Status, p.LeftDate = StaffLeft, Day(2022, 1, 31) }, "left_date", "before_date"},
		{"unknown status", func(p *Staff) { p.Status = "fired" }, "status", "invalid_choice"},
		{"e-mail without @", func(p *Staff) { p.Email = "ivan.example.ru" }, "email", "invalid_email"},
		{"e-mail without domain dot", func(p *Staff) { p.Email = "ivan@localhost" }, "email", "invalid_email"},
		{"e-mail with a display name", func(p *Staff) { p.Email = "Иван <ivan@example.ru>" }, "email", "invalid_email"},
		{"e-mail with spaces", func(p *Staff) { p.Email = "ivan petrov@example.ru" }, "email", "invalid_email"},
		{"phone with letters", func(p *Staff) { p.Phone = "+7 (495) ABC-45-67" }, "phone", "invalid_phone"},
		{"phone too short", func(p *Staff) { p.Phone = "12-34" }, "phone", "invalid_phone"},
		{"phone too long", func(p *Staff) { p.Phone = "+7 495 123 45 67 89 01 23" }, "phone", "invalid_phone"},
		{"plus in the middle", func(p *Staff) { p.Phone = "8+495 123 45 67" }, "phone", "invalid_phone"},
		{"no grade", func(p *Staff) { p.GradeID = 0 }, "grade", "required"},
		{"unknown grade", func(p *Staff) { p.GradeID = 999 }, "grade", "invalid_choice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := samplePerson(t, s, "Петров Пётр")
			tc.edit(&p)
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveStaff(tctx, p, GradeChange{})
				return err
			})
			// The same mistake on an existing person is refused too.
			q := samplePerson(t, s, "Иванов Иван")
			q.ID = existing
			tc.edit(&q)
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveStaff(tctx, q, GradeChange{Date: Day(2024, 1, 1), Reason: "пересмотр"})
				return err
			})
		})
	}
}

func TestSaveStaffReportsEveryInvalidField(t *testing.T) {
	s := openScratchStore(t)
	_, err := s.SaveStaff(tctx, Staff{FTE: 2, Email: "x", Phone: "y"}, GradeChange{})
	for _, field := range []string{"full_name", "grade", "hire_date", "fte", "email", "phone"} {
		v, _ := AsValidation(err)
		if v == nil {
			t.Fatalf("%v", err)
		}
		if _, ok := v.For(field); !ok {
			t.Errorf("no error for %s in %v", field, err)
		}
	}
	f := wantField(t, err, "fte", "range")
	if f.Params["Min"] != 0.1 || f.Params["Max"] != 1.0 {
		t.Errorf("fte params %v", f.Params)
	}
}

func TestSaveStaffAcceptsValidContacts(t *testing.T) {
	s := openScratchStore(t)
	p := samplePerson(t, s, "  Смирнова   Анна  ")
	p.Email, p.Phone, p.Status = " anna.smirnova@agency.ru ", "+7 (495) 123-45-67", ""
	id := mustSaveStaff(t, s, p)
	got, err := s.GetStaff(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.FullName != "Смирнова Анна" || got.Email != "anna.smirnova@agency.ru" || got.Status != StaffActive ||
		got.Phone != "+7 (495) 123-45-67" || !got.HireDate.Equal(Day(2022, 2, 1)) || got.FTE != 1 {
		t.Fatalf("saved %+v", got)
	}
	// A left date given with a working status is dropped.
	got.FTE, got.LeftDate = 0.5, Day(2025, 1, 1)
	mustSaveStaff(t, s, got)
	again, _ := s.GetStaff(tctx, id)
	if again.FTE != 0.5 || !again.LeftDate.IsZero() {
		t.Fatalf("updated %+v", again)
	}
}

func TestGetStaffNotFound(t *testing.T) {
	s := openScratchStore(t)
	if _, err := s.GetStaff(tctx, 42); !isErr(err, ErrNotFound) {
		t.Fatalf("GetStaff: %v", err)
	}
	p := samplePerson(t, s, "Никто")
	p.ID = 42
	if _, err := s.SaveStaff(tctx, p, GradeChange{}); !isErr(err, ErrNotFound) {
		t.Fatalf("SaveStaff of a missing id: %v", err)
	}
	if err := s.ArchiveStaff(tctx, 42, clockToday); !isErr(err, ErrNotFound) {
		t.Fatalf("ArchiveStaff of a missing id: %v", err)
	}
	if _, err := s.StaffDetail(tctx, 42); !isErr(err, ErrNotFound) {
		t.Fatalf("StaffDetail of a missing id: %v", err)
	}
}

func TestNewStaffGetsFirstGradeHistoryRow(t *testing.T) {
	s := openScratchStore(t)
	id := seedPerson(t, s, "Иванов Иван")
	d, err := s.StaffDetail(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.GradeHistory) != 1 {
		t.Fatalf("grade history %+v", d.GradeHistory)
	}
	h := d.GradeHistory[0]
	if !h.Date.Equal(Day(2022, 2, 1)) || h.From.ID != 0 || h.To.Code != "middle" || h.Reason != "" {
		t.Fatalf("first row %+v", h)
	}
	if d.Grade.Code != "middle" || d.Person.FullName != "Иванов Иван" {
		t.Fatalf("detail %+v", d)
	}
}

func TestGradeChangeValidation(t *testing.T) {
	s := openScratchStore(t)
	id := seedPerson(t, s, "Иванов Иван")
	p, _ := s.GetStaff(tctx, id)
	senior := gradeIDByCode(t, s, "senior")
	p.GradeID = senior
	cases := []struct {
		name        string
		change      GradeChange
		field, code string
	}{
		{"no date", GradeChange{Reason: "итоги оценки"}, "grade_date", "required"},
		{"no reason", GradeChange{Date: Day(2024, 6, 1)}, "grade_reason", "required"},
		{"blank reason", GradeChange{Date: Day(2024, 6, 1), Reason: "   "}, "grade_reason", "required"},
		{"before hiring", GradeChange{Date: Day(2022, 1, 1), Reason: "итоги оценки"}, "grade_date", "before_date"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveStaff(tctx, p, tc.change)
				return err
			})
		})
	}

	// A valid change adds a dated, explained row.
	if _, err := s.SaveStaff(tctx, p, GradeChange{Date: Day(2024, 6, 1), Reason: " итоги оценки "}); err != nil {
		t.Fatal(err)
	}
	// A later change may not be dated before it.
	p.GradeID = gradeIDByCode(t, s, "lead")
	expectInvalid(t, s, "grade_date", "before_date", func() error {
		_, err := s.SaveStaff(tctx, p, GradeChange{Date: Day(2024, 5, 31), Reason: "повышение"})
		return err
	})
	if _, err := s.SaveStaff(tctx, p, GradeChange{Date: Day(2025, 9, 1), Reason: "повышение"}); err != nil {
		t.Fatal(err)
	}
	d, err := s.StaffDetail(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Grade.Code != "lead" || len(d.GradeHistory) != 3 {
		t.Fatalf("grade %s, history %+v", d.Grade.Code, d.GradeHistory)
	}
	// Newest first.
	h := d.GradeHistory
	if !h[0].Date.Equal(Day(2025, 9, 1)) || h[0].From.Code != "senior" || h[0].To.Code != "lead" || h[0].Reason != "повышение" {
		t.Errorf("newest row %+v", h[0])
	}
	if !h[1].Date.Equal(Day(2024, 6, 1)) || h[1].From.Code != "middle" || h[1].To.Code != "senior" || h[1].Reason != "итоги оценки" {
		t.Errorf("middle row %+v", h[1])
	}
	if h[2].From.ID != 0 || h[2].To.Code != "middle" {
		t.Errorf("first row %+v", h[2])
	}
	// Saving without a grade change adds nothing, whatever GradeChange says.
	p, _ = s.GetStaff(tctx, id)
	p.Team = "Бета"
	if _, err := s.SaveStaff(tctx, p, GradeChange{Date: Day(2026, 1, 1), Reason: "ничего"}); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `SELECT count(*) FROM grade_history WHERE staff_id = ?`, id); n != 3 {
		t.Fatalf("history rows %d", n)
	}
}

func TestArchivingSomeoneWhoLeadsClientsIsRefused(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	seedClient(t, s, "Ромашка", lead)
	seedClient(t, s, "Лютик", lead)
	fe := expectInvalid(t, s, "status", "leads_clients", func() error {
		return s.ArchiveStaff(tctx, lead, Day(2026, 3, 1))
	})
	if fe.Params["Count"] != 2 {
		t.Fatalf("params %v", fe.Params)
	}
	p, _ := s.GetStaff(tctx, lead)
	p.Status, p.LeftDate = StaffLeft, Day(2026, 3, 1)
	fe = expectInvalid(t, s, "status", "leads_clients", func() error {
		_, err := s.SaveStaff(tctx, p, GradeChange{})
		return err
	})
	if fe.Params["Count"] != 2 {
		t.Fatalf("params %v", fe.Params)
	}
}

func TestLeavingClosesBackupsOnLeftDate(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	backup := seedPerson(t, s, "Петров Пётр")
	c1 := mustSaveClient(t, s, sampleClient("Ромашка"), ClientTeam{LeadID: lead, BackupID: backup})
	c2 := mustSaveClient(t, s, sampleClient("Лютик"), ClientTeam{LeadID: lead, BackupID: backup})
	// An earlier, finished backup row keeps its own end.
	c3 := seedClient(t, s, "Василёк", lead)
	if _, err := s.AddAssignment(tctx, Assignment{ClientID: c3, StaffID: backup, Role: RoleBackup,
		Start: Day(2023, 2, 1), End: Day(2023, 12, 31)}); err != nil {
		t.Fatal(err)
	}

	// The left date may not precede an open assignment.
	expectInvalid(t, s, "left_date", "before_date", func() error {
		return s.ArchiveStaff(tctx, backup, Day(2022, 12, 31))
	})

	left := Day(2026, 2, 27)
	if err := s.ArchiveStaff(tctx, backup, left); err != nil {
		t.Fatal(err)
	}
	for _, c := range []int64{c1, c2} {
		rows := assignmentsOf(t, s, c)
		if len(rows) != 2 {
			t.Fatalf("client %d rows %+v", c, rows)
		}
		for _, a := range rows {
			switch a.Role {
			case RoleBackup:
				if !a.End.Equal(left) || a.StaffID != backup {
					t.Errorf("backup row %+v, want end %v", a, left)
				}
			case RoleLead:
				if !a.End.IsZero() {
					t.Errorf("the lead's row was closed: %+v", a)
				}
			}
		}
	}
	for _, a := range assignmentsOf(t, s, c3) {
		if a.Role == RoleBackup && !a.End.Equal(Day(2023, 12, 31)) {
			t.Errorf("a finished row changed: %+v", a)
		}
	}
	p, _ := s.GetStaff(tctx, backup)
	if p.Status != StaffLeft || !p.LeftDate.Equal(left) {
		t.Fatalf("archived %+v", p)
	}
	// Default list hides people who left; the Statuses filter shows them with no clients.
	rows, _ := s.ListStaff(tctx, StaffFilter{})
	if len(rows) != 1 || rows[0].ID != lead {
		t.Fatalf("default list %+v", rows)
	}
	rows, _ = s.ListStaff(tctx, StaffFilter{Statuses: []StaffStatus{StaffLeft}})
	if len(rows) != 1 || rows[0].ID != backup || rows[0].BackupClients != 0 || rows[0].LeadClients != 0 {
		t.Fatalf("left list %+v", rows)
	}
	// Saving the archived person again changes nothing about the assignments.
	before := dbSnapshot(t, s)
	mustSaveStaff(t, s, p)
	if dbSnapshot(t, s) != before {
		t.Fatal("re-saving an archived person changed the database")
	}
}

func TestLeadCanLeaveAfterHandingOverClients(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	next := seedPerson(t, s, "Петров Пётр")
	client := seedClient(t, s, "Ромашка", lead)
	if err := s.Reassign(tctx, client, RoleLead, next, Day(2026, 3, 2)); err != nil {
		t.Fatal(err)
	}
	if err := s.ArchiveStaff(tctx, lead, Day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	d, err := s.StaffDetail(tctx, lead)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Assignments) != 1 || !d.Assignments[0].End.Equal(Day(2026, 3, 1)) || d.Assignments[0].ClientName != "Ромашка" {
		t.Fatalf("assignments %+v", d.Assignments)
	}
}

func TestTeams(t *testing.T) {
	s := openScratchStore(t)
	p := samplePerson(t, s, "Иванов Иван")
	p.Team = "Бета"
	mustSaveStaff(t, s, p)
	p = samplePerson(t, s, "Петров Пётр")
	p.Team = "Альфа"
	mustSaveStaff(t, s, p)
	p = samplePerson(t, s, "Сидоров Сидор")
	p.Team = "  "
	mustSaveStaff(t, s, p)
	mustSaveStaff(t, s, samplePerson(t, s, "Кузнецов Кузьма"))
	teams, err := s.Teams(tctx)
	if err != nil || strings.Join(teams, ",") != "Альфа,Бета" {
		t.Fatalf("teams %v, %v", teams, err)
	}
}

func TestSaveGrade(t *testing.T) {
	s := openScratchStore(t)
	expectInvalid(t, s, "code", "duplicate", func() error {
		_, err := s.SaveGrade(tctx, GradeLevel{Code: "junior", NameRU: "Стажёр", NameEN: "Intern", Rank: 9, Capacity: 4})
		return err
	})
	expectInvalid(t, s, "rank", "duplicate", func() error {
		_, err := s.SaveGrade(tctx, GradeLevel{Code: "intern", NameRU: "Стажёр", NameEN: "Intern", Rank: 1, Capacity: 4})
		return err
	})
	expectInvalid(t, s, "capacity", "negative", func() error {
		_, err := s.SaveGrade(tctx, GradeLevel{Code: "intern", NameRU: "Стажёр", NameEN: "Intern", Rank: 9, Capacity: -1})
		return err
	})
	id, err := s.SaveGrade(tctx, GradeLevel{Code: " head ", NameRU: "Директор", NameEN: "Head", Rank: 5, Capacity: 4})
	if err != nil {
		t.Fatal(err)
	}
	grades, _ := s.Grades(tctx)
	if len(grades) != 5 || grades[4].ID != id || grades[4].Code != "head" || grades[4].Name("ru") != "Директор" ||
		grades[4].Name("en") != "Head" {
		t.Fatalf("grades %+v", grades)
	}
	// Updating keeps the id; a clash with another grade is refused, not with itself.
	g := grades[4]
	g.Capacity, g.NameEN = 6, "Head of accounts"
	if got, err := s.SaveGrade(tctx, g); err != nil || got != id {
		t.Fatalf("update: %d, %v", got, err)
	}
	g.Rank = 4
	expectInvalid(t, s, "rank", "duplicate", func() error {
		_, err := s.SaveGrade(tctx, g)
		return err
	})
	grades, _ = s.Grades(tctx)
	if grades[4].Capacity != 6 || grades[4].NameEN != "Head of accounts" || grades[4].Rank != 5 {
		t.Fatalf("updated %+v", grades[4])
	}
	if _, err := s.SaveGrade(tctx, GradeLevel{ID: 99, Code: "x", NameRU: "x", NameEN: "x", Rank: 50}); !isErr(err, ErrNotFound) {
		t.Fatalf("updating a missing grade: %v", err)
	}
}
