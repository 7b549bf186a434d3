package parse

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dates are read by these rules:
//
//   - Numeric dates have three fields joined by the same separator, ".", "/" or
//     "-". A first field of four digits is the year (year-month-day: "2026-03-31",
//     "2026/3/31"); otherwise the order is day-month-year ("31.03.2026", "1.3.2026",
//     "31/03/2026", "31-03-2026"): the American month-first order is never
//     assumed, so "03/31/2026" is rejected. Day and month have 1–2 digits.
//   - A two-digit year is 20yy for 00–69 and 19yy for 70–99 ("31.03.26" is
//     2026-03-31, "1.1.85" is 1985-01-01). Four-digit years are 0001–9999.
//   - Word dates: "31 марта 2026", "31 мар. 26", "31-Mar-2026", "March 31, 2026"
//     (month names as for [Period]).
//   - "г", "г." or "года" may follow the year: "31.03.2026 г.".
//   - Eight digits that are not an Excel serial are yyyymmdd: "20260331".
//   - A plain number (digits, optionally one "." or "," and more digits) is an
//     Excel serial date, the fraction being the time of day: 46112 is 2026-03-31,
//     46112.5 is its noon. As text, only serials of 5–7 integer digits are taken,
//     10000 (1927-05-18) to 2958465 (9999-12-31): a shorter number in a date
//     column is a year ("2026") or a date without its year ("31.03"), not a date
//     of the 1900s. [ExcelSerial] converts numbers from 1 (1900-01-01), honouring
//     Excel's 1900 leap-year bug: 60 is Excel's non-existent 1900-02-29 and is
//     rejected, 61 is 1900-03-01.
//   - A time of day may follow after spaces (an optional comma before them) or
//     "T": "H:MM", "HH:MM:SS", "HH:MM:SS.fff". Hours 0–23. Seconds and their
//     fractions are dropped (truncated, not rounded, so 23:59:59 stays on its
//     day); an Excel serial's fraction is first rounded to the nearest second.
//     Time zones ("Z", "+03:00", "MSK") are rejected: the app stores wall-clock
//     time and cannot guess the department's zone.
//   - Invalid calendar dates are rejected: "31.02.2026", "29.02.2025".

// maxSerial is the Excel serial of 9999-12-31; minTextSerial, of 1927-05-18, is
// the smallest serial accepted as text (see the rules above).
const (
	maxSerial     = 2958465
	minTextSerial = 10000
)

// day builds a date at UTC midnight.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// validDate checks a calendar date.
func validDate(y, m, d int) (time.Time, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := day(y, time.Month(m), d)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// year reads a year of four digits, or two digits by the 1970–2069 window.
func year(s string) (int, bool) {
	y, err := strconv.Atoi(s)
	switch {
	case err != nil || !digitsOnly(s):
		return 0, false
	case len(s) == 4:
		return y, true
	case len(s) == 2 && y < 70:
		return 2000 + y, true
	case len(s) == 2:
		return 1900 + y, true
	}
	return 0, false
}

// small reads a day or month number of one or two digits.
func small(s string) (int, bool) {
	if len(s) < 1 || len(s) > 2 || !digitsOnly(s) {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, true
}

// serialDate is the date of an Excel serial day number (1900 date system).
func serialDate(days int64) (time.Time, bool) {
	switch {
	case days < 1 || days > maxSerial || days == 60:
		return time.Time{}, false
	case days < 60:
		return day(1899, 12, 31).AddDate(0, 0, int(days)), true
	}
	return day(1899, 12, 30).AddDate(0, 0, int(days)), true
}

// serialTime is an Excel serial date and day fraction, rounded to the second and
// truncated to the minute.
func serialTime(days int64, frac float64) (time.Time, bool) {
	secs := int64(math.Round(frac * 86400))
	if secs >= 86400 {
		days++
		secs -= 86400
	}
	t, ok := serialDate(days)
	if !ok {
		return time.Time{}, false
	}
	return t.Add(time.Duration(secs) * time.Second).Truncate(time.Minute), true
}

// ExcelSerial converts an Excel serial date-time (1900 date system, as stored in
// .xlsx cells) into a UTC wall-clock time to the minute, the fraction rounded to
// the nearest second first. Serials run from 1 (1900-01-01) to below 2958466;
// 60, Excel's fictitious 1900-02-29, is rejected. Errors are CodeNotDateTime.
func ExcelSerial(serial float64) (time.Time, error) {
	if math.IsNaN(serial) || serial < 1 || serial >= maxSerial+1 {
		return time.Time{}, fail(CodeNotDateTime, strconv.FormatFloat(serial, 'f', -1, 64))
	}
	days := math.Floor(serial)
	t, ok := serialTime(int64(days), serial-days)
	if !ok {
		return time.Time{}, fail(CodeNotDateTime, strconv.FormatFloat(serial, 'f', -1, 64))
	}
	return t, nil
}

// plainNumber splits a plain non-negative number into integer and fraction
// digits: "46112", "46112.5", "46112,5".
func plainNumber(s string) (intg, frac string, ok bool) {
	intg, frac, dot := s, "", false
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		intg, frac, dot = s[:i], s[i+1:], true
	}
	if !digitsOnly(intg) || (dot && !digitsOnly(frac)) {
		return "", "", false
	}
	return intg, frac, true
}

// serialText reads an Excel serial written as text, or eight digits yyyymmdd.
func serialText(intg, frac string) (time.Time, bool) {
	if frac == "" && len(intg) == 8 && intg[0] != '0' {
		y, _ := strconv.Atoi(intg[:4])
		m, _ := strconv.Atoi(intg[4:6])
		d, _ := strconv.Atoi(intg[6:])
		return validDate(y, m, d)
	}
	if len(intg) > 7 {
		return time.Time{}, false
	}
	days, _ := strconv.ParseInt(intg, 10, 64)
	if days < minTextSerial {
		return time.Time{}, false
	}
	f := 0.0
	if frac != "" {
		f, _ = strconv.ParseFloat("0."+frac, 64)
	}
	return serialTime(days, f)
}

// cutYearWord removes "г", "г.", "год" or "года" after a year's digits.
func cutYearWord(s string) string {
	for _, w := range []string{"года", "год", "г.", "г"} {
		if len(s) > len(w) && strings.EqualFold(s[len(s)-len(w):], w) {
			t := trim(s[:len(s)-len(w)])
			if t != "" && isDigit(t[len(t)-1]) {
				return t
			}
		}
	}
	return s
}

// numericDate reads "31.03.2026", "2026-03-31" and the like.
func numericDate(s string) (time.Time, bool) {
	s = cutYearWord(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i <= 0 || (s[i] != '.' && s[i] != '/' && s[i] != '-') {
		return time.Time{}, false
	}
	sep := s[i]
	j := strings.IndexByte(s[i+1:], sep)
	if j < 0 {
		return time.Time{}, false
	}
	a, b, c := s[:i], s[i+1:i+1+j], s[i+2+j:]
	if len(a) == 4 {
		y, ok1 := year(a)
		m, ok2 := small(b)
		d, ok3 := small(c)
		if !ok1 || !ok2 || !ok3 {
			return time.Time{}, false
		}
		return validDate(y, m, d)
	}
	d, ok1 := small(a)
	m, ok2 := small(b)
	y, ok3 := year(c)
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, false
	}
	return validDate(y, m, d)
}

// token is a run of letters (folded) or of digits.
type token struct {
	s   string
	num bool
}

// isDateSep reports the characters allowed between the words and numbers of a
// month or date written with names.
func isDateSep(r rune) bool {
	switch r {
	case '.', ',', '-', '/', '\'', '’', '–':
		return true
	}
	return isSpace(r)
}

// tokenize splits s into letter and digit runs separated by isDateSep
// characters, dropping a year word ("г", "года") after a number at the end.
func tokenize(s string, buf []token) ([]token, bool) {
	toks := buf[:0]
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isDigit(s[i]):
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			toks = append(toks, token{s: s[i:j], num: true})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += size
			}
			toks = append(toks, token{s: fold(s[i:j])})
			i = j
		case isDateSep(r) && i > 0: // not before the first word or number
			i += size
		default:
			return nil, false
		}
		if len(toks) > 4 {
			return nil, false
		}
	}
	if n := len(toks); n >= 2 && !toks[n-1].num && toks[n-2].num && yearWords[toks[n-1].s] {
		toks = toks[:n-1]
	}
	return toks, true
}

// wordDate reads "31 марта 2026", "31-Mar-26", "March 31, 2026".
func wordDate(s string) (time.Time, bool) {
	var buf [5]token
	t, ok := tokenize(s, buf[:])
	if !ok || len(t) != 3 {
		return time.Time{}, false
	}
	var dt, mt, yt token
	switch {
	case t[0].num && !t[1].num && t[2].num:
		dt, mt, yt = t[0], t[1], t[2]
	case !t[0].num && t[1].num && t[2].num && len(t[2].s) == 4:
		mt, dt, yt = t[0], t[1], t[2]
	default:
		return time.Time{}, false
	}
	m, ok1 := months[mt.s]
	d, ok2 := small(dt.s)
	y, ok3 := year(yt.s)
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, false
	}
	return validDate(y, int(m), d)
}

// datePart reads a date without a time of day.
func datePart(s string) (time.Time, bool) {
	if t, ok := numericDate(s); ok {
		return t, true
	}
	return wordDate(s)
}

// clock reads "H:MM", "HH:MM:SS" or "HH:MM:SS.fff" and returns the time of
// day to the minute.
func clock(s string) (time.Duration, bool) {
	hs, rest, ok := strings.Cut(s, ":")
	if !ok || len(rest) < 2 {
		return 0, false
	}
	h, ok1 := small(hs)
	m, ok2 := small(rest[:2])
	if !ok1 || !ok2 || h > 23 || m > 59 {
		return 0, false
	}
	if rest = rest[2:]; rest != "" {
		if rest[0] != ':' || len(rest) < 3 || !digitsOnly(rest[1:3]) || rest[1] > '5' {
			return 0, false
		}
		if rest = rest[3:]; rest != "" && ((rest[0] != '.' && rest[0] != ',') || !digitsOnly(rest[1:])) {
			return 0, false
		}
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, true
}

// dateTime reads a date with an optional time of day; s is trimmed and not empty.
func dateTime(s string) (time.Time, bool) {
	if intg, frac, ok := plainNumber(s); ok {
		return serialText(intg, frac)
	}
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return datePart(s)
	}
	h := colon
	for h > 0 && isDigit(s[h-1]) {
		h--
	}
	r, size := utf8.DecodeLastRuneInString(s[:h])
	var date string
	switch {
	case h == colon || h == 0:
		return time.Time{}, false
	case r == 'T' || r == 't':
		date = s[:h-size]
	case isSpace(r):
		date = trim(s[:h-size])
		if strings.HasSuffix(date, ",") {
			date = trim(date[:len(date)-1])
		}
	default:
		return time.Time{}, false
	}
	d, ok := datePart(date)
	if !ok {
		return time.Time{}, false
	}
	c, ok := clock(s[h:])
	if !ok {
		return time.Time{}, false
	}
	return d.Add(c), true
}

// Date reads a calendar date by the rules above and returns it at UTC midnight.
// A time of day, if written, must be valid and is dropped: "2026-03-31T00:00:00",
// "31.03.2026 14:30" and the serial "46112.75" are all 2026-03-31. Empty input
// gives the zero time and a nil error.
func Date(s string) (time.Time, error) {
	s = trim(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, ok := dateTime(s)
	if !ok {
		return time.Time{}, fail(CodeNotDate, s)
	}
	return day(t.Year(), t.Month(), t.Day()), nil
}

// DateTime reads a date with an optional time of day by the rules above: a UTC
// wall-clock time to the minute (seconds dropped); a date alone is midnight.
// Examples: "31.03.2026 14:30", "2026-03-31T14:30:00", "46112.5" (12:00).
// Empty input gives the zero time and a nil error.
func DateTime(s string) (time.Time, error) {
	s = trim(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, ok := dateTime(s)
	if !ok {
		return time.Time{}, fail(CodeNotDateTime, s)
	}
	return t, nil
}

// Period reads a month and returns its first day at UTC midnight. Accepted:
//
//   - numbers: "2026-03", "2026/3", "2026.03", "03.2026", "3.2026", "03/2026",
//     "03-2026", "202603" (the year has four digits; "03.26" is rejected as too
//     ambiguous, and so is "3,2026", a decimal number);
//   - names: "март 2026", "Март 2026 г.", "марта 2026 года", "мар 2026",
//     "мар. 26", "мар.26", "March 2026", "Mar-26", "2026 март" — Russian
//     nominative or genitive, English, full or abbreviated, any case; two-digit
//     years as for dates;
//   - any date or date-time accepted by [DateTime], giving its month. A plain
//     number is taken as an Excel serial only with exactly five integer digits
//     (1927–2173), or as eight digits yyyymmdd: "2026" or "3" in a month column
//     are rejected, not read as serials.
//
// Empty input gives the zero time and a nil error.
func Period(s string) (time.Time, error) {
	s = trim(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok := period(s); ok {
		return t, nil
	}
	return time.Time{}, fail(CodeNotPeriod, s)
}

func period(s string) (time.Time, bool) {
	if intg, frac, ok := plainNumber(s); ok {
		dot := strings.IndexByte(s, '.') >= 0 // not a decimal comma
		switch {
		case dot && len(intg) <= 2 && len(frac) == 4: // 03.2026
			m, _ := strconv.Atoi(intg)
			y, _ := strconv.Atoi(frac)
			return validMonth(y, m)
		case dot && len(intg) == 4 && len(frac) <= 2: // 2026.03
			y, _ := strconv.Atoi(intg)
			m, _ := strconv.Atoi(frac)
			return validMonth(y, m)
		case frac == "" && len(intg) == 6 && intg[0] != '0': // 202603
			y, _ := strconv.Atoi(intg[:4])
			m, _ := strconv.Atoi(intg[4:])
			return validMonth(y, m)
		case len(intg) != 5 && (len(intg) != 8 || frac != ""):
			return time.Time{}, false
		}
	} else if a, b, ok := strings.Cut(s, "-"); ok || strings.Contains(s, "/") {
		if !ok {
			a, b, _ = strings.Cut(s, "/")
		}
		switch {
		case len(a) <= 2 && len(b) == 4 && digitsOnly(a) && digitsOnly(b): // 03-2026, 03/2026
			m, _ := strconv.Atoi(a)
			y, _ := strconv.Atoi(b)
			return validMonth(y, m)
		case len(a) == 4 && len(b) <= 2 && digitsOnly(a) && digitsOnly(b): // 2026-03, 2026/03
			y, _ := strconv.Atoi(a)
			m, _ := strconv.Atoi(b)
			return validMonth(y, m)
		}
	}
	var buf [5]token
	if t, ok := tokenize(s, buf[:]); ok && len(t) == 2 {
		var yt, mt token
		switch {
		case !t[0].num && t[1].num: // март 2026
			mt, yt = t[0], t[1]
		case t[0].num && !t[1].num && len(t[0].s) == 4: // 2026 март
			yt, mt = t[0], t[1]
		default:
			return time.Time{}, false
		}
		m, ok1 := months[mt.s]
		y, ok2 := year(yt.s)
		if !ok1 || !ok2 {
			return time.Time{}, false
		}
		return validMonth(y, int(m))
	}
	t, ok := dateTime(s)
	if !ok {
		return time.Time{}, false
	}
	return day(t.Year(), t.Month(), 1), true
}

// validMonth is the first day of a month, if valid.
func validMonth(y, m int) (time.Time, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 {
		return time.Time{}, false
	}
	return day(y, time.Month(m), 1), true
}
