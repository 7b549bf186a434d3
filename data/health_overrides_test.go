package data

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// A score out of 0-100, no note, an expiry not after the day it is set or in the
// past, and an unknown client are refused, field by field.
func TestSaveHealthOverrideValidates(t *testing.T) {
	s := openScratchStore(t)
	client := seedClient(t, s, "Альфа", seedPerson(t, s, "Анна Акимова"))
	yesterday := clockToday.AddDate(0, 0, -1)
	cases := []struct {
		name string
		o    HealthOverride
		want []string // "field code"
	}{
		{"score above 100", HealthOverride{ClientID: client, Score: 101, Note: "x", ExpiresOn: clockToday.AddDate(0, 0, 7)},
			[]string{"score range"}},
		{"score below 0", HealthOverride{ClientID: client, Score: -1, Note: "x", ExpiresOn: clockToday.AddDate(0, 0, 7)},
			[]string{"score range"}},
		{"no note, no expiry", HealthOverride{ClientID: client, Score: 50, Note: "  "},
			[]string{"note required", "expires_on required"}},
		{"expires the day it is set", HealthOverride{ClientID: client, Score: 50, Note: "x", ExpiresOn: clockToday},
			[]string{"expires_on not_after_set_on"}},
		{"expires before it is set", HealthOverride{ClientID: client, Score: 50, Note: "x",
			SetOn: clockToday.AddDate(0, 0, -3), ExpiresOn: clockToday.AddDate(0, 0, -4)},
			[]string{"expires_on not_after_set_on"}},
		{"set tomorrow", HealthOverride{ClientID: client, Score: 50, Note: "x",
			SetOn: clockToday.AddDate(0, 0, 1), ExpiresOn: clockToday.AddDate(0, 0, 7)},
			[]string{"set_on in_future"}},
		{"expired already", HealthOverride{ClientID: client, Score: 50, Note: "x", SetOn: clockToday.AddDate(0, 0, -9),
			ExpiresOn: yesterday}, []string{"expires_on in_past"}},
		{"no client", HealthOverride{Score: 50, Note: "x", ExpiresOn: clockToday.AddDate(0, 0, 7)},
			[]string{"client required"}},
		{"unknown client", HealthOverride{ClientID: client + 100, Score: 50, Note: "x",
			ExpiresOn: clockToday.AddDate(0, 0, 7)}, []string{"client invalid_choice"}},
	}
	for _, c := range cases {
		_, err := s.SaveHealthOverride(tctx, c.o)
		v, ok := AsValidation(err)
		if !ok {
			t.Errorf("%s: %v, want a validation error", c.name, err)
			continue
		}
		var got []string
		for _, f := range v.Fields {
			got = append(got, f.Field+" "+f.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	in, err := s.HealthOverrides(tctx, clockToday)
	if err != nil || len(in) != 0 {
		t.Errorf("nothing was to be saved: %v %v", in, err)
	}
}

// An override is in force from the day it is set to its expiry; the later one
// speaks where two overlap; ending one moves its expiry to yesterday and keeps it.
func TestHealthOverridesInForce(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	alfa, beta := seedClient(t, s, "Альфа", anna), seedClient(t, s, "Бета", anna)
	save := func(o HealthOverride) int64 {
		t.Helper()
		id, err := s.SaveHealthOverride(tctx, o)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	first := save(HealthOverride{ClientID: alfa, Score: 40, Note: "Задержки оплаты", SetOn: clockToday.AddDate(0, 0, -5),
		ExpiresOn: clockToday.AddDate(0, 0, 10)})
	second := save(HealthOverride{ClientID: alfa, Score: 20, Note: "Тендер у клиента", ExpiresOn: clockToday.AddDate(0, 0, 3)})
	betaID := save(HealthOverride{ClientID: beta, Score: 90, Note: "Продлили на год", ExpiresOn: clockToday.AddDate(0, 1, 0)})

	in, err := s.HealthOverrides(tctx, clockToday)
	if err != nil {
		t.Fatal(err)
	}
	if in[alfa].ID != second || !in[alfa].SetOn.Equal(clockToday) || in[beta].ID != betaID || len(in) != 2 {
		t.Errorf("in force today: %+v", in)
	}
	if earlier, _ := s.HealthOverrides(tctx, clockToday.AddDate(0, 0, -1)); earlier[alfa].ID != first || len(earlier) != 1 {
		t.Errorf("in force yesterday: %+v", earlier)
	}
	if later, _ := s.HealthOverrides(tctx, clockToday.AddDate(0, 0, 4)); later[alfa].ID != first {
		t.Errorf("after the second expired the first speaks again: %+v", later)
	}

	if err := s.EndHealthOverride(tctx, second); err != nil {
		t.Fatal(err)
	}
	if err := s.EndHealthOverride(tctx, betaID); err != nil {
		t.Fatal(err)
	}
	in, _ = s.HealthOverrides(tctx, clockToday)
	if in[alfa].ID != first || len(in) != 1 {
		t.Errorf("after ending two: %+v", in)
	}
	// Ended, not deleted: the one set today keeps no day in force, its row stays.
	var n int
	if err := s.read.QueryRow(`SELECT count(*) FROM health_overrides WHERE expires_on = ?`,
		dateValue(clockToday.AddDate(0, 0, -1))).Scan(&n); err != nil || n != 2 {
		t.Errorf("ended overrides kept with yesterday's expiry: %d, %v", n, err)
	}
	if err := s.EndHealthOverride(tctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("ending an unknown override: %v", err)
	}
}

// Ending an override leaves the day it was set alone: one set today and ended was
// never in force, not even yesterday.
func TestEndHealthOverrideKeepsItsStart(t *testing.T) {
	s := openScratchStore(t)
	client := seedClient(t, s, "Альфа", seedPerson(t, s, "Анна Акимова"))
	id, err := s.SaveHealthOverride(tctx, HealthOverride{ClientID: client, Score: 10, Note: "Тендер",
		ExpiresOn: clockToday.AddDate(0, 0, 5)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EndHealthOverride(tctx, id); err != nil {
		t.Fatal(err)
	}
	for _, d := range []int{-1, 0} {
		if in, err := s.HealthOverrides(tctx, clockToday.AddDate(0, 0, d)); err != nil || len(in) != 0 {
			t.Errorf("day %+d: %+v %v, want none in force", d, in, err)
		}
	}
	var setOn, expiresOn string
	if err := s.read.QueryRow(`SELECT set_on, expires_on FROM health_overrides WHERE id = ?`, id).Scan(&setOn,
		&expiresOn); err != nil {
		t.Fatal(err)
	}
	if setOn != clockToday.Format(DateLayout) || expiresOn != clockToday.AddDate(0, 0, -1).Format(DateLayout) {
		t.Errorf("ended override set %s, expires %s; want set today, expired yesterday", setOn, expiresOn)
	}
}

// An edit of an override set before today ends it yesterday and speaks from today
// under a new id; one set today is edited in place; what was in force before stays.
func TestEditHealthOverride(t *testing.T) {
	s := openScratchStore(t)
	anna := seedPerson(t, s, "Анна Акимова")
	alfa, beta := seedClient(t, s, "Альфа", anna), seedClient(t, s, "Бета", anna)
	old := HealthOverride{ClientID: alfa, Score: 40, Note: "Задержки оплаты", SetOn: clockToday.AddDate(0, 0, -30),
		ExpiresOn: clockToday.AddDate(0, 0, 30)}
	var err error
	if old.ID, err = s.SaveHealthOverride(tctx, old); err != nil {
		t.Fatal(err)
	}
	edit := old
	edit.Score, edit.Note, edit.ExpiresOn = 70, "Оплатили", clockToday.AddDate(0, 0, 10)
	newID, err := s.SaveHealthOverride(tctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	if newID == old.ID || newID == 0 {
		t.Fatalf("edit of an older override kept id %d", newID)
	}
	byDay := func(d time.Time) HealthOverride {
		t.Helper()
		in, err := s.HealthOverrides(tctx, d)
		if err != nil {
			t.Fatal(err)
		}
		return in[alfa]
	}
	for _, d := range []time.Time{clockToday.AddDate(0, 0, -30), clockToday.AddDate(0, 0, -1)} {
		if o := byDay(d); o.ID != old.ID || o.Score != 40 || o.Note != "Задержки оплаты" || !o.SetOn.Equal(old.SetOn) {
			t.Errorf("on %v the old override speaks unchanged: %+v", d, o)
		}
	}
	if o := byDay(clockToday); o.ID != newID || o.Score != 70 || o.Note != "Оплатили" || !o.SetOn.Equal(clockToday) ||
		!o.ExpiresOn.Equal(edit.ExpiresOn) {
		t.Errorf("today the edit speaks: %+v", o)
	}
	if o := byDay(clockToday.AddDate(0, 0, 20)); o.ID != 0 {
		t.Errorf("the old override's later days went with it: %+v", o)
	}

	// Set today: edited in place.
	today := HealthOverride{ClientID: beta, Score: 20, Note: "Тендер", ExpiresOn: clockToday.AddDate(0, 0, 3)}
	if today.ID, err = s.SaveHealthOverride(tctx, today); err != nil {
		t.Fatal(err)
	}
	today.Score = 25
	if id, err := s.SaveHealthOverride(tctx, today); err != nil || id != today.ID {
		t.Errorf("edit of today's override: id %d (want %d), %v", id, today.ID, err)
	}
	var n int
	if err := s.read.QueryRow(`SELECT count(*) FROM health_overrides WHERE client_id = ?`, beta).Scan(&n); err != nil ||
		n != 1 {
		t.Errorf("Бета's overrides: %d, %v; want 1", n, err)
	}
	if in, _ := s.HealthOverrides(tctx, clockToday); in[beta].Score != 25 {
		t.Errorf("Бета today: %+v", in[beta])
	}

	// An edit names an override of the client.
	wrong := edit
	wrong.ID, wrong.ClientID = newID, beta
	if _, err := s.SaveHealthOverride(tctx, wrong); !errors.Is(err, ErrNotFound) {
		t.Errorf("editing another client's override: %v", err)
	}
	edit.ID = 999
	if _, err := s.SaveHealthOverride(tctx, edit); !errors.Is(err, ErrNotFound) {
		t.Errorf("editing an unknown override: %v", err)
	}
}
