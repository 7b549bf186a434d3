package data

import (
	"testing"
	"time"
)

func hoursPtr(h float64) *float64 { return &h }

func TestSaveInteractionValidation(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	existing := mustSaveInteraction(t, s, sampleComplaint(client, atTime("2026-03-01 10:00")))
	base := func() Interaction {
		return Interaction{ClientID: client, StaffID: lead, At: atTime("2026-03-10 09:30"), Channel: "call", Kind: KindRequest}
	}
	cases := []struct {
		name        string
		edit        func(in *Interaction)
		field, code string
	}{
		{"no client", func(in *Interaction) { in.ClientID = 0 }, "client", "required"},
		{"no time", func(in *Interaction) { in.At = time.Time{} }, "at", "required"},
		{"no kind", func(in *Interaction) { in.Kind = "" }, "kind", "invalid_choice"},
		{"unknown kind", func(in *Interaction) { in.Kind = "gossip" }, "kind", "invalid_choice"},
		{"no channel", func(in *Interaction) { in.Channel = "" }, "channel", "invalid_choice"},
		{"unknown channel", func(in *Interaction) { in.Channel = "pigeon" }, "channel", "invalid_choice"},
		{"negative response time", func(in *Interaction) { in.ResponseHours = hoursPtr(-0.5) }, "response_hours", "negative"},
		{"resolved before it happened", func(in *Interaction) { in.ResolvedAt = atTime("2026-03-10 09:29") }, "resolved_at", "before_date"},
		{"satisfaction 6", func(in *Interaction) { in.Satisfaction = 6 }, "satisfaction", "range"},
		{"satisfaction -1", func(in *Interaction) { in.Satisfaction = -1 }, "satisfaction", "range"},
		{"upsell without amount", func(in *Interaction) { in.Kind = KindUpsell }, "amount", "positive"},
		{"renewal with negative amount", func(in *Interaction) { in.Kind, in.Amount = KindRenewal, -5 }, "amount", "positive"},
		{"amount on a request", func(in *Interaction) { in.Amount = 100_000 }, "amount", "amount_not_applicable"},
		{"amount on a complaint", func(in *Interaction) { in.Kind, in.Amount = KindComplaint, 1 }, "amount", "amount_not_applicable"},
		{"report without due date", func(in *Interaction) { in.Kind = KindReportSent }, "report_due", "required"},
		{"unknown staff", func(in *Interaction) { in.StaffID = 999 }, "staff", "invalid_choice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := base()
			tc.edit(&in)
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveInteraction(tctx, in)
				return err
			})
			in.ID = existing
			expectInvalid(t, s, tc.field, tc.code, func() error {
				_, err := s.SaveInteraction(tctx, in)
				return err
			})
		})
	}
}

func TestSaveInteractionRoundTrip(t *testing.T) {
	s := openScratchStore(t)
	lead := seedPerson(t, s, "Иванов Иван")
	client := seedClient(t, s, "Ромашка", lead)
	upsell := mustSaveInteraction(t, s, Interaction{ClientID: client, StaffID: lead, At: atTime("2026-03-02 15:45"),
		Channel: "meeting", Kind: KindUpsell, Amount: 250_000, Satisfaction: 5, Notes: "  SEO на квартал  "})
	report := mustSaveInteraction(t, s, Interaction{ClientID: client, At: atTime("2026-03-06 18:00"),
		Channel: "email", Kind: KindReportSent, ReportDue: Day(2026, 3, 6)})
	req := mustSaveInteraction(t, s, Interaction{ClientID: client, StaffID: lead, At: atTime("2026-03-10 09:30"),
		Channel: "messenger", Kind: KindRequest, ResponseHours: hoursPtr(0), ResolvedAt: atTime("2026-03-10 09:30"),
		ReportDue: Day(2026, 3, 1)})

	d, err := s.ClientDetail(tctx, client)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Interactions) != 3 || d.Interactions[0].ID != req || d.Interactions[1].ID != report ||
		d.Interactions[2].ID != upsell {
		t.Fatalf("log %+v", d.Interactions)
	}
	r := d.Interactions[0]
	if r.ResponseHours == nil || *r.ResponseHours != 0 || !r.ResolvedAt.Equal(atTime("2026-03-10 09:30")) ||
		!r.ReportDue.IsZero() || r.StaffName != "Иванов Иван" || r.ClientName != "Ромашка" {
		t.Errorf("request %+v", r)
	}
	r = d.Interactions[1]
	if r.StaffID != 0 || r.StaffName != "" || !r.ReportDue.Equal(Day(2026, 3, 6)) || r.ResponseHours != nil {
		t.Errorf("report %+v", r)
	}
	r = d.Interactions[2]
	if r.Amount != 250_000 || r.Satisfaction != 5 || r.Notes != "SEO на квартал" || !r.At.Equal(atTime("2026-03-02 15:45")) {
		t.Errorf("upsell %+v", r)
	}
	// Only the attributed entries show on the person's card.
	sd, err := s.StaffDetail(tctx, lead)
	if err != nil || len(sd.Interactions) != 2 {
		t.Fatalf("staff log %+v, %v", sd.Interactions, err)
	}
	// Resolving the request updates it in place.
	in := d.Interactions[0].Interaction
	in.ResponseHours, in.ResolvedAt, in.Satisfaction = hoursPtr(1.5), atTime("2026-03-10 11:00"), 4
	if id, err := s.SaveInteraction(tctx, in); err != nil || id != req {
		t.Fatalf("update: %d, %v", id, err)
	}
	d, _ = s.ClientDetail(tctx, client)
	if r := d.Interactions[0]; *r.ResponseHours != 1.5 || r.Satisfaction != 4 || !r.ResolvedAt.Equal(atTime("2026-03-10 11:00")) {
		t.Fatalf("updated %+v", r)
	}
	if n := countRows(t, s, `SELECT count(*) FROM interactions`); n != 3 {
		t.Fatalf("rows %d", n)
	}
}

func TestInteractionOpenComplaintHelpers(t *testing.T) {
	for _, tc := range []struct {
		in   Interaction
		open bool
	}{
		{Interaction{Kind: KindComplaint}, true},
		{Interaction{Kind: KindEscalation}, true},
		{Interaction{Kind: KindComplaint, ResolvedAt: atTime("2026-01-01 10:00")}, false},
		{Interaction{Kind: KindRequest}, false},
	} {
		if got := tc.in.IsOpenComplaint(); got != tc.open {
			t.Errorf("%+v: IsOpenComplaint %v", tc.in, got)
		}
	}
	if !TracksResolution(KindRequest) || TracksResolution(KindMeeting) {
		t.Error("TracksResolution")
	}
	if !KindHasAmount(KindCrossSell) || KindHasAmount(KindFeedback) {
		t.Error("KindHasAmount")
	}
}

// A log entry is known by its client, time and kind: a second one is refused with a
// field error, not a constraint failure.
func TestSecondEntryOfTheSameKindAtTheSameTimeIsRefused(t *testing.T) {
	s := openScratchStore(t)
	client := seedClient(t, s, "Ромашка", seedPerson(t, s, "Иванов Иван"))
	at := atTime("2026-03-10 10:00")
	mustSaveInteraction(t, s, sampleComplaint(client, at))
	expectInvalid(t, s, "at", "duplicate_entry", func() error {
		_, err := s.SaveInteraction(tctx, sampleComplaint(client, at))
		return err
	})
	other := sampleComplaint(client, at)
	other.Kind = KindEscalation // another kind at the same time is another entry
	mustSaveInteraction(t, s, other)
}
