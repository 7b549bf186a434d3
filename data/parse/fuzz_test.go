package parse

import (
	"errors"
	"math"
	"strconv"
	"testing"
	"time"
)

// checkErr checks that a rejection is a *Error with the code and the trimmed input.
func checkErr(t *testing.T, s string, err error, code string) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) || pe.Code != code || pe.Value != trim(s) {
		t.Fatalf("%q: error %#v, want code %s", s, err, code)
	}
	if Empty(s) {
		t.Fatalf("%q: an empty input was rejected", s)
	}
}

var numberSeeds = []string{
	"1234567.89", "1 234 567,89", "1\u00a0234\u00a0567,89", "1\u202f234,5", "1,234,567.89", "1.234.567,89",
	"-5", "−5", "+5", "(5)", ",5", "1,234", "1,2,3", "12abc", "NaN", "1e5", "", " ", "5,0", "5,7", "1,000",
	"9223372036854775807", "-9223372036854775808,5", "1 250 000,50 ₽", "₽ 5", "5 руб.", "15 %",
}

func FuzzNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, nerr := Number(s)
		if err := nerr; err != nil {
			checkErr(t, s, err, CodeNotNumber)
		} else {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("Number(%q) = %v", s, v)
			}
			for _, back := range []string{strconv.FormatFloat(v, 'f', -1, 64), commaDecimal(strconv.FormatFloat(v, 'f', -1, 64))} {
				if w, err := Number(back); err != nil || w != v {
					t.Fatalf("Number(%q) = %v; Number(%q) = %v, %v", s, v, back, w, err)
				}
			}
		}
		i, err := Integer(s)
		if err != nil {
			checkErr(t, s, err, CodeNotInteger)
		} else {
			if nerr != nil || v != float64(i) {
				t.Fatalf("Integer(%q) = %d, Number = %v", s, i, v)
			}
			back := strconv.FormatInt(i, 10)
			if w, err := Integer(back); err != nil || w != i {
				t.Fatalf("Integer(%q) = %d; Integer(%q) = %v, %v", s, i, back, w, err)
			}
		}
		p, err := Percent(s)
		if err != nil {
			checkErr(t, s, err, CodeNotPercent)
		} else if nerr == nil && p != v {
			t.Fatalf("Percent(%q) = %v, Number = %v", s, p, v)
		}
		if _, err := Fraction(s); err != nil {
			checkErr(t, s, err, CodeNotPercent)
		}
	})
}

func FuzzMoney(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Money(s)
		if err != nil {
			checkErr(t, s, err, CodeNotMoney)
			return
		}
		for _, back := range []string{strconv.FormatInt(v, 10), strconv.FormatInt(v, 10) + " ₽", strconv.FormatInt(v, 10) + ",00 руб."} {
			if w, err := Money(back); err != nil || w != v {
				t.Fatalf("Money(%q) = %d; Money(%q) = %v, %v", s, v, back, w, err)
			}
		}
		// A sum without a rouble sign is the number rounded half away from zero
		// (away from halves, where float64 rounding may decide differently).
		if n, err := Number(s); err == nil && math.Abs(n) < 1e15 && math.Abs(math.Abs(n-math.Trunc(n))-0.5) > 1e-6 && float64(v) != math.Round(n) {
			t.Fatalf("Money(%q) = %d, Number = %v", s, v, n)
		}
	})
}

var dateSeeds = []string{
	"2026-03-31", "31.03.2026", "31.03.26", "31/03/2026", "1.3.2026", "2026-03-31T00:00:00", "2026-03-31 00:00:00",
	"46112", "46112.5", "60", "31.02.2026", "31 марта 2026 г.", "March 31, 2026", "20260331", "31.03.2026 14:30",
	"2026-03-31T14:30", "2026-03-31 14:30:59.999", "46112.99999999", "2958465", "03.2026", "март 2026", "мар. 26",
	"Mar-26", "2026-03", "", "14:30",
}

func FuzzDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Date(s)
		if err != nil {
			checkErr(t, s, err, CodeNotDate)
			if _, err := DateTime(s); err == nil {
				t.Fatalf("DateTime(%q) accepts what Date rejects", s)
			}
			return
		}
		if Empty(s) {
			return
		}
		if v.Location() != time.UTC || v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 {
			t.Fatalf("Date(%q) = %v, not a UTC midnight", s, v)
		}
		for _, layout := range []string{"2006-01-02", "02.01.2006", "2.1.2006", "02/01/2006"} {
			back := v.Format(layout)
			if w, err := Date(back); err != nil || !w.Equal(v) {
				t.Fatalf("Date(%q) = %v; Date(%q) = %v, %v", s, v, back, w, err)
			}
		}
		if w, err := DateTime(s); err != nil || !w.Truncate(24*time.Hour).Equal(v) {
			t.Fatalf("Date(%q) = %v; DateTime = %v, %v", s, v, w, err)
		}
	})
}

func FuzzDateTime(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := DateTime(s)
		if err != nil {
			checkErr(t, s, err, CodeNotDateTime)
			return
		}
		if Empty(s) {
			return
		}
		if v.Location() != time.UTC || v.Second() != 0 || v.Nanosecond() != 0 {
			t.Fatalf("DateTime(%q) = %v, not a UTC minute", s, v)
		}
		for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04:05", "02.01.2006 15:04"} {
			back := v.Format(layout)
			if w, err := DateTime(back); err != nil || !w.Equal(v) {
				t.Fatalf("DateTime(%q) = %v; DateTime(%q) = %v, %v", s, v, back, w, err)
			}
		}
	})
}

func FuzzPeriod(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Period(s)
		if err != nil {
			checkErr(t, s, err, CodeNotPeriod)
			return
		}
		if Empty(s) {
			return
		}
		if v.Location() != time.UTC || v.Day() != 1 || v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 {
			t.Fatalf("Period(%q) = %v, not the first of a month", s, v)
		}
		for _, layout := range []string{"2006-01", "01.2006", "January 2006", "Jan 2006"} {
			back := v.Format(layout)
			if w, err := Period(back); err != nil || !w.Equal(v) {
				t.Fatalf("Period(%q) = %v; Period(%q) = %v, %v", s, v, back, w, err)
			}
		}
	})
}
