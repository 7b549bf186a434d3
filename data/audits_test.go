package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func mustSaveAudit(t *testing.T, s *Store, heldOn time.Time) int64 {
	t.Helper()
	id, err := s.SaveAudit(tctx, Audit{HeldOn: heldOn, Title: "  Аудит  "})
	if err != nil {
		t.Fatalf("SaveAudit(%v): %v", heldOn, err)
	}
	return id
}

func mustRate(t *testing.T, s *Store, auditID int64, items ...AuditItem) {
	t.Helper()
	if err := s.RateItems(tctx, auditID, items); err != nil {
		t.Fatalf("RateItems: %v", err)
	}
}

func mustSaveAction(t *testing.T, s *Store, a Action) int64 {
	t.Helper()
	id, err := s.SaveAction(tctx, a)
	if err != nil {
		t.Fatalf("SaveAction(%s): %v", a.What, err)
	}
	return id
}

func TestSaveAuditValidatesTheDate(t *testing.T) {
	s := openScratchStore(t)
	first := mustSaveAudit(t, s, clockToday)
	expectInvalid(t, s, "held_on", "required", func() error { _, err := s.SaveAudit(tctx, Audit{}); return err })
	expectInvalid(t, s, "held_on", "in_future", func() error {
		_, err := s.SaveAudit(tctx, Audit{HeldOn: clockToday.AddDate(0, 0, 1)})
		return err
	})
	// The same day again, even at another hour, is the same audit day.
	expectInvalid(t, s, "held_on", "duplicate", func() error {
		_, err := s.SaveAudit(tctx, Audit{HeldOn: clockToday.Add(15 * time.Hour)})
		return err
	})
	// Editing an audit keeps its own day.
	if _, err := s.SaveAudit(tctx, Audit{ID: first, HeldOn: clockToday, Title: "Весенний"}); err != nil {
		t.Fatalf("edit: %v", err)
	}
	if _, err := s.SaveAudit(tctx, Audit{ID: 999, HeldOn: Day(2025, 1, 1)}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("edit of a missing audit: %v", err)
	}
	older := mustSaveAudit(t, s, Day(2025, 12, 16))
	audits, err := s.Audits(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(audits) != 2 || audits[0].ID != first || audits[1].ID != older {
		t.Fatalf("audits %+v, want the latest first", audits)
	}
	if audits[0].Title != "Весенний" || audits[1].Title != "Аудит" || !audits[1].HeldOn.Equal(Day(2025, 12, 16)) {
		t.Errorf("audits read back %+v", audits)
	}
}

func TestRateItemsValidatesEveryField(t *testing.T) {
	s := openScratchStore(t)
	audit := mustSaveAudit(t, s, clockToday)
	rate := func(auditID int64, items ...AuditItem) func() error {
		return func() error { return s.RateItems(tctx, auditID, items) }
	}
	expectInvalid(t, s, "audit", "required", rate(0, AuditItem{Code: "1.1", Rating: "partly"}))
	expectInvalid(t, s, "audit", "invalid_choice", rate(audit+1, AuditItem{Code: "1.1", Rating: "partly"}))
	expectInvalid(t, s, "item", "required", rate(audit, AuditItem{Code: " ", Rating: "partly"}))
	fe := expectInvalid(t, s, "rating", "invalid_choice", rate(audit, AuditItem{Code: "1.2", Rating: "mostly"}))
	if fe.Params["Item"] != "1.2" {
		t.Errorf("the rating error names item %v, want 1.2", fe.Params["Item"])
	}
}

func TestRateItemsWritesAllOrNothing(t *testing.T) {
	s := openScratchStore(t)
	owner := seedPerson(t, s, "Петрова Анна")
	audit := mustSaveAudit(t, s, clockToday)
	fe := expectInvalid(t, s, "owner", "invalid_choice", func() error {
		return s.RateItems(tctx, audit, []AuditItem{
			{Code: "1.1", Rating: "in_place", OwnerID: owner},
			{Code: "1.2", Rating: "partly"},
			{Code: "1.3", Rating: "not_in_place", OwnerID: owner + 100},
		})
	})
	if fe.Params["Item"] != "1.3" {
		t.Errorf("the owner error names item %v, want 1.3", fe.Params["Item"])
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit_items`); n != 0 {
		t.Fatalf("%d items written by a refused call", n)
	}
}

func TestRateItemsReplacesARating(t *testing.T) {
	s := openScratchStore(t)
	owner := seedPerson(t, s, "Петрова Анна")
	audit := mustSaveAudit(t, s, clockToday)
	mustRate(t, s, audit, AuditItem{Code: "1.1", Rating: "partly", Comment: "половина", OwnerID: owner},
		AuditItem{Code: "2.1", Rating: "not_in_place"})
	mustRate(t, s, audit, AuditItem{Code: "1.1", Rating: "in_place", Comment: " всё есть ", Evidence: "https://wiki/1"},
		AuditItem{Code: "2.1"})
	items, err := s.AuditItems(tctx, audit)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]AuditItem{
		"1.1": {Code: "1.1", Rating: "in_place", Comment: "всё есть", Evidence: "https://wiki/1"},
		"2.1": {Code: "2.1"}, // rated again without a rating: not rated yet
	}
	if len(items) != len(want) || items["1.1"] != want["1.1"] || items["2.1"] != want["2.1"] {
		t.Fatalf("items %+v, want %+v", items, want)
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit_items WHERE rating IS NULL`); n != 1 {
		t.Errorf("%d NULL ratings, want 1", n)
	}
}

func TestAllAuditItemsReadsEveryAudit(t *testing.T) {
	s := openScratchStore(t)
	a := mustSaveAudit(t, s, Day(2025, 12, 1))
	b := mustSaveAudit(t, s, Day(2026, 3, 1))
	mustSaveAudit(t, s, Day(2026, 3, 2)) // nothing rated: absent
	mustRate(t, s, a, AuditItem{Code: "1.1", Rating: "partly"}, AuditItem{Code: "1.2", Rating: "in_place"})
	mustRate(t, s, b, AuditItem{Code: "1.1", Rating: "in_place"})
	all, err := s.AllAuditItems(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || len(all[a]) != 2 || len(all[b]) != 1 {
		t.Fatalf("all items %+v", all)
	}
	if all[a]["1.1"].Rating != "partly" || all[b]["1.1"].Rating != "in_place" || all[a]["1.2"].Rating != "in_place" {
		t.Errorf("all items %+v", all)
	}
}

func TestDeleteAuditKeepsHistory(t *testing.T) {
	s := openScratchStore(t)
	empty := mustSaveAudit(t, s, Day(2026, 1, 10))
	rated := mustSaveAudit(t, s, Day(2026, 2, 10))
	withAction := mustSaveAudit(t, s, Day(2026, 3, 10))
	mustRate(t, s, rated, AuditItem{Code: "1.1"}) // even an unrated row is history
	mustSaveAction(t, s, Action{AuditID: withAction, What: "Описать регламент", Due: Day(2026, 4, 1)})

	expectInvalid(t, s, "audit", "audit_has_history", func() error { return s.DeleteAudit(tctx, rated) })
	expectInvalid(t, s, "audit", "audit_has_history", func() error { return s.DeleteAudit(tctx, withAction) })
	if err := s.DeleteAudit(tctx, empty); err != nil {
		t.Fatalf("DeleteAudit of an empty audit: %v", err)
	}
	if err := s.DeleteAudit(tctx, empty); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second DeleteAudit: %v, want ErrNotFound", err)
	}
	if n := countRows(t, s, `SELECT count(*) FROM audits`); n != 2 {
		t.Errorf("%d audits left, want 2", n)
	}
}

func TestSaveActionValidatesEveryField(t *testing.T) {
	s := openScratchStore(t)
	owner := seedPerson(t, s, "Петрова Анна")
	audit := mustSaveAudit(t, s, clockToday)
	good := Action{AuditID: audit, ItemCode: "7.1", What: "Описать сроки ответа", OwnerID: owner, Due: Day(2026, 4, 1)}
	save := func(change func(a *Action)) func() error {
		return func() error {
			a := good
			change(&a)
			_, err := s.SaveAction(tctx, a)
			return err
		}
	}
	expectInvalid(t, s, "what", "required", save(func(a *Action) { a.What = "  " }))
	expectInvalid(t, s, "due", "required", save(func(a *Action) { a.Due = time.Time{} }))
	expectInvalid(t, s, "status", "invalid_choice", save(func(a *Action) { a.Status = "pending" }))
	expectInvalid(t, s, "owner", "invalid_choice", save(func(a *Action) { a.OwnerID = owner + 50 }))
	expectInvalid(t, s, "audit", "invalid_choice", save(func(a *Action) { a.AuditID = audit + 50 }))
	expectInvalid(t, s, "done_on", "in_future", save(func(a *Action) {
		a.Status, a.DoneOn = "done", clockToday.AddDate(0, 0, 1)
	}))

	id := mustSaveAction(t, s, good)
	done := good
	done.ID, done.Status = id, "done"
	mustSaveAction(t, s, done)
	actions, err := s.Actions(tctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Action{ID: id, AuditID: audit, ItemCode: "7.1", What: "Описать сроки ответа", OwnerID: owner,
		OwnerName: "Петрова Анна", Due: Day(2026, 4, 1), Status: "done", DoneOn: clockToday}
	if len(actions) != 1 || actions[0] != want {
		t.Fatalf("actions %+v, want %+v", actions, want)
	}
	// Reopened, it loses its done date; a new action without status is open.
	done.Status = "open"
	mustSaveAction(t, s, done)
	mustSaveAction(t, s, Action{What: "Без аудита", Due: Day(2026, 3, 20)})
	actions, err = s.Actions(tctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(actions) != 2 || actions[0].What != "Без аудита" || actions[0].Status != "open" || actions[0].OwnerName != "" ||
		!actions[1].DoneOn.IsZero() {
		t.Fatalf("actions %+v", actions)
	}
}

func TestOverdueActionsEdges(t *testing.T) {
	s := openScratchStore(t)
	owner := seedPerson(t, s, "Петрова Анна")
	yesterday := clockToday.AddDate(0, 0, -1)
	add := func(what string, due time.Time, status string) {
		mustSaveAction(t, s, Action{What: what, OwnerID: owner, Due: due, Status: status})
	}
	add("вчера", yesterday, "open")
	add("сегодня", clockToday, "open") // due today: not overdue yet
	add("давно сделано", Day(2026, 1, 5), "done")
	add("отменено", Day(2026, 1, 5), "cancelled")
	add("месяц назад", Day(2026, 2, 16), "open")
	add("завтра", clockToday.AddDate(0, 0, 1), "open")

	overdue, err := s.OverdueActions(tctx, clockNow) // the hour of "today" does not matter
	if err != nil {
		t.Fatal(err)
	}
	if len(overdue) != 2 || overdue[0].What != "месяц назад" || overdue[1].What != "вчера" {
		t.Fatalf("overdue %+v, want the one due a month ago, then yesterday's", overdue)
	}
	if overdue[0].OwnerName != "Петрова Анна" {
		t.Errorf("owner name %q", overdue[0].OwnerName)
	}
	all, err := s.Actions(tctx)
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for _, a := range all {
		if a.Overdue(clockNow) {
			count++
		}
	}
	if count != 2 {
		t.Errorf("Action.Overdue counts %d, OverdueActions %d", count, len(overdue))
	}
	if all[0].What != "месяц назад" || all[len(all)-1].Status == "open" {
		t.Errorf("actions not open-first by due date: %+v", all)
	}
}

func TestOverdueActionsUsesTheOpenIndex(t *testing.T) {
	s := openScratchStore(t)
	rows, err := s.read.Query(`EXPLAIN QUERY PLAN `+actionsQuery+` WHERE a.status = 'open' AND a.due_on < ?`, "2026-03-16")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan += detail + "\n"
	}
	if !strings.Contains(plan, "actions_open") {
		t.Errorf("query plan does not use actions_open:\n%s", plan)
	}
}
