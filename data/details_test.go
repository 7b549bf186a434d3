package data

import (
	"database/sql"
	"fmt"
	"testing"
)

func TestClientDetail(t *testing.T) {
	s := openScratchStore(t)
	client, lead, backup, free := seedTeam(t, s)
	if err := s.Reassign(tctx, client, RoleLead, free, Day(2025, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveContact(tctx, Contact{ClientID: client, Name: "Анна", DecisionMaker: true}); err != nil {
		t.Fatal(err)
	}
	mustSaveContract(t, s, sampleContract(client, "Д-1"))
	mustSaveInteraction(t, s, sampleComplaint(client, atTime("2026-03-01 10:00")))
	mustSaveInteraction(t, s, Interaction{ClientID: client, StaffID: free, At: atTime("2026-03-05 10:00"),
		Channel: "call", Kind: KindMeeting})

	d, err := s.ClientDetail(tctx, client)
	if err != nil {
		t.Fatal(err)
	}
	if d.Client.Name != "Ромашка" || d.Lead.ID != free || d.Lead.Name != "Сидоров Сидор" ||
		d.Backup.ID != backup || d.Backup.Name != "Петров Пётр" {
		t.Fatalf("client %s lead %+v backup %+v", d.Client.Name, d.Lead, d.Backup)
	}
	if len(d.Contacts) != 1 || len(d.Contracts) != 1 || len(d.Interactions) != 2 {
		t.Fatalf("contacts %d contracts %d interactions %d", len(d.Contacts), len(d.Contracts), len(d.Interactions))
	}
	if d.Interactions[0].Kind != KindMeeting || d.Interactions[0].StaffName != "Сидоров Сидор" {
		t.Fatalf("newest entry %+v", d.Interactions[0])
	}
	// Current rows first (newest start first), then the past.
	if len(d.Assignments) != 3 {
		t.Fatalf("assignments %+v", d.Assignments)
	}
	a := d.Assignments
	if a[0].StaffID != free || !a[0].End.IsZero() || a[1].StaffID != backup || !a[1].End.IsZero() ||
		a[2].StaffID != lead || !a[2].End.Equal(Day(2024, 12, 31)) || a[2].StaffName != "Иванов Иван" ||
		a[2].ClientName != "Ромашка" {
		t.Fatalf("assignment order %+v", a)
	}
}

func TestStaffDetailShowsRecentInteractions(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	err := s.WriteTx(tctx, func(tx *sql.Tx) error {
		for i := range RecentInteractions + 5 {
			when := Day(2025, 1, 1).AddDate(0, 0, i).Format(DateLayout) + " 10:00"
			if _, err := tx.Exec(`INSERT INTO interactions (client_id, staff_id, occurred_at, channel, kind, notes)
				VALUES (?, ?, ?, 'call', 'meeting', ?)`, client, lead, when, fmt.Sprint(i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.StaffDetail(tctx, lead)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interactions) != RecentInteractions {
		t.Fatalf("%d entries", len(d.Interactions))
	}
	if first, last := d.Interactions[0].Notes, d.Interactions[len(d.Interactions)-1].Notes; first != fmt.Sprint(RecentInteractions+4) ||
		last != "5" {
		t.Fatalf("entries run from %s to %s", first, last)
	}
	if len(d.Assignments) != 1 || d.Assignments[0].ClientName != "Ромашка" || d.Assignments[0].Role != RoleLead {
		t.Fatalf("assignments %+v", d.Assignments)
	}
	// The client's card shows the whole log.
	cd, err := s.ClientDetail(tctx, client)
	if err != nil || len(cd.Interactions) != RecentInteractions+5 {
		t.Fatalf("client log %d, %v", len(cd.Interactions), err)
	}
}
