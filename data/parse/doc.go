// Package parse reads cell text the way Russian offices write it: numbers with
// space or dot thousands and a decimal comma, sums with "руб." or "₽", dates as
// 31.03.2026 or Excel serial numbers, months as "март 2026", yes/no as "да"/"ЛПР",
// choices from a list of synonyms, and people's names as "Иванов И.П.".
//
// Every function is pure: no I/O, no global state, safe for concurrent use.
//
// # Conventions
//
// Surrounding white space is ignored, including the no-break spaces U+00A0 and
// U+202F, the other Unicode spaces, and zero-width spaces and byte order marks.
//
// Empty input (see [Empty]) is never an error: every function returns its zero
// value and a nil error (0, false, "", time.Time{}). A caller that must tell "0"
// from a blank cell checks [Empty] first. Only the functions' own rejections are
// errors, and they are always of type *[Error], whose Code is one of the Code
// constants; Value is the offending text (trimmed), except for
// [CodeAmbiguousPerson], where it lists the matching people.
//
// Each function reports a single code: [Number] reports "not_number", [Integer]
// "not_integer" (also for text that is no number at all), [Money] "not_money",
// [Percent] and [Fraction] "not_percent", [Date] "not_date", [DateTime]
// "not_datetime", [Period] "not_period", [Bool] "not_bool", [Enum.Parse]
// "invalid_choice", [Names.Match] "unknown_person" or "ambiguous_person".
//
// Dates and times are returned in UTC: a date is UTC midnight, a date-time is
// the wall-clock time as written, labelled UTC, to the minute; a period (month)
// is the first day of the month at UTC midnight. Ranges (a contract date in
// 1905, a negative sum) are the caller's to check.
package parse
