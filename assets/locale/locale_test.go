package locale

import (
	"strings"
	"testing"
	"time"
)

func TestNumbersAndMoney(t *testing.T) {
	cases := []struct{ got, want string }{
		{Int(Russian, 1234567), "1\u00a0234\u00a0567"},
		{Int(English, 1234567), "1,234,567"},
		{Int(English, -1000), "-1,000"},
		{Int(Russian, 999), "999"},
		{Money(Russian, 1234567), "1\u00a0234\u00a0567\u00a0₽"},
		{Money(English, 1234567), "1,234,567 RUB"},
		{Number(Russian, 0.5, 2), "0,5"},
		{Number(English, 0.5, 2), "0.5"},
		{Number(English, 1.0, 2), "1"},
		{Number(Russian, 1234.25, 1), "1\u00a0234,2"}, // round half to even as strconv does
		{Number(English, -0.004, 2), "0"},
		{Number(English, -2.5, 1), "-2.5"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 3, 9, 14, 5, 0, 0, time.UTC)
	if got := Date(Russian, d); got != "09.03.2026" {
		t.Errorf("ru date %q", got)
	}
	if got := DateTime(English, d); got != "2026-03-09 14:05" {
		t.Errorf("en date-time %q", got)
	}
	if Date(Russian, time.Time{}) != "" {
		t.Error("zero date must print empty")
	}
}

func TestRussianPlurals(t *testing.T) {
	want := map[int]string{1: "one", 2: "few", 4: "few", 5: "many", 11: "many", 12: "many", 14: "many",
		21: "one", 22: "few", 25: "many", 101: "one", 111: "many", 0: "many"}
	for n, form := range want {
		if got := PluralForm(Russian, n); got != form {
			t.Errorf("%d: got %s, want %s", n, got, form)
		}
	}
	if PluralForm(English, 1) != "one" || PluralForm(English, 2) != "many" {
		t.Error("English plural forms")
	}
}

func TestCatalog(t *testing.T) {
	ru, err := Load(Russian)
	if err != nil {
		t.Fatal(err)
	}
	got := ru.T("dberr.missing", map[string]any{"Path": "/tmp/x.db"})
	if got == "dberr.missing" || !strings.Contains(got, "/tmp/x.db") {
		t.Errorf("message not rendered: %q", got)
	}
	if ru.T("no.such.key", nil) != "no.such.key" {
		t.Error("unknown keys render as themselves")
	}
}

func TestNormalizeAndEnv(t *testing.T) {
	if l, ok := Normalize("ru_RU.UTF-8"); !ok || l != Russian {
		t.Error("ru_RU.UTF-8")
	}
	if _, ok := Normalize("de_DE"); ok {
		t.Error("German is not supported")
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "ru_RU.UTF-8")
	if FromEnv() != Russian {
		t.Error("LANG=ru_RU.UTF-8 should give Russian")
	}
	t.Setenv("LANG", "C.UTF-8")
	if FromEnv() != English {
		t.Error("C locale falls back to English")
	}
}
