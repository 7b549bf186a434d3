package data

import (
	"slices"
	"testing"
	"time"
)

// listFixture is a small department with people and clients chosen so that every list
// filter and every Overview figure has cases on both sides of its boundary. "now" is
// clockNow (2026-03-16 12:00).
type listFixture struct {
	s *Store
	// people
	ivanov, alena, semenov, testUnderscore, testX, gone int64
	// clients
	alfa, beta, gamma, delta100, delta1000, ezhik, hidden int64
}

func (f listFixture) day(offset int) time.Time { return clockToday.AddDate(0, 0, offset) }

func newListFixture(t *testing.T) listFixture {
	t.Helper()
	s := openScratchStore(t)
	f := listFixture{s: s}
	staff := func(name, grade, team string, edit func(p *Staff)) int64 {
		p := samplePerson(t, s, name)
		p.GradeID, p.Team = gradeIDByCode(t, s, grade), team
		if edit != nil {
			edit(&p)
		}
		return mustSaveStaff(t, s, p)
	}
	f.ivanov = staff("ИВАНОВ Иван", "junior", "Альфа", func(p *Staff) { p.Email = "ivanov@agency.ru" })
	f.alena = staff("Алёна Фёдорова", "middle", "Бета", func(p *Staff) { p.Status = StaffOnLeave })
	f.semenov = staff("Семенов Семён", "senior", "Альфа", func(p *Staff) { p.Phone = "+7 916 000-00-01" })
	f.testUnderscore = staff("Test_Name", "middle", "QA 100%", nil)
	f.testX = staff("TestXName", "middle", "QA 1000", nil)
	f.gone = staff("Ушедший Сотрудник", "lead", "Альфа", nil)
	if err := s.ArchiveStaff(tctx, f.gone, Day(2025, 12, 31)); err != nil {
		t.Fatal(err)
	}

	client := func(name, industry, tier string, status ClientStatus, budget int64, team ClientTeam, edit func(c *Client)) int64 {
		c := sampleClient(name)
		c.Industry, c.Tier, c.Status, c.MonthlyBudget = industry, tier, status, budget
		if edit != nil {
			edit(&c)
		}
		return mustSaveClient(t, s, c, team)
	}
	both := ClientTeam{LeadID: f.ivanov, BackupID: f.semenov}
	f.alfa = client("Альфа-Банк", "Финансы", "A", ClientActive, 1_000_000, both, nil)
	f.beta = client("Бета Строй", "Строительство", "B", ClientActive, 300_000, both, nil)
	f.gamma = client("Гамма", "Ритейл", "C", ClientPaused, 700_000, ClientTeam{LeadID: f.semenov, BackupID: f.ivanov}, nil)
	f.delta100 = client("Дельта 100%", "ИТ", "B", ClientProspect, 50_000, ClientTeam{}, func(c *Client) { c.Notes = "скидка_50" })
	f.delta1000 = client("Дельта 1000", "ИТ", "B", ClientProspect, 60_000, ClientTeam{}, func(c *Client) { c.Notes = "скидка 500" })
	f.ezhik = client("Ёжик", "Еда", "C", ClientChurned, 80_000, ClientTeam{}, func(c *Client) {
		c.ChurnDate, c.ChurnReason = Day(2026, 1, 31), "закрылись"
	})
	// An archived client that still says "active" (restored data, an old import): every
	// figure must leave it out because it is archived, not because of its status.
	f.hidden = client("Хранилище", "Финансы", "A", ClientProspect, 9_000_000, ClientTeam{}, nil)
	if err := s.ArchiveClient(tctx, f.hidden, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.Exec(`UPDATE clients SET status = 'active' WHERE id = ?`, f.hidden); err != nil {
		t.Fatal(err)
	}

	contract := func(clientID int64, number string, status ContractStatus, end time.Time, sla float64) {
		k := sampleContract(clientID, number)
		k.Status, k.End, k.SLAHours = status, end, sla
		mustSaveContract(t, s, k)
	}
	contract(f.alfa, "A-1", ContractActive, f.day(10), 4)
	contract(f.alfa, "A-2", ContractActive, f.day(60), 24) // the last day of the Overview window
	contract(f.beta, "B-1", ContractActive, f.day(30), 48)
	contract(f.beta, "B-2", ContractActive, f.day(61), 100) // just outside the window
	contract(f.beta, "B-0", ContractEnded, f.day(5), 1)     // not active: neither its end nor its SLA count
	contract(f.gamma, "C-1", ContractActive, f.day(0), 24)  // ends today: still within any window
	contract(f.delta100, "D-1", ContractDraft, f.day(3), 24)
	contract(f.delta100, "D-0", ContractActive, f.day(-1), 24) // ended yesterday
	contract(f.delta1000, "E-1", ContractTerminated, f.day(20), 48)
	contract(f.hidden, "H-1", ContractActive, f.day(5), 1)

	open := func(clientID int64, kind, when string) int64 {
		return mustSaveInteraction(t, s, Interaction{ClientID: clientID, At: atTime(when), Channel: "email", Kind: kind})
	}
	// Альфа, SLA 4 h: one complaint 4 h 01 min old (overdue), one exactly 4 h old (not
	// yet), one from last week (overdue).
	open(f.alfa, KindComplaint, "2026-03-16 07:59")
	open(f.alfa, KindComplaint, "2026-03-16 08:00")
	open(f.alfa, KindEscalation, "2026-03-10 10:00")
	// Бета, SLA 48 h (the ended contract's 1 h does not apply): 36 h old is within it.
	open(f.beta, KindComplaint, "2026-03-15 00:00")
	// Гамма, SLA 24 h: an escalation 24 h 01 min old.
	open(f.gamma, KindEscalation, "2026-03-15 11:59")
	// Дельта 100%, default 24 h: exactly 24 h old, a resolved one and an open request.
	open(f.delta100, KindComplaint, "2026-03-15 12:00")
	mustSaveInteraction(t, s, Interaction{ClientID: f.delta100, At: atTime("2026-03-01 11:00"), Channel: "call",
		Kind: KindComplaint, ResolvedAt: atTime("2026-03-16 09:00")})
	open(f.delta100, KindRequest, "2026-03-01 10:00")
	// Дельта 1000: only a terminated contract, so the default 24 h applies, not its 48 h.
	open(f.delta1000, KindComplaint, "2026-03-14 12:00")
	// The archived client's overdue complaint is not counted anywhere.
	open(f.hidden, KindComplaint, "2026-03-01 10:00")
	return f
}

func staffIDs(t *testing.T, s *Store, filter StaffFilter) []int64 {
	t.Helper()
	rows, err := s.ListStaff(tctx, filter)
	if err != nil {
		t.Fatalf("ListStaff(%+v): %v", filter, err)
	}
	ids := []int64{}
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func clientIDs(t *testing.T, s *Store, filter ClientFilter) []int64 {
	t.Helper()
	rows, err := s.ListClients(tctx, filter)
	if err != nil {
		t.Fatalf("ListClients(%+v): %v", filter, err)
	}
	ids := []int64{}
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestListStaffFilters(t *testing.T) {
	f := newListFixture(t)
	s := f.s
	cases := []struct {
		name   string
		filter StaffFilter
		want   []int64 // in name order
	}{
		{"default: everyone who has not left", StaffFilter{},
			[]int64{f.testUnderscore, f.testX, f.alena, f.ivanov, f.semenov}},
		{"grade", StaffFilter{GradeID: gradeIDByCode(t, s, "middle")}, []int64{f.testUnderscore, f.testX, f.alena}},
		{"grade of someone who left", StaffFilter{GradeID: gradeIDByCode(t, s, "lead")}, []int64{}},
		{"team", StaffFilter{Team: "Альфа"}, []int64{f.ivanov, f.semenov}},
		{"team with everyone", StaffFilter{Team: "Альфа", Statuses: StaffStatuses}, []int64{f.ivanov, f.semenov, f.gone}},
		{"on leave", StaffFilter{Statuses: []StaffStatus{StaffOnLeave}}, []int64{f.alena}},
		{"left", StaffFilter{Statuses: []StaffStatus{StaffLeft}}, []int64{f.gone}},
		{"active and left", StaffFilter{Statuses: []StaffStatus{StaffActive, StaffLeft}},
			[]int64{f.testUnderscore, f.testX, f.ivanov, f.semenov, f.gone}},
		{"lower-case Cyrillic finds upper case", StaffFilter{Search: "иван"}, []int64{f.ivanov}},
		{"upper-case Cyrillic finds mixed case", StaffFilter{Search: "ФЕДОР"}, []int64{f.alena}},
		{"е finds ё", StaffFilter{Search: "алена"}, []int64{f.alena}},
		{"ё finds е", StaffFilter{Search: "Семёнов"}, []int64{f.semenov}},
		{"surrounding spaces", StaffFilter{Search: "  семен  "}, []int64{f.semenov}},
		{"e-mail", StaffFilter{Search: "IVANOV@"}, []int64{f.ivanov}},
		{"phone", StaffFilter{Search: "916"}, []int64{f.semenov}},
		{"team text", StaffFilter{Search: "бета"}, []int64{f.alena}},
		{"position", StaffFilter{Search: "аккаунт"}, []int64{f.testUnderscore, f.testX, f.alena, f.ivanov, f.semenov}},
		{"underscore is literal", StaffFilter{Search: "t_n"}, []int64{f.testUnderscore}},
		{"lone underscore is literal", StaffFilter{Search: "_"}, []int64{f.testUnderscore}},
		{"percent is literal", StaffFilter{Search: "100%"}, []int64{f.testUnderscore}},
		{"lone percent is literal", StaffFilter{Search: "%"}, []int64{f.testUnderscore}},
		{"backslash is literal", StaffFilter{Search: `\`}, []int64{}},
		{"no match", StaffFilter{Search: "Петров"}, []int64{}},
		{"search among those who left", StaffFilter{Search: "ушедший", Statuses: []StaffStatus{StaffLeft}}, []int64{f.gone}},
		{"search hides those who left by default", StaffFilter{Search: "ушедший"}, []int64{}},
		{"combined", StaffFilter{Team: "Альфа", GradeID: gradeIDByCode(t, s, "senior"), Search: "сем"}, []int64{f.semenov}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := staffIDs(t, s, tc.filter); !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestListStaffCountsAndGrades(t *testing.T) {
	f := newListFixture(t)
	rows, err := f.s.ListStaff(tctx, StaffFilter{Statuses: StaffStatuses})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]struct {
		lead, backup int
		grade        string
	}{
		f.ivanov:         {2, 1, "junior"},
		f.semenov:        {1, 2, "senior"},
		f.alena:          {0, 0, "middle"},
		f.testUnderscore: {0, 0, "middle"},
		f.testX:          {0, 0, "middle"},
		f.gone:           {0, 0, "lead"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		w := want[r.ID]
		if r.LeadClients != w.lead || r.BackupClients != w.backup || r.Grade.Code != w.grade || r.Grade.ID != r.GradeID {
			t.Errorf("%s: lead %d backup %d grade %s, want %+v", r.FullName, r.LeadClients, r.BackupClients, r.Grade.Code, w)
		}
	}
	// Closed assignments do not count: hand Альфа over to Алёна's colleague.
	if err := f.s.Reassign(tctx, f.alfa, RoleLead, f.testX, clockToday); err != nil {
		t.Fatal(err)
	}
	rows, _ = f.s.ListStaff(tctx, StaffFilter{Search: "иванов"})
	if len(rows) != 1 || rows[0].LeadClients != 1 || rows[0].BackupClients != 1 {
		t.Fatalf("after handing over: %+v", rows)
	}
}

func TestListClientsFilters(t *testing.T) {
	f := newListFixture(t)
	s := f.s
	cases := []struct {
		name   string
		filter ClientFilter
		want   []int64 // in name order
	}{
		{"default: everything not archived", ClientFilter{},
			[]int64{f.alfa, f.beta, f.gamma, f.delta100, f.delta1000, f.ezhik}},
		{"archived only", ClientFilter{Archived: true}, []int64{f.hidden}},
		{"active", ClientFilter{Statuses: []ClientStatus{ClientActive}}, []int64{f.alfa, f.beta}},
		{"paused and prospects", ClientFilter{Statuses: []ClientStatus{ClientPaused, ClientProspect}},
			[]int64{f.gamma, f.delta100, f.delta1000}},
		{"churned", ClientFilter{Statuses: []ClientStatus{ClientChurned}}, []int64{f.ezhik}},
		{"tier A", ClientFilter{Tier: "A"}, []int64{f.alfa}},
		{"tier B", ClientFilter{Tier: "B"}, []int64{f.beta, f.delta100, f.delta1000}},
		{"manager as lead or backup", ClientFilter{ManagerID: f.ivanov}, []int64{f.alfa, f.beta, f.gamma}},
		{"other manager", ClientFilter{ManagerID: f.semenov}, []int64{f.alfa, f.beta, f.gamma}},
		{"manager with no clients", ClientFilter{ManagerID: f.alena}, []int64{}},
		{"contracts ending within 60 days", ClientFilter{ContractEndsWithin: 60}, []int64{f.alfa, f.beta, f.gamma}},
		{"contracts ending within 30 days (inclusive)", ClientFilter{ContractEndsWithin: 30}, []int64{f.alfa, f.beta, f.gamma}},
		{"contracts ending within 29 days", ClientFilter{ContractEndsWithin: 29}, []int64{f.alfa, f.gamma}},
		{"contracts ending within 9 days", ClientFilter{ContractEndsWithin: 9}, []int64{f.gamma}},
		{"overdue complaints", ClientFilter{OverdueComplaints: true}, []int64{f.alfa, f.gamma, f.delta1000}},
		{"overdue among archived", ClientFilter{OverdueComplaints: true, Archived: true}, []int64{f.hidden}},
		{"search name", ClientFilter{Search: "банк"}, []int64{f.alfa}},
		{"search industry", ClientFilter{Search: "СТРОИТ"}, []int64{f.beta}},
		{"search notes", ClientFilter{Search: "скидка"}, []int64{f.delta100, f.delta1000}},
		{"е finds ё", ClientFilter{Search: "ежик"}, []int64{f.ezhik}},
		{"percent is literal", ClientFilter{Search: "100%"}, []int64{f.delta100}},
		{"underscore is literal", ClientFilter{Search: "_50"}, []int64{f.delta100}},
		{"combined", ClientFilter{Statuses: []ClientStatus{ClientActive}, ManagerID: f.semenov, Tier: "A",
			ContractEndsWithin: 60, OverdueComplaints: true, Search: "альфа"}, []int64{f.alfa}},
		{"combined, no match", ClientFilter{Tier: "C", OverdueComplaints: true, ManagerID: f.ivanov, Search: "бета"}, []int64{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := clientIDs(t, s, tc.filter); !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestListClientsRowContents(t *testing.T) {
	f := newListFixture(t)
	rows, err := f.s.ListClients(tctx, ClientFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]ClientRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	a := byID[f.alfa]
	if a.Lead.ID != f.ivanov || a.Lead.Name != "ИВАНОВ Иван" || a.Backup.ID != f.semenov || a.Backup.Name != "Семенов Семён" ||
		!a.ContractEnd.Equal(f.day(60)) || a.MonthlyBudget != 1_000_000 || !slices.Equal(a.Services, []string{"media_buying"}) {
		t.Errorf("Альфа row %+v", a)
	}
	if g := byID[f.gamma]; g.Lead.ID != f.semenov || g.Backup.ID != f.ivanov || !g.ContractEnd.Equal(f.day(0)) {
		t.Errorf("Гамма row %+v", g)
	}
	if d := byID[f.delta1000]; d.Lead.ID != 0 || d.Lead.Name != "" || d.Backup.ID != 0 || !d.ContractEnd.IsZero() {
		t.Errorf("Дельта 1000 row %+v", d)
	}
}

func TestListClientsFollowsTheClock(t *testing.T) {
	f := newListFixture(t)
	// Four hours earlier nothing at Альфа is past its 4 h SLA except last week's
	// escalation, Гамма's escalation is not yet 24 h old, Дельта 1000's is.
	f.s.SetClock(func() time.Time { return clockNow.Add(-4 * time.Hour) })
	if got := clientIDs(t, f.s, ClientFilter{OverdueComplaints: true}); !slices.Equal(got, []int64{f.alfa, f.delta1000}) {
		t.Fatalf("overdue at 08:00: %v", got)
	}
	// A day later Бета's contract is 29 days away and Гамма's has ended.
	f.s.SetClock(func() time.Time { return clockNow.AddDate(0, 0, 1) })
	if got := clientIDs(t, f.s, ClientFilter{ContractEndsWithin: 29}); !slices.Equal(got, []int64{f.alfa, f.beta}) {
		t.Fatalf("ending within 29 days tomorrow: %v", got)
	}
	// Resolving Альфа's complaints takes it off the overdue list.
	f.s.SetClock(func() time.Time { return clockNow })
	d, err := f.s.ClientDetail(tctx, f.alfa)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Interactions {
		r.ResolvedAt = atTime("2026-03-16 11:00")
		mustSaveInteraction(t, f.s, r.Interaction)
	}
	if got := clientIDs(t, f.s, ClientFilter{OverdueComplaints: true}); !slices.Equal(got, []int64{f.gamma, f.delta1000}) {
		t.Fatalf("overdue after resolving: %v", got)
	}
}

func TestListsSortAlphabetically(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	ids := map[string]int64{}
	for _, name := range []string{"Жасмин", "ель", "абрикос", "Ёлка", "Дуб"} {
		ids[name] = seedClient(t, s, name, lead)
	}
	var want []int64
	for _, name := range []string{"абрикос", "Дуб", "Ёлка", "ель", "Жасмин"} {
		want = append(want, ids[name])
	}
	// Listed as in a Russian dictionary: ё with е, case ignored.
	if got := clientIDs(t, s, ClientFilter{}); !slices.Equal(got, want) {
		t.Fatalf("clients %v, want %v", got, want)
	}
	staff := []int64{
		seedPerson(t, s, "Ёлкин Павел"),
		seedPerson(t, s, "агеев Олег"),
		seedPerson(t, s, "Жуков Илья"),
		seedPerson(t, s, "Егоров Пётр"),
	}
	want = []int64{staff[1], staff[3], staff[0], staff[2], lead}
	if got := staffIDs(t, s, StaffFilter{}); !slices.Equal(got, want) {
		t.Fatalf("staff %v, want %v", got, want)
	}
}
