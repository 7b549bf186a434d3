package charts

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Units of a KPI value, as the store spells them.
const (
	UnitRoubles = "rub"
	UnitPercent = "percent"
	UnitCount   = "count"
	UnitHours   = "hours"
	UnitScore   = "score"
)

const (
	nbsp  = "\u00a0" // keeps a number and its unit (and digit groups) on one line in a table cell
	minus = "\u2212" // a true minus: as wide as a digit, so signed columns stay aligned
	dash  = "—"      // no value
)

// numberStyle is how a language writes digits.
type numberStyle struct {
	group, decimal string
}

func styleFor(lang string) numberStyle {
	if lang == "ru" {
		return numberStyle{group: nbsp, decimal: ","}
	}
	return numberStyle{group: ",", decimal: "."}
}

// FormatValue writes a value for a table cell or a chart label: "1 234 567 ₽",
// "95,3 %", "12,5 ч", "4,2" in Russian; "1,234,567 RUB", "95.3%", "12.5 h", "4.2" in
// English. Roubles are whole, percentages and scores keep one decimal, counts and
// hours drop a decimal that is zero. NaN (no value) is "—". Unknown units write the
// bare number like a count.
func FormatValue(lang, unit string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dash
	}
	n := styleFor(lang)
	switch unit {
	case UnitRoubles:
		return n.number(v, 0) + nbsp + rouble(lang)
	case UnitPercent:
		return withPercent(lang, n.number(v, 1))
	case UnitScore:
		return n.number(v, 1)
	case UnitHours:
		return n.number(v, wholeOrOne(v)) + nbsp + hoursUnit(lang)
	default:
		return n.number(v, wholeOrOne(v))
	}
}

// FormatAxis writes a tick label: as short as the value allows, so a narrow axis fits.
// Large roubles are scaled ("1,2 млн ₽" / "1.2M RUB", "350 тыс. ₽" / "350K RUB"); other
// units show up to two decimals and only those the tick needs ("95 %", "95,5 %").
func FormatAxis(lang, unit string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dash
	}
	n := styleFor(lang)
	switch unit {
	case UnitRoubles:
		return n.roubles(lang, v)
	case UnitPercent:
		return withPercent(lang, n.number(v, decimalsNeeded(v)))
	case UnitHours:
		return n.number(v, decimalsNeeded(v)) + nbsp + hoursUnit(lang)
	default:
		return n.number(v, decimalsNeeded(v))
	}
}

// FormatShort writes a value label where room is short: roubles in three
// significant digits at the largest scale they reach ("16,8 млн ₽", "543 тыс. ₽",
// "1 млн ₽" for 999 600); other units as FormatValue.
func FormatShort(lang, unit string, v float64) string {
	if unit != UnitRoubles || math.IsNaN(v) || math.IsInf(v, 0) || v == 0 {
		return FormatValue(lang, unit, v)
	}
	step := math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-2)
	v = math.Round(v/step) * step
	n := styleFor(lang)
	for _, sc := range roubleScales {
		if math.Abs(v) >= sc.size {
			x := v / sc.size
			return n.number(x, decimalsNeeded(x)) + sc.suffix(lang)
		}
	}
	return n.number(v, 0) + nbsp + rouble(lang)
}

// AxisFormatter is FormatAxis bound to a language and unit, for LineChart.Format and
// RankingChart.Format.
func AxisFormatter(lang, unit string) func(float64) string {
	return func(v float64) string { return FormatAxis(lang, unit, v) }
}

func withPercent(lang, number string) string {
	if lang == "ru" {
		return number + nbsp + "%" // Russian typography spaces the percent sign
	}
	return number + "%"
}

func hoursUnit(lang string) string {
	if lang == "ru" {
		return "ч"
	}
	return "h"
}

// roubleScale is a step of the short rouble notation.
type roubleScale struct {
	size   float64
	ru, en string
}

var roubleScales = []roubleScale{
	{1e9, nbsp + "млрд" + nbsp + "₽", "B" + nbsp + "RUB"},
	{1e6, nbsp + "млн" + nbsp + "₽", "M" + nbsp + "RUB"},
	{1e3, nbsp + "тыс." + nbsp + "₽", "K" + nbsp + "RUB"},
}

// roubles picks the largest scale that writes the tick exactly in two decimals, so that
// neighbouring ticks (1 000 000 and 1 005 000) never print the same text; a value no
// scale writes exactly is rounded at the largest scale it reaches.
func (n numberStyle) roubles(lang string, v float64) string {
	var fallback *roubleScale
	for i := range roubleScales {
		sc := &roubleScales[i]
		if math.Abs(v) < sc.size {
			continue
		}
		if fallback == nil {
			fallback = sc
		}
		if d := decimalsNeeded(v / sc.size); exact(v/sc.size, d) {
			return n.number(v/sc.size, d) + sc.suffix(lang)
		}
	}
	if fallback != nil {
		return n.number(v/fallback.size, 2) + fallback.suffix(lang)
	}
	return n.number(v, 0) + nbsp + rouble(lang)
}

func (sc roubleScale) suffix(lang string) string {
	if lang == "ru" {
		return sc.ru
	}
	return sc.en
}

// wholeOrOne: one decimal, unless it would be a trailing zero.
func wholeOrOne(v float64) int {
	if roundTo(v, 1) == math.Round(v) {
		return 0
	}
	return 1
}

// decimalsNeeded is the fewest decimals (at most two) that write v exactly.
func decimalsNeeded(v float64) int {
	for d := 0; d < 2; d++ {
		if exact(v, d) {
			return d
		}
	}
	return 2
}

func exact(v float64, decimals int) bool {
	return math.Abs(roundTo(v, decimals)-v) <= 1e-9*math.Max(1, math.Abs(v))
}

// roundTo rounds half away from zero, as people and Excel do (95.25 → 95.3).
func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// number writes v with the given decimals, grouped thousands and a minus sign. A value
// that rounds to zero has no sign: "−0,0 %" reads like an error.
func (n numberStyle) number(v float64, decimals int) string {
	r := roundTo(v, decimals)
	digits := strconv.FormatFloat(math.Abs(r), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(digits, ".")
	s := group(whole, n.group)
	if frac != "" {
		s += n.decimal + frac
	}
	if r < 0 {
		s = minus + s
	}
	return s
}

// group inserts sep between groups of three digits.
func group(digits, sep string) string {
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	return b.String()
}

var quartersRU = [...]string{"I", "II", "III", "IV"}

// QuarterLabel names a quarter the way the meeting pack does: "I кв. 2026" / "Q1 2026".
func QuarterLabel(lang string, year, quarter int) string {
	y := strconv.Itoa(year)
	if quarter < 1 || quarter > 4 {
		return "?" + " " + y // a programming error, but a label must not panic a screen
	}
	if lang == "ru" {
		return quartersRU[quarter-1] + " кв. " + y
	}
	return "Q" + strconv.Itoa(quarter) + " " + y
}

// MonthYearLabel writes a month with its full year: "мар 2026" / "Mar 2026".
func MonthYearLabel(lang string, t time.Time) string {
	if lang == "ru" {
		return monthsRU[t.Month()-1] + " " + t.Format("2006")
	}
	return t.Format("Jan 2006")
}

// rouble is the currency as the language writes it beside a sum, as in locale.Money:
// the sign in Russian, the ISO code in English.
func rouble(lang string) string {
	if lang == "ru" {
		return "₽"
	}
	return "RUB"
}
