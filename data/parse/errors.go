package parse

import (
	"strconv"
	"strings"
	"unicode"
)

// Error codes: stable keys that the app translates.
const (
	CodeNotNumber       = "not_number"
	CodeNotInteger      = "not_integer"
	CodeNotMoney        = "not_money"
	CodeNotPercent      = "not_percent"
	CodeNotDate         = "not_date"
	CodeNotDateTime     = "not_datetime"
	CodeNotPeriod       = "not_period"
	CodeNotBool         = "not_bool"
	CodeInvalidChoice   = "invalid_choice"
	CodeUnknownPerson   = "unknown_person"
	CodeAmbiguousPerson = "ambiguous_person"
)

// Error is why a cell cannot be read. Code is one of the Code constants; Value is
// the cell's text without surrounding spaces, or for CodeAmbiguousPerson the
// matching people's full names separated by ", ".
type Error struct {
	Code  string
	Value string
}

var descriptions = map[string]string{
	CodeNotNumber:     "is not a number",
	CodeNotInteger:    "is not a whole number",
	CodeNotMoney:      "is not an amount in roubles",
	CodeNotPercent:    "is not a percentage",
	CodeNotDate:       "is not a date",
	CodeNotDateTime:   "is not a date and time",
	CodeNotPeriod:     "is not a month",
	CodeNotBool:       "is not yes or no",
	CodeInvalidChoice: "is not one of the allowed values",
	CodeUnknownPerson: "is not a known person",
}

// Error describes the problem in English.
func (e *Error) Error() string {
	if e.Code == CodeAmbiguousPerson {
		return "several people match: " + e.Value
	}
	d, ok := descriptions[e.Code]
	if !ok {
		d = "is invalid (" + e.Code + ")"
	}
	return strconv.Quote(e.Value) + " " + d
}

func fail(code, value string) *Error { return &Error{Code: code, Value: value} }

// isSpace reports the characters ignored around values: Unicode white space
// (which includes U+00A0 and U+202F) plus zero-width spaces and BOMs.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// trim removes surrounding spaces in the sense of isSpace.
func trim(s string) string {
	// Fast path for the usual clean ASCII cell.
	if s == "" || (s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80) {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// Empty reports whether s is blank: nothing but spaces (including no-break and
// zero-width ones). The parsers return the zero value and a nil error for it.
func Empty(s string) bool { return trim(s) == "" }

// foldRune lower-cases a letter and folds ё into е.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if r == 'ё' {
		return 'е'
	}
	return r
}

// fold lower-cases s, folds ё into е and collapses runs of spaces into one
// ASCII space, dropping leading and trailing ones.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}
