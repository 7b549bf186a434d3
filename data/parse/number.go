package parse

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Numbers are read by these rules:
//
//   - Signs: a leading "-", "−" (U+2212), "–" (U+2013, what word processors turn a
//     typed hyphen into) or "+", optionally followed by spaces. A number in
//     parentheses, "(5)", is negative, as in Russian accounting statements; a sign
//     inside the parentheses is rejected.
//   - Thousands may be grouped by spaces (any Unicode space, e.g. U+00A0, U+202F),
//     by dots or by commas; groups must then be well-formed: 1–3 digits, then groups
//     of exactly 3 ("12 34" and "1,2,3" are rejected).
//   - A separator that occurs once and comes last is the decimal separator; the
//     other one, if any, is the thousands separator: "1 234 567,89",
//     "1.234.567,89", "1,234,567.89" and "1 234 567.89" are all 1234567.89.
//     A separator that occurs more than once is a thousands separator: "1,234,567"
//     and "1.234.567" are 1234567.
//   - A lone "," or "." is a decimal separator, in the Russian convention:
//     "1,234" and "1.234" are 1.234. [Integer] and [Money] reject this ambiguous
//     form when 1–3 digits (not starting with 0) precede exactly three digits,
//     because "1,000" there more likely means a thousand; see [Integer].
//   - ",5" is 0.5; "5," is rejected.
//   - Only ASCII digits. Rejected: exponents ("1,5E+06" — Excel writes them for
//     narrow columns, when digits are already lost), "NaN", "Inf", hex, letters,
//     and values beyond float64.

// decimal is a number as written: sign, integer digits and fraction digits
// (without separators).
type decimal struct {
	neg       bool
	intg      string // never empty: "0" for ",5"
	frac      string
	ambiguous bool // a lone "," or "." with 1–3 digits before and exactly 3 after
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitsOnly reports whether s is non-empty and made of ASCII digits.
func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// parseDecimal reads a number by the rules above; s must be trimmed.
func parseDecimal(s string) (d decimal, ok bool) {
	paren := false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		paren = true
		s = trim(s[1 : len(s)-1])
	}
	if r, size := utf8.DecodeRuneInString(s); r == '-' || r == '+' || r == '−' || r == '–' {
		if paren {
			return d, false
		}
		d.neg = r != '+'
		s = trim(s[size:])
	}
	d.neg = d.neg || paren
	if s == "" {
		return d, false
	}
	// Fast path: plain digits with at most one "." or ",".
	if sep := strings.IndexAny(s, ".,"); sep >= 0 || digitsOnly(s) {
		if sep < 0 {
			d.intg = s
			return d, true
		}
		if digitsOnly(s[sep+1:]) && (sep == 0 || digitsOnly(s[:sep])) {
			d.intg, d.frac = s[:sep], s[sep+1:]
			if d.intg == "" {
				d.intg = "0"
				return d, true
			}
			d.ambiguous = len(d.intg) <= 3 && d.intg[0] != '0' && len(d.frac) == 3
			return d, true
		}
	}
	return parseGrouped(s, d)
}

// parseGrouped reads a number with thousands separators.
func parseGrouped(s string, d decimal) (decimal, bool) {
	var gbuf [8]string
	var sbuf [8]byte
	groups, seps := gbuf[:0], sbuf[:0]
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		if isDigit(c) {
			if start < 0 {
				start = i
			}
			i++
			continue
		}
		if start < 0 { // a separator must follow digits
			return d, false
		}
		groups = append(groups, s[start:i])
		start = -1
		switch c {
		case '.', ',':
			seps = append(seps, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				return d, false
			}
			for i += size; i < len(s); i += size {
				if r, size = utf8.DecodeRuneInString(s[i:]); !isSpace(r) {
					break
				}
			}
			seps = append(seps, ' ')
		}
	}
	if start < 0 { // ends with a separator
		return d, false
	}
	groups = append(groups, s[start:])
	n := len(seps)
	if n == 0 {
		d.intg = groups[0]
		return d, true
	}
	last := seps[n-1]
	intGroups := groups
	thousands := seps
	if last != ' ' && strings.Count(string(seps), string(last)) == 1 {
		intGroups, d.frac = groups[:n], groups[n]
		thousands = seps[:n-1]
	}
	for _, t := range thousands {
		if t != thousands[0] || (t == last && len(intGroups) != len(groups)) {
			return d, false
		}
	}
	if len(intGroups) > 1 {
		if len(intGroups[0]) > 3 {
			return d, false
		}
		for _, g := range intGroups[1:] {
			if len(g) != 3 {
				return d, false
			}
		}
	}
	d.intg = strings.Join(intGroups, "")
	return d, true
}

// text is the number in Go syntax, e.g. "-1234.5".
func (d decimal) text() string {
	var b strings.Builder
	b.Grow(len(d.intg) + len(d.frac) + 2)
	if d.neg {
		b.WriteByte('-')
	}
	b.WriteString(d.intg)
	if d.frac != "" {
		b.WriteByte('.')
		b.WriteString(d.frac)
	}
	return b.String()
}

// float converts d, shifted by exp10 decimal places (0 or -2); false when it
// does not fit a float64.
func (d decimal) float(exp10 string) (float64, bool) {
	f, err := strconv.ParseFloat(d.text()+exp10, 64)
	if err != nil { // only ErrRange is possible: beyond ±1.8e308
		return 0, false
	}
	return f, true
}

// whole returns d's integer part as an int64, rounding the fraction half away
// from zero when round is set; false when it does not fit.
func (d decimal) whole(round bool) (int64, bool) {
	m, err := strconv.ParseUint(d.intg, 10, 64)
	if err != nil {
		return 0, false
	}
	if round && d.frac != "" && d.frac[0] >= '5' {
		if m == math.MaxUint64 {
			return 0, false
		}
		m++
	}
	switch {
	case !d.neg && m <= math.MaxInt64:
		return int64(m), true
	case d.neg && m < 1<<63:
		return -int64(m), true
	case d.neg && m == 1<<63:
		return math.MinInt64, true
	}
	return 0, false
}

// Number reads a decimal number by the rules described above.
//
// Examples: "1234567.89", "1 234 567,89" (spaces may be no-break), "1,234,567.89",
// "1.234.567,89", "-5", "−5", "+5", "(5)" = -5, ",5" = 0.5, "1,234" = 1.234.
// Empty input gives 0 and a nil error.
func Number(s string) (float64, error) {
	s = trim(s)
	if s == "" {
		return 0, nil
	}
	d, ok := parseDecimal(s)
	if !ok {
		return 0, fail(CodeNotNumber, s)
	}
	f, ok := d.float("")
	if !ok {
		return 0, fail(CodeNotNumber, s)
	}
	return f, nil
}

// Integer reads a whole number written as for [Number]. A zero fraction is
// allowed ("5,0" and "5,000000" are 5); any other fraction is rejected. So is the
// ambiguous "1,000" / "1.000" (1–3 digits not starting with 0, then a lone
// separator and exactly three digits): a thousand in English and 1 in Russian
// writing. Any rejection, including out-of-range values, is CodeNotInteger.
// Empty input gives 0 and a nil error.
func Integer(s string) (int64, error) {
	s = trim(s)
	if s == "" {
		return 0, nil
	}
	d, ok := parseDecimal(s)
	if !ok || d.ambiguous || strings.Trim(d.frac, "0") != "" {
		return 0, fail(CodeNotInteger, s)
	}
	v, ok := d.whole(false)
	if !ok {
		return 0, fail(CodeNotInteger, s)
	}
	return v, nil
}

// currencies are the rouble signs accepted by Money, longest first so that
// "руб." is cut whole; matched case-insensitively.
var currencies = []string{"рублей", "рубля", "рубль", "руб.", "руб", "р.", "р", "₽", "rub", "rur"}

// cutCurrency removes one rouble sign from the end or, failing that, from the
// start of s.
func cutCurrency(s string) string {
	for _, c := range currencies {
		if len(s) >= len(c) && strings.EqualFold(s[len(s)-len(c):], c) {
			return trim(s[:len(s)-len(c)])
		}
	}
	for _, c := range currencies {
		if len(s) >= len(c) && strings.EqualFold(s[:len(c)], c) {
			return trim(s[len(c):])
		}
	}
	return s
}

// Money reads a sum of whole roubles: a number as for [Number], optionally with
// one rouble sign before or after it: "₽", "руб", "руб.", "р", "р.", "рублей",
// "рубля", "рубль", "RUB", "RUR" (any case, with or without a space). Kopecks
// are rounded to the nearest rouble, halves away from zero: "1 250 000,50 ₽" is
// 1250001, "-0,5" is -1, "0,49" is 0. Negative sums are allowed (the caller
// validates). Other currencies, "тыс."/"млн" multipliers and the ambiguous
// "1,250" / "1.250" (see [Integer]) are rejected. Empty input gives 0 and a nil
// error.
func Money(s string) (int64, error) {
	s = trim(s)
	if s == "" {
		return 0, nil
	}
	d, ok := parseDecimal(cutCurrency(s))
	if !ok || d.ambiguous {
		return 0, fail(CodeNotMoney, s)
	}
	v, ok := d.whole(true)
	if !ok {
		return 0, fail(CodeNotMoney, s)
	}
	return v, nil
}

// percent reads a percentage, returning it as percent points shifted by exp10.
func percent(s, exp10 string) (float64, error) {
	s = trim(s)
	if s == "" {
		return 0, nil
	}
	t := s
	if strings.HasSuffix(t, "%") {
		t = trim(t[:len(t)-1])
	}
	d, ok := parseDecimal(t)
	if !ok {
		return 0, fail(CodeNotPercent, s)
	}
	f, ok := d.float(exp10)
	if !ok {
		return 0, fail(CodeNotPercent, s)
	}
	return f, nil
}

// Percent reads a percentage as a number of percent: "15%", "15 %", "15,5%" are
// 15 and 15.5. The number is read as for [Number]. Without a "%" sign the number
// is taken as written, in the same unit: "15" is 15 (%), and "0.155" is 0.155 (%),
// not 15.5 — a raw Excel percentage cell must be read as its formatted text.
// Empty input gives 0 and a nil error.
func Percent(s string) (float64, error) { return percent(s, "") }

// Fraction reads a percentage like [Percent] and returns it as a fraction of
// one: "15,5%" and "15,5" are 0.155 (computed in decimal, so exactly the float
// nearest to 0.155). Empty input gives 0 and a nil error.
func Fraction(s string) (float64, error) { return percent(s, "e-2") }
