package data

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Dates are stored as ISO text; times in Go are UTC midnights (dates) or UTC minutes
// (interaction time stamps, wall-clock time of the department).
const (
	DateLayout     = "2006-01-02"
	DateTimeLayout = "2006-01-02 15:04"
)

// Day builds a date.
func Day(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// DateOf drops the time of day, keeping the calendar date as seen in t's location.
func DateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return Day(y, m, d)
}

// ParseDate reads a date the way people type it: 2026-03-31, 31.03.2026 or 31/03/2026.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{DateLayout, "2.1.2006", "02/01/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// ParseDateTime reads a date with an optional time of day (HH:MM).
func ParseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{DateTimeLayout, "02.01.2006 15:04", "2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return ParseDate(s)
}

// dateValue stores a date, or NULL for the zero time.
func dateValue(t time.Time) driver.Value {
	if t.IsZero() {
		return nil
	}
	return t.Format(DateLayout)
}

// dateTimeValue stores a date-time, or NULL for the zero time.
func dateTimeValue(t time.Time) driver.Value {
	if t.IsZero() {
		return nil
	}
	return t.Format(DateTimeLayout)
}

// nullTime scans ISO date or date-time text (or NULL, giving the zero time).
type nullTime struct{ t *time.Time }

func (n nullTime) Scan(v any) error {
	*n.t = time.Time{}
	var s string
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		s = x
	case []byte:
		s = string(x)
	default:
		return fmt.Errorf("date column holds %T", v)
	}
	layout := DateTimeLayout // stored values are exactly one of the two layouts
	if len(s) == len(DateLayout) {
		layout = DateLayout
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return fmt.Errorf("stored date %q: %w", s, err)
	}
	*n.t = t
	return nil
}

// scanTime adapts a *time.Time for rows.Scan.
func scanTime(t *time.Time) nullTime { return nullTime{t} }
