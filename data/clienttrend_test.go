package data

import (
	"testing"
	"time"
)

func TestClientsByMonthCountsStartsChurnAndIgnoresProspects(t *testing.T) {
	s := openScratchStore(t)
	s.SetClock(func() time.Time { return time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC) })
	ctx := tctx
	p := samplePerson(t, s, "Ведущий Иван")
	p.HireDate = Day(2020, 1, 1)
	lead := mustSaveStaff(t, s, p)
	add := func(name string, status ClientStatus, start, churn time.Time) {
		t.Helper()
		c := Client{Name: name, Tier: "B", Status: status, Complexity: 3, StartDate: start, ChurnDate: churn}
		if status == ClientChurned {
			c.ChurnReason = "бюджет"
		}
		team := ClientTeam{}
		if c.Served() {
			team.LeadID = lead
		}
		if _, err := s.SaveClient(ctx, c, team); err != nil {
			t.Fatal(err)
		}
	}
	add("Старый", ClientActive, Day(2024, 5, 1), time.Time{})
	add("Январский", ClientActive, Day(2026, 1, 20), time.Time{})
	add("Ушедший в феврале", ClientChurned, Day(2025, 6, 1), Day(2026, 2, 10))
	add("На паузе", ClientPaused, Day(2025, 12, 1), time.Time{})
	add("Переговоры", ClientProspect, Day(2026, 1, 5), time.Time{})

	trend, err := s.ClientsByMonth(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	months := trend.Months
	if trend.Started != 1 || trend.Lost != 1 || !trend.HasData() {
		t.Errorf("totals %d started, %d lost", trend.Started, trend.Lost)
	}
	want := []ClientMonth{
		{Month: Day(2026, 1, 1), Served: 4, Started: 1, Lost: 0},
		{Month: Day(2026, 2, 1), Served: 3, Started: 0, Lost: 1},
		{Month: Day(2026, 3, 1), Served: 3, Started: 0, Lost: 0},
	}
	if len(months) != len(want) {
		t.Fatalf("got %d months: %+v", len(months), months)
	}
	for i := range want {
		if !months[i].Month.Equal(want[i].Month) || months[i].Served != want[i].Served ||
			months[i].Started != want[i].Started || months[i].Lost != want[i].Lost {
			t.Errorf("month %d: got %+v, want %+v", i, months[i], want[i])
		}
	}
}
