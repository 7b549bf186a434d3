package pack

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"leadboard/charts"
	"leadboard/data"
)

// PeriodKind is how long a period is.
type PeriodKind string

const (
	Month   PeriodKind = "month"
	Quarter PeriodKind = "quarter"
	Year    PeriodKind = "year"
)

// Period is a month, a quarter or a calendar year: the months From..To.
type Period struct {
	Kind     PeriodKind
	From, To data.Month
}

// ParsePeriod reads "2026-10" (a month), "2026-Q3" (a quarter) or "2026" (a year).
func ParsePeriod(s string) (Period, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	bad := fmt.Errorf("period %q: write YYYY-MM, YYYY-Qn or YYYY", s)
	year, rest, dashed := strings.Cut(s, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 || y < 1900 || (dashed && rest == "") {
		return Period{}, bad
	}
	switch {
	case !dashed:
		return YearPeriod(y), nil
	case strings.HasPrefix(rest, "Q") && len(rest) == 2 && rest[1] >= '1' && rest[1] <= '4':
		return QuarterPeriod(y, int(rest[1]-'0')), nil
	case len(rest) == 2 && rest[0] >= '0' && rest[0] <= '9' && rest[1] >= '0' && rest[1] <= '9':
		m, _ := strconv.Atoi(rest)
		if m < 1 || m > 12 {
			return Period{}, bad
		}
		return MonthPeriod(data.MonthFor(y, time.Month(m))), nil
	}
	return Period{}, bad
}

// MonthPeriod is one month.
func MonthPeriod(m data.Month) Period { return Period{Kind: Month, From: m, To: m} }

// QuarterPeriod is the quarter q (1-4) of a year.
func QuarterPeriod(year, q int) Period {
	first := data.MonthFor(year, time.Month(3*(q-1)+1))
	return Period{Kind: Quarter, From: first, To: first + 2}
}

// YearPeriod is a calendar year.
func YearPeriod(year int) Period {
	return Period{Kind: Year, From: data.MonthFor(year, time.January), To: data.MonthFor(year, time.December)}
}

// String is the period the way ParsePeriod reads it.
func (p Period) String() string {
	switch p.Kind {
	case Year:
		return strconv.Itoa(p.From.Year())
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.From.Year(), (int(p.From.Number())-1)/3+1)
	}
	return fmt.Sprintf("%d-%02d", p.From.Year(), p.From.Number())
}

// Label names the period for a reader: "октябрь 2026", "III кв. 2026", "2026 год"
// ("October 2026", "Q3 2026", "2026").
func (p Period) Label(lang string) string {
	switch p.Kind {
	case Year:
		if lang == "ru" {
			return strconv.Itoa(p.From.Year()) + " год"
		}
		return strconv.Itoa(p.From.Year())
	case Quarter:
		return charts.QuarterLabel(lang, p.From.Year(), (int(p.From.Number())-1)/3+1)
	}
	if lang == "ru" {
		return monthNamesRU[p.From.Number()-1] + " " + strconv.Itoa(p.From.Year())
	}
	return p.From.First().Format("January 2006")
}

// monthNamesRU are the months in the nominative, as a period is named on its own.
var monthNamesRU = [...]string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
	"октябрь", "ноябрь", "декабрь"}
