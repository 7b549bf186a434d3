package ui

import (
	"unicode"
	"unicode/utf8"

	"leadboard/data"
	"leadboard/data/pack"
)

// How far back the period drop-down offers each kind of period, the running one
// included.
const (
	recentMonths   = 24
	recentQuarters = 8
	recentYears    = 3
)

var packPeriodKinds = []pack.PeriodKind{pack.Month, pack.Quarter, pack.Year}

func periodKindLabel(k pack.PeriodKind) string { return T("pack.screen.kind." + string(k)) }

// recentPeriods lists the periods of a kind, newest first, from the one running on
// today backwards.
func recentPeriods(kind pack.PeriodKind, today data.Month) []pack.Period {
	var out []pack.Period
	switch kind {
	case pack.Year:
		for i := range recentYears {
			out = append(out, pack.YearPeriod(today.Year()-i))
		}
	case pack.Quarter:
		current := today.Year()*4 + today.Quarter() - 1 // quarters counted from year 0
		for i := range recentQuarters {
			q := current - i
			out = append(out, pack.QuarterPeriod(q/4, q%4+1))
		}
	default:
		for i := range recentMonths {
			out = append(out, pack.MonthPeriod(today-data.Month(i)))
		}
	}
	return out
}

// periodOfKind is the period of a kind that holds the month m: switching from
// October 2026 to quarters chooses Q4 2026.
func periodOfKind(kind pack.PeriodKind, m data.Month) pack.Period {
	switch kind {
	case pack.Year:
		return pack.YearPeriod(m.Year())
	case pack.Quarter:
		return pack.QuarterPeriod(m.Year(), m.Quarter())
	}
	return pack.MonthPeriod(m)
}

// packPeriodLabel names a period in the drop-down: "Октябрь 2026", "III кв. 2026".
func packPeriodLabel(p pack.Period) string {
	label := p.Label(currentLang())
	r, size := utf8.DecodeRuneInString(label)
	return string(unicode.ToUpper(r)) + label[size:]
}
