package data

import (
	"errors"
	"slices"
	"testing"
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
			SetOn: clockToday.AddDate(0, 0, 3), ExpiresOn: clockToday.AddDate(0, 0, 2)},
			[]string{"expires_on not_after_set_on"}},
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
