package data

import (
	"errors"
	"testing"
	"time"
)

// sampleProcedure is a valid procedure owned by owner, reviewed a month ago, every 12
// months.
func sampleProcedure(title string, owner int64) Procedure {
	return Procedure{Title: title, Area: "reporting", OwnerID: owner, Link: "https://wiki.agency.ru/reports",
		LastReviewed: Day(2026, 2, 16), ReviewMonths: 12}
}

func mustSaveProcedure(t *testing.T, s *Store, p Procedure) int64 {
	t.Helper()
	id, err := s.SaveProcedure(tctx, p)
	if err != nil {
		t.Fatalf("SaveProcedure(%s): %v", p.Title, err)
	}
	return id
}

func mustProcedures(t *testing.T, s *Store) []ProcedureRow {
	t.Helper()
	ps, err := s.Procedures(tctx)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func mustMissingAcks(t *testing.T, s *Store) []MissingAck {
	t.Helper()
	ms, err := s.MissingAcks(tctx)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestSaveProcedureRefusesEachInvalidField(t *testing.T) {
	s := openScratchStore(t)
	owner := seedPerson(t, s, "Ольга Орлова")
	mustSaveProcedure(t, s, sampleProcedure("Регламент отчётов", owner))
	cases := []struct {
		name, field, code string
		edit              func(p *Procedure)
	}{
		{"no title", "title", "required", func(p *Procedure) { p.Title = "  " }},
		{"same title in other case and with ё", "title", "duplicate", func(p *Procedure) { p.Title = "РЕГЛАМЕНТ ОТЧЕТОВ" }},
		{"unknown area", "area", "invalid_choice", func(p *Procedure) { p.Area = "finance" }},
		{"no owner", "owner", "required", func(p *Procedure) { p.OwnerID = 0 }},
		{"unknown owner", "owner", "invalid_choice", func(p *Procedure) { p.OwnerID = 9999 }},
		{"link of another scheme", "link", "invalid_link", func(p *Procedure) { p.Link = "ftp://files/a.docx" }},
		{"link without host", "link", "invalid_link", func(p *Procedure) { p.Link = "https://" }},
		{"link in words", "link", "invalid_link", func(p *Procedure) { p.Link = "в вики отдела" }},
		{"relative path", "link", "invalid_link", func(p *Procedure) { p.Link = "docs/a.docx" }},
		{"no last review", "last_reviewed", "required", func(p *Procedure) { p.LastReviewed = time.Time{} }},
		{"reviewed tomorrow", "last_reviewed", "in_future", func(p *Procedure) { p.LastReviewed = clockToday.AddDate(0, 0, 1) }},
		{"interval 0", "review_months", "range", func(p *Procedure) { p.ReviewMonths = 0 }},
		{"interval 61", "review_months", "range", func(p *Procedure) { p.ReviewMonths = 61 }},
		{"negative version", "version", "positive", func(p *Procedure) { p.Version = -1 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := sampleProcedure("Согласование креативов", owner)
			c.edit(&p)
			expectInvalid(t, s, c.field, c.code, func() error { _, err := s.SaveProcedure(tctx, p); return err })
		})
	}
}

func TestSaveProcedureAcceptsTheEdgesAndKeepsVersionOnEdit(t *testing.T) {
	s := openScratchStore(t)
	owner := seedPerson(t, s, "Ольга Орлова")
	links := []string{"", "http://intranet/reg", "https://wiki.agency.ru/a?b=c", "file:///srv/docs/a.docx",
		"/srv/docs/a.docx", "~/Документы/a.docx", `C:\Регламенты\a.docx`, "d:/docs/a.docx", `\\fileserver\docs\a.docx`}
	for i, link := range links {
		p := sampleProcedure("Регламент "+string(rune('А'+i)), owner)
		p.Link = link
		p.ReviewMonths = []int{1, 60}[i%2]
		p.LastReviewed = clockToday // today is not in the future
		mustSaveProcedure(t, s, p)
	}
	p := sampleProcedure("Версионный", owner)
	p.Version = 3
	id := mustSaveProcedure(t, s, p)
	p.ID, p.Version, p.Title = id, 7, "Версионный (правка)"
	mustSaveProcedure(t, s, p)
	for _, row := range mustProcedures(t, s) {
		if row.ID == id && (row.Version != 3 || row.Title != "Версионный (правка)" || row.Owner != "Ольга Орлова") {
			t.Fatalf("edited procedure = %+v, want version 3 kept and the new title", row)
		}
	}
	if got := len(mustProcedures(t, s)); got != len(links)+1 {
		t.Fatalf("%d procedures, want %d", got, len(links)+1)
	}
}

func TestNextReviewAndOverdueEdge(t *testing.T) {
	p := Procedure{LastReviewed: Day(2025, 3, 16), ReviewMonths: 12}
	if got := p.NextReview(); !got.Equal(Day(2026, 3, 16)) {
		t.Fatalf("next review %v, want 2026-03-16", got)
	}
	if p.ReviewOverdue(Day(2026, 3, 16)) {
		t.Fatal("a review due today is not overdue")
	}
	if !p.ReviewOverdue(Day(2026, 3, 17)) {
		t.Fatal("a review due yesterday is overdue")
	}
	if !p.ReviewOverdue(time.Date(2026, 3, 17, 0, 30, 0, 0, time.UTC)) {
		t.Fatal("the time of day must not matter")
	}
	// The month's last day when the month is shorter.
	short := Procedure{LastReviewed: Day(2025, 1, 31), ReviewMonths: 1}
	if got := short.NextReview(); !got.Equal(Day(2025, 2, 28)) {
		t.Fatalf("31 Jan + 1 month = %v, want 2025-02-28", got)
	}
	if got := (Procedure{LastReviewed: Day(2023, 8, 31), ReviewMonths: 6}).NextReview(); !got.Equal(Day(2024, 2, 29)) {
		t.Fatalf("31 Aug 2023 + 6 months = %v, want 2024-02-29", got)
	}
	archived := p
	archived.ArchivedOn = Day(2026, 1, 1)
	if archived.ReviewOverdue(Day(2027, 1, 1)) {
		t.Fatal("an archived procedure is never overdue")
	}
}

func TestNewVersionInvalidatesAcknowledgements(t *testing.T) {
	s := openScratchStore(t)
	anna, boris, vera := seedPerson(t, s, "Анна Акимова"), seedPerson(t, s, "Борис Быков"), seedPerson(t, s, "Вера Волкова")
	id := mustSaveProcedure(t, s, sampleProcedure("Регламент отчётов", anna))
	if err := s.AcknowledgeProcedure(tctx, id, []int64{anna, boris}, Day(2026, 2, 20)); err != nil {
		t.Fatal(err)
	}
	want := func(version, acknowledged, readers int, missing ...int64) {
		t.Helper()
		ps := mustProcedures(t, s)
		if len(ps) != 1 || ps[0].Version != version || ps[0].Acknowledged != acknowledged || ps[0].Readers != readers {
			t.Fatalf("procedures = %+v, want version %d, %d of %d", ps, version, acknowledged, readers)
		}
		ms := mustMissingAcks(t, s)
		if len(ms) != len(missing) {
			t.Fatalf("missing = %+v, want staff %v", ms, missing)
		}
		for i, m := range ms {
			if m.StaffID != missing[i] || m.ProcedureID != id || m.Version != version || m.Procedure != "Регламент отчётов" {
				t.Fatalf("missing[%d] = %+v, want staff %d of version %d", i, m, missing[i], version)
			}
		}
	}
	want(1, 2, 3, vera)

	// A review without a new version keeps the acknowledgements.
	if err := s.ReviewProcedure(tctx, id, Day(2026, 3, 1), false); err != nil {
		t.Fatal(err)
	}
	want(1, 2, 3, vera)

	// A new version: nobody has read it yet, the old acknowledgements stay on record.
	if err := s.ReviewProcedure(tctx, id, clockToday, true); err != nil {
		t.Fatal(err)
	}
	want(2, 0, 3, anna, boris, vera)
	acks, err := s.ProcedureAcks(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(acks) != 2 || acks[0].Version != 1 || acks[0].Current || !acks[0].On.Equal(Day(2026, 2, 20)) ||
		acks[0].Staff != "Анна Акимова" {
		t.Fatalf("acks = %+v, want Анна's and Борис's of version 1, not current", acks)
	}
	if err := s.AcknowledgeProcedure(tctx, id, []int64{vera}, clockToday); err != nil {
		t.Fatal(err)
	}
	want(2, 1, 3, anna, boris)
	acks, _ = s.ProcedureAcks(tctx, id)
	if len(acks) != 3 || acks[0].StaffID != vera || acks[0].Version != 2 || !acks[0].Current {
		t.Fatalf("acks = %+v, want Вера's of version 2 first and current", acks)
	}
	ps := mustProcedures(t, s)
	if !ps[0].LastReviewed.Equal(clockToday) {
		t.Fatalf("last reviewed %v, want today", ps[0].LastReviewed)
	}
}

func TestReviewProcedureRefusesBadDays(t *testing.T) {
	s := openScratchStore(t)
	owner := seedPerson(t, s, "Ольга Орлова")
	id := mustSaveProcedure(t, s, sampleProcedure("Регламент отчётов", owner))
	expectInvalid(t, s, "on", "in_future", func() error {
		return s.ReviewProcedure(tctx, id, clockToday.AddDate(0, 0, 1), true)
	})
	expectInvalid(t, s, "on", "before_date", func() error {
		return s.ReviewProcedure(tctx, id, Day(2026, 2, 15), true) // last reviewed 16 February
	})
	expectInvalid(t, s, "on", "required", func() error { return s.ReviewProcedure(tctx, id, time.Time{}, false) })
	if err := s.ReviewProcedure(tctx, 9999, clockToday, false); !errors.Is(err, ErrNotFound) {
		t.Fatalf("reviewing nothing: %v, want ErrNotFound", err)
	}
}

func TestAcknowledgementsAreAllOrNothing(t *testing.T) {
	s := openScratchStore(t)
	anna, boris := seedPerson(t, s, "Анна Акимова"), seedPerson(t, s, "Борис Быков")
	id := mustSaveProcedure(t, s, sampleProcedure("Регламент отчётов", anna))
	expectInvalid(t, s, "staff", "invalid_choice", func() error {
		return s.AcknowledgeProcedure(tctx, id, []int64{anna, 9999, boris}, clockToday)
	})
	expectInvalid(t, s, "staff", "required", func() error { return s.AcknowledgeProcedure(tctx, id, nil, clockToday) })
	expectInvalid(t, s, "on", "in_future", func() error {
		return s.AcknowledgeProcedure(tctx, id, []int64{anna}, clockToday.AddDate(0, 0, 1))
	})
	if err := s.AcknowledgeProcedure(tctx, 9999, []int64{anna}, clockToday); !errors.Is(err, ErrNotFound) {
		t.Fatalf("acknowledging nothing: %v, want ErrNotFound", err)
	}
	// A person named twice is recorded once; a second acknowledgement keeps the first day.
	if err := s.AcknowledgeProcedure(tctx, id, []int64{anna, anna}, Day(2026, 3, 2)); err != nil {
		t.Fatal(err)
	}
	if err := s.AcknowledgeProcedure(tctx, id, []int64{anna, boris}, clockToday); err != nil {
		t.Fatal(err)
	}
	acks, err := s.ProcedureAcks(tctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(acks) != 2 || acks[0].StaffID != anna || !acks[0].On.Equal(Day(2026, 3, 2)) ||
		acks[1].StaffID != boris || !acks[1].On.Equal(clockToday) {
		t.Fatalf("acks = %+v, want Анна on 2 March, Борис today", acks)
	}
}

func TestEveryoneEmployedShouldRead(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	away := samplePerson(t, s, "Галина Гусева")
	away.Status = StaffOnLeave
	gone := mustSaveStaff(t, s, away)
	id := mustSaveProcedure(t, s, sampleProcedure("Регламент отчётов", anna))
	// Someone on leave should read it too; someone who left no longer.
	left := samplePerson(t, s, "Дмитрий Дёмин")
	left.Status, left.LeftDate = StaffLeft, Day(2026, 1, 31)
	mustSaveStaff(t, s, left)
	if err := s.AcknowledgeProcedure(tctx, id, []int64{gone}, clockToday); err != nil {
		t.Fatal(err)
	}
	ps := mustProcedures(t, s)
	if ps[0].Acknowledged != 1 || ps[0].Readers != 2 {
		t.Fatalf("%+v: want 1 of 2 (Анна and Галина on leave)", ps[0])
	}
	if ms := mustMissingAcks(t, s); len(ms) != 1 || ms[0].StaffID != anna || ms[0].Staff != "Анна Акимова" {
		t.Fatalf("missing = %+v, want Анна only", ms)
	}
}

func TestArchivedProceduresAreOutOfForce(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	kept := mustSaveProcedure(t, s, sampleProcedure("Регламент отчётов", anna))
	old := mustSaveProcedure(t, s, sampleProcedure("Старый регламент", anna))
	if err := s.AcknowledgeProcedure(tctx, old, []int64{anna}, Day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	if err := s.ArchiveProcedure(tctx, old, Day(2026, 3, 10)); err != nil {
		t.Fatal(err)
	}
	if err := s.ArchiveProcedure(tctx, old, clockToday); err != nil { // again: keeps the first date
		t.Fatal(err)
	}
	if ps := mustProcedures(t, s); len(ps) != 1 || ps[0].ID != kept {
		t.Fatalf("procedures = %+v, want only the one in force", ps)
	}
	if ms := mustMissingAcks(t, s); len(ms) != 1 || ms[0].ProcedureID != kept {
		t.Fatalf("missing = %+v, want only the procedure in force", ms)
	}
	if n := countRows(t, s, `SELECT count(*) FROM procedures WHERE id = ? AND archived_on = '2026-03-10'`, old); n != 1 {
		t.Fatal("the archived procedure must stay with its first archive date")
	}
	if acks, _ := s.ProcedureAcks(tctx, old); len(acks) != 1 {
		t.Fatalf("the archived procedure's acknowledgements = %+v, want kept", acks)
	}
	expectInvalid(t, s, "procedure", "archived", func() error {
		return s.AcknowledgeProcedure(tctx, old, []int64{anna}, clockToday)
	})
	expectInvalid(t, s, "procedure", "archived", func() error { return s.ReviewProcedure(tctx, old, clockToday, true) })
	expectInvalid(t, s, "on", "in_future", func() error {
		return s.ArchiveProcedure(tctx, kept, clockToday.AddDate(0, 0, 1))
	})
	if err := s.ArchiveProcedure(tctx, 9999, clockToday); !errors.Is(err, ErrNotFound) {
		t.Fatalf("archiving nothing: %v, want ErrNotFound", err)
	}
	// The title stays taken: the register keeps its history under one name.
	expectInvalid(t, s, "title", "duplicate", func() error {
		_, err := s.SaveProcedure(tctx, sampleProcedure("старый регламент", anna))
		return err
	})
}

func TestMissingAcksSortByTitleThenName(t *testing.T) {
	s := openScratchStore(t)
	yo, a := seedPerson(t, s, "Ёлкина Ева"), seedPerson(t, s, "Антонов Антон")
	zeta := mustSaveProcedure(t, s, sampleProcedure("Ёмкость команды", a))
	alpha := mustSaveProcedure(t, s, sampleProcedure("Анкета клиента", a))
	ms := mustMissingAcks(t, s)
	want := []struct{ proc, staff int64 }{{alpha, a}, {alpha, yo}, {zeta, a}, {zeta, yo}}
	if len(ms) != len(want) {
		t.Fatalf("missing = %+v", ms)
	}
	for i, w := range want {
		if ms[i].ProcedureID != w.proc || ms[i].StaffID != w.staff {
			t.Fatalf("missing[%d] = %+v, want procedure %d staff %d", i, ms[i], w.proc, w.staff)
		}
	}
}
