package data

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Month is a calendar month counted from the year 0 (year*12 + month-1), so that
// month arithmetic is plain addition. It is stored as "YYYY-MM" text.
type Month int

// MonthOf is the month a date falls in.
func MonthOf(t time.Time) Month { return Month(t.Year()*12 + int(t.Month()) - 1) }

// MonthFor builds a month from its year and number.
func MonthFor(year int, m time.Month) Month { return Month(year*12 + int(m) - 1) }

// Year is the month's year.
func (m Month) Year() int { return int(m) / 12 }

// Number is the month of the year.
func (m Month) Number() time.Month { return time.Month(int(m)%12 + 1) }

// Quarter is 1-4.
func (m Month) Quarter() int { return (int(m.Number())-1)/3 + 1 }

// First is the month's first day.
func (m Month) First() time.Time { return Day(m.Year(), m.Number(), 1) }

// Last is the month's last day.
func (m Month) Last() time.Time { return m.First().AddDate(0, 1, -1) }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Number())) }

// Value stores the month as "YYYY-MM".
func (m Month) Value() (driver.Value, error) { return m.String(), nil }

// Scan reads "YYYY-MM" (or a longer ISO date).
func (m *Month) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("month: cannot scan %T", src)
	}
	p, err := ParseMonth(s)
	*m = p
	return err
}

// ParseMonth reads "YYYY-MM" (a day after it is ignored).
func ParseMonth(s string) (Month, error) {
	if len(s) >= 7 {
		if t, err := time.Parse("2006-01", s[:7]); err == nil {
			return MonthOf(t), nil
		}
	}
	return 0, fmt.Errorf("not a month (YYYY-MM): %q", s)
}
