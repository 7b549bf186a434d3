package data

import (
	"slices"
	"testing"
	"time"
)

// sampleOpportunity is a valid open upsell of 150 000 ₽ at 35 %, expected in May.
func sampleOpportunity(clientID int64) Opportunity {
	return Opportunity{ClientID: clientID, Service: "media_buying", Kind: "upsell", Amount: 150_000, Probability: 35,
		ExpectedOn: Day(2026, 5, 15), Status: "open"}
}

func mustSaveOpportunity(t *testing.T, s *Store, o Opportunity) int64 {
	t.Helper()
	id, err := s.SaveOpportunity(tctx, o)
	if err != nil {
		t.Fatalf("SaveOpportunity(%s): %v", o.Service, err)
	}
	return id
}

func mustOpportunities(t *testing.T, s *Store, f OpportunityFilter) []Opportunity {
	t.Helper()
	list, err := s.Opportunities(tctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestOpportunityWeighted(t *testing.T) {
	for _, c := range []struct {
		amount      int64
		probability int
		want        float64
	}{{150_000, 35, 52_500}, {99_999, 1, 999.99}, {200_000, 0, 0}, {200_000, 100, 200_000}} {
		o := Opportunity{Amount: c.amount, Probability: c.probability}
		if got := o.Weighted(); got != c.want {
			t.Errorf("%d × %d %% = %v, want %v", c.amount, c.probability, got, c.want)
		}
	}
}

func TestSaveOpportunityRefusesEachInvalidField(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Анна Акимова")
	client := seedClient(t, s, "Альфа", lead)
	churned := mustSaveClient(t, s, Client{Name: "Жук", Tier: "C", Status: ClientChurned, MonthlyBudget: 40_000,
		Complexity: 2, StartDate: Day(2024, 3, 1), ChurnDate: Day(2025, 1, 15), ChurnReason: "ушёл к конкурентам"},
		ClientTeam{})
	archived := seedClient(t, s, "Дельта", lead)
	if err := s.ArchiveClient(tctx, archived, Day(2026, 3, 1), "сократили бюджет"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, field, code string
		edit              func(o *Opportunity)
	}{
		{"no client", "client", "required", func(o *Opportunity) { o.ClientID = 0 }},
		{"unknown client", "client", "invalid_choice", func(o *Opportunity) { o.ClientID = 9999 }},
		{"lost client", "client", "client_lost", func(o *Opportunity) { o.ClientID = churned }},
		{"archived client", "client", "client_lost", func(o *Opportunity) { o.ClientID = archived }},
		{"no service", "service", "required", func(o *Opportunity) { o.Service = " " }},
		{"unknown kind", "kind", "invalid_choice", func(o *Opportunity) { o.Kind = "renewal" }},
		{"unknown status", "status", "invalid_choice", func(o *Opportunity) { o.Status = "pending" }},
		{"negative amount", "amount", "negative", func(o *Opportunity) { o.Amount = -1 }},
		{"probability below 0", "probability", "range", func(o *Opportunity) { o.Probability = -1 }},
		{"probability above 100", "probability", "range", func(o *Opportunity) { o.Probability = 101 }},
		{"no expected date", "expected_on", "required", func(o *Opportunity) { o.ExpectedOn = time.Time{} }},
		{"created tomorrow", "created_on", "in_future", func(o *Opportunity) { o.CreatedOn = clockToday.AddDate(0, 0, 1) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := sampleOpportunity(client)
			c.edit(&o)
			expectInvalid(t, s, c.field, c.code, func() error { _, err := s.SaveOpportunity(tctx, o); return err })
		})
	}
}

func TestSaveOpportunityEdgesAndEdits(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Анна Акимова")
	client := seedClient(t, s, "Альфа", lead)
	free := sampleOpportunity(client)
	free.Amount, free.Probability, free.Service, free.Kind = 0, 100, "Видеопродакшн", "cross_sell"
	mustSaveOpportunity(t, s, free)
	zero := sampleOpportunity(client)
	zero.Probability, zero.ExpectedOn = 0, Day(2025, 12, 1) // an expected date in the past is allowed
	id := mustSaveOpportunity(t, s, zero)

	list := mustOpportunities(t, s, OpportunityFilter{})
	if len(list) != 2 || list[0].ID != id || list[0].Client != "Альфа" || !list[0].CreatedOn.Equal(clockToday) ||
		list[1].Service != "Видеопродакшн" || list[1].Kind != "cross_sell" || list[1].Amount != 0 {
		t.Fatalf("list = %+v, want the one expected earlier first, created today", list)
	}

	// The client leaves: its opportunity can still be closed as lost, and keeps its
	// creation date.
	if err := s.ArchiveClient(tctx, client, clockToday, "ушёл"); err != nil {
		t.Fatal(err)
	}
	zero.ID, zero.Status, zero.CreatedOn = id, "lost", Day(2025, 1, 1)
	mustSaveOpportunity(t, s, zero)
	lost := mustOpportunities(t, s, OpportunityFilter{Status: "lost"})
	if len(lost) != 1 || lost[0].ID != id || !lost[0].CreatedOn.Equal(clockToday) {
		t.Fatalf("lost = %+v, want the edited one with its creation date kept", lost)
	}
}

func TestOpportunitiesFilterByClientAndStatus(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Анна Акимова")
	alfa, beta := seedClient(t, s, "Альфа", lead), seedClient(t, s, "Бета", lead)
	a1 := sampleOpportunity(alfa)
	a1.ExpectedOn = Day(2026, 6, 1)
	a2 := sampleOpportunity(alfa)
	a2.Status, a2.ExpectedOn = "won", Day(2026, 4, 1)
	b1 := sampleOpportunity(beta)
	b1.ExpectedOn = Day(2026, 4, 1)
	a1ID, a2ID, b1ID := mustSaveOpportunity(t, s, a1), mustSaveOpportunity(t, s, a2), mustSaveOpportunity(t, s, b1)

	ids := func(list []Opportunity) []int64 {
		var out []int64
		for _, o := range list {
			out = append(out, o.ID)
		}
		return out
	}
	for _, c := range []struct {
		name string
		f    OpportunityFilter
		want []int64
	}{
		{"all, by expected date then client", OpportunityFilter{}, []int64{a2ID, b1ID, a1ID}},
		{"one client", OpportunityFilter{ClientID: alfa}, []int64{a2ID, a1ID}},
		{"open", OpportunityFilter{Status: "open"}, []int64{b1ID, a1ID}},
		{"client and status", OpportunityFilter{ClientID: alfa, Status: "open"}, []int64{a1ID}},
		{"nothing", OpportunityFilter{ClientID: beta, Status: "won"}, nil},
	} {
		if got := ids(mustOpportunities(t, s, c.f)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
