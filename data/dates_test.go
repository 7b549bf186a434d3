package data

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	want := Day(2026, 3, 31)
	for _, in := range []string{"2026-03-31", " 31.03.2026 ", "31/03/2026", "31.3.2026"} {
		got, err := ParseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "31.02.2026", "2026/03/31", "завтра", "2026-13-01"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	want := time.Date(2026, 3, 31, 9, 5, 0, 0, time.UTC)
	for _, in := range []string{"2026-03-31 09:05", "31.03.2026 09:05", "2026-03-31T09:05", "2026-03-31T09:05:00"} {
		got, err := ParseDateTime(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDateTime(%q) = %v, %v", in, got, err)
		}
	}
	if got, err := ParseDateTime("31.03.2026"); err != nil || !got.Equal(Day(2026, 3, 31)) {
		t.Errorf("a date alone: %v, %v", got, err)
	}
	if _, err := ParseDateTime("2026-03-31 25:00"); err == nil {
		t.Error("hour 25 accepted")
	}
}

func TestDateHelpers(t *testing.T) {
	moscow := time.FixedZone("MSK", 3*3600)
	late := time.Date(2026, 3, 31, 23, 30, 0, 0, moscow)
	if got := DateOf(late); !got.Equal(Day(2026, 3, 31)) || got.Location() != time.UTC {
		t.Errorf("DateOf keeps the local calendar date: %v", got)
	}
	if dateValue(time.Time{}) != nil || dateTimeValue(time.Time{}) != nil {
		t.Error("zero time is not NULL")
	}
	if v := dateValue(late); v != "2026-03-31" {
		t.Errorf("dateValue %v", v)
	}
	if v := dateTimeValue(late); v != "2026-03-31 23:30" {
		t.Errorf("dateTimeValue %v", v)
	}
	var got time.Time
	for _, src := range []any{nil, "2026-03-31", []byte("2026-03-31 23:30")} {
		if err := scanTime(&got).Scan(src); err != nil {
			t.Errorf("Scan(%v): %v", src, err)
		}
	}
	if !got.Equal(time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC)) {
		t.Errorf("scanned %v", got)
	}
	if err := scanTime(&got).Scan(int64(5)); err == nil || !got.IsZero() {
		t.Errorf("a number scanned as a date: %v, %v", got, err)
	}
	if err := scanTime(&got).Scan("вчера"); err == nil {
		t.Error("text scanned as a date")
	}
}
