package parse

import (
	"math"
	"strconv"
	"testing"
)

const (
	nbsp  = "\u00a0"
	nnbsp = "\u202f"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"0", 0},
		{"5", 5},
		{"007", 7},
		{"1234567.89", 1234567.89},
		{"1234567,89", 1234567.89},
		{"1 234 567,89", 1234567.89},
		{"1" + nbsp + "234" + nbsp + "567,89", 1234567.89},
		{"1" + nnbsp + "234" + nnbsp + "567,89", 1234567.89},
		{"1\u2009234,5", 1234.5},
		{"1  234", 1234},
		{"1 234 567.89", 1234567.89},
		{"1,234,567.89", 1234567.89},
		{"1.234.567,89", 1234567.89},
		{"1,234,567", 1234567},
		{"1.234.567", 1234567},
		{"1.234,5", 1234.5},
		{"1,234.5", 1234.5},
		{"1,234", 1.234}, // a lone comma is decimal
		{"1.234", 1.234}, // so is a lone dot
		{"12,5", 12.5},
		{"-5", -5},
		{"−5", -5},
		{"–5", -5},
		{"+5", 5},
		{"- 5", -5},
		{"(5)", -5},
		{"(1 234,5)", -1234.5},
		{",5", 0.5},
		{".5", 0.5},
		{"-,5", -0.5},
		{"  42\t", 42},
		{nbsp + "42" + nbsp, 42},
		{"\ufeff42", 42},
		{"0,000001", 0.000001},
	} {
		got, err := Number(c.in)
		if err != nil || got != c.want {
			t.Errorf("Number(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestNumberRejects(t *testing.T) {
	for _, in := range []string{
		"abc", "12abc", "1,2,3", "1.2.3", "12 34", "1 2345", "1234 567", "1,23,456",
		"1,234.567,8", "1.234,567.8", "1 234.567,8", "1,234 567",
		"5,", "5.", ",", ".", "-", "+", "--5", "+-5", "(-5)", "()", "(5", "5)",
		"1e5", "1E+06", "1,5E+06", "NaN", "nan", "Inf", "-Inf", "+Inf", "Infinity",
		"0x1F", "0b101", "1_000", "١٢", "５", "5%", "5 руб", "1 234,", "1 ,5", "1, 5",
		"1e400", "1" + string(make([]byte, 0)) + "\x00",
		"1" + repeat("0", 400),
	} {
		got, err := Number(in)
		if err == nil {
			t.Errorf("Number(%q) = %v, want an error", in, got)
			continue
		}
		wantCode(t, in, err, CodeNotNumber)
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\t\n", nbsp, nnbsp + " " + nbsp, "\u200b", "\ufeff", "\u3000"} {
		if !Empty(in) {
			t.Errorf("Empty(%q) = false", in)
		}
		if v, err := Number(in); v != 0 || err != nil {
			t.Errorf("Number(%q) = %v, %v", in, v, err)
		}
		if v, err := Integer(in); v != 0 || err != nil {
			t.Errorf("Integer(%q) = %v, %v", in, v, err)
		}
		if v, err := Money(in); v != 0 || err != nil {
			t.Errorf("Money(%q) = %v, %v", in, v, err)
		}
		if v, err := Percent(in); v != 0 || err != nil {
			t.Errorf("Percent(%q) = %v, %v", in, v, err)
		}
		if v, err := Fraction(in); v != 0 || err != nil {
			t.Errorf("Fraction(%q) = %v, %v", in, v, err)
		}
		if v, err := Date(in); !v.IsZero() || err != nil {
			t.Errorf("Date(%q) = %v, %v", in, v, err)
		}
		if v, err := DateTime(in); !v.IsZero() || err != nil {
			t.Errorf("DateTime(%q) = %v, %v", in, v, err)
		}
		if v, err := Period(in); !v.IsZero() || err != nil {
			t.Errorf("Period(%q) = %v, %v", in, v, err)
		}
		if v, err := Bool(in); v || err != nil {
			t.Errorf("Bool(%q) = %v, %v", in, v, err)
		}
		if v, err := NewEnum(map[string][]string{"a": nil}).Parse(in); v != "" || err != nil {
			t.Errorf("Enum.Parse(%q) = %v, %v", in, v, err)
		}
		if v, err := NewNames([]Person{{1, "Иванов Иван"}}).Match(in); v != 0 || err != nil {
			t.Errorf("Names.Match(%q) = %v, %v", in, v, err)
		}
	}
	for _, in := range []string{"0", "-", "a", " . "} {
		if Empty(in) {
			t.Errorf("Empty(%q) = true", in)
		}
	}
}

func TestNumberRoundTrip(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.1, 1234567.89, -1234567.89, 1e-10, 123456789012345678, math.MaxFloat64, math.SmallestNonzeroFloat64, 1.0 / 3} {
		for _, s := range []string{
			strconv.FormatFloat(f, 'f', -1, 64),
			// Russian: decimal comma.
			commaDecimal(strconv.FormatFloat(f, 'f', -1, 64)),
		} {
			got, err := Number(s)
			if err != nil || got != f {
				t.Errorf("Number(%q) = %v, %v; want %v", s, got, err, f)
			}
		}
	}
}

func commaDecimal(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '.' {
			b[i] = ','
		}
	}
	return string(b)
}

func TestInteger(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"5", 5},
		{"5,0", 5},
		{"5.00", 5},
		{"5,000000", 5},
		{"-5", -5},
		{"−5", -5},
		{"(5)", -5},
		{"1 234 567", 1234567},
		{"1" + nbsp + "234", 1234},
		{"1,234,567", 1234567},
		{"1.234.567", 1234567},
		{"1,234,567.00", 1234567},
		{"1.000,0", 1000},
		{"0,000", 0},
		{"1234,000", 1234},
		{"9223372036854775807", math.MaxInt64},
		{"-9223372036854775808", math.MinInt64},
		{"9 223 372 036 854 775 807", math.MaxInt64},
	} {
		got, err := Integer(c.in)
		if err != nil || got != c.want {
			t.Errorf("Integer(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{
		"5,7", "0,5", "-0,01", "1,000", "1.000", "-1,000", "999,000", "abc", "12abc", "1e3",
		"9223372036854775808", "-9223372036854775809", "99999999999999999999", "5,", "1,2,3",
	} {
		got, err := Integer(in)
		if err == nil {
			t.Errorf("Integer(%q) = %v, want an error", in, got)
			continue
		}
		wantCode(t, in, err, CodeNotInteger)
	}
}

func TestIntegerRoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 1000, 1234567, math.MaxInt64, math.MinInt64} {
		s := strconv.FormatInt(v, 10)
		if got, err := Integer(s); err != nil || got != v {
			t.Errorf("Integer(%q) = %v, %v", s, got, err)
		}
	}
}

func TestMoney(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"1250000", 1250000},
		{"1 250 000", 1250000},
		{"1 250 000 ₽", 1250000},
		{"1" + nbsp + "250" + nbsp + "000" + nbsp + "₽", 1250000},
		{"1 250 000₽", 1250000},
		{"₽1 250 000", 1250000},
		{"₽ 1 250 000", 1250000},
		{"1 250 000 руб", 1250000},
		{"1 250 000 руб.", 1250000},
		{"1 250 000 РУБ.", 1250000},
		{"1 250 000 р.", 1250000},
		{"1 250 000р.", 1250000},
		{"1 250 000 р", 1250000},
		{"1 250 000 рублей", 1250000},
		{"1 рубль", 1},
		{"2 рубля", 2},
		{"1250000 RUB", 1250000},
		{"RUB 1250000", 1250000},
		{"1250000 rub", 1250000},
		{"1250000 RUR", 1250000},
		{"1 250 000,50 ₽", 1250001},
		{"1 250 000,49 ₽", 1250000},
		{"1 250 000,5", 1250001},
		{"1 250 000,99", 1250001},
		{"1 250 000,01", 1250000},
		{"0,5", 1},
		{"0,49", 0},
		{"-0,5", -1},
		{"-1 250,50 ₽", -1251},
		{"−1 250 ₽", -1250},
		{"(1 250) ₽", -1250},
		{"1,250,000.50", 1250001},
		{"1.250.000,50", 1250001},
		{"1250000.0000", 1250000}, // SQL Server money
		{"1250.000", 1250},        // more than three digits before the dot: not ambiguous
		{"0,500", 1},
		{"9223372036854775807", math.MaxInt64},
		{"-9223372036854775808", math.MinInt64},
		{"9223372036854775806,5", math.MaxInt64},
	} {
		got, err := Money(c.in)
		if err != nil || got != c.want {
			t.Errorf("Money(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{
		"abc", "₽", "руб.", "$100", "100 $", "100 USD", "€100", "100 EUR", "1,5 млн", "100 тыс. руб",
		"1,250", "1.250", "12,500 ₽", "125.000 руб", "₽ 5 ₽", "5 руб руб", "1e6", "9223372036854775807,5",
		"-9223372036854775808,5", "1 250 000 рублей 50 копеек", "5 рубчиков",
	} {
		got, err := Money(in)
		if err == nil {
			t.Errorf("Money(%q) = %v, want an error", in, got)
			continue
		}
		wantCode(t, in, err, CodeNotMoney)
	}
}

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		in        string
		pct, frac float64
	}{
		{"15%", 15, 0.15},
		{"15 %", 15, 0.15},
		{"15" + nbsp + "%", 15, 0.15},
		{"15,5%", 15.5, 0.155},
		{"15.5%", 15.5, 0.155},
		{"15,5", 15.5, 0.155},
		{"15", 15, 0.15},
		{"0.155", 0.155, 0.00155}, // taken as written: percent points
		{"-2,5%", -2.5, -0.025},
		{"100%", 100, 1},
		{"0,1%", 0.1, 0.001},
		{"1 000%", 1000, 10},
	} {
		p, err := Percent(c.in)
		if err != nil || p != c.pct {
			t.Errorf("Percent(%q) = %v, %v; want %v", c.in, p, err, c.pct)
		}
		f, err := Fraction(c.in)
		if err != nil || f != c.frac {
			t.Errorf("Fraction(%q) = %v, %v; want %v", c.in, f, err, c.frac)
		}
	}
	for _, in := range []string{"%", "abc%", "15%%", "%15", "15 процентов", "15‰", "1e2%", "15 % 5", "1,2,3%"} {
		if _, err := Percent(in); err == nil {
			t.Errorf("Percent(%q): want an error", in)
		} else {
			wantCode(t, in, err, CodeNotPercent)
		}
		if _, err := Fraction(in); err == nil {
			t.Errorf("Fraction(%q): want an error", in)
		} else {
			wantCode(t, in, err, CodeNotPercent)
		}
	}
}

func TestMoneyRoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 1250000, math.MaxInt64, math.MinInt64 + 1} {
		for _, s := range []string{strconv.FormatInt(v, 10), strconv.FormatInt(v, 10) + " ₽", strconv.FormatInt(v, 10) + ",00 руб."} {
			if got, err := Money(s); err != nil || got != v {
				t.Errorf("Money(%q) = %v, %v; want %v", s, got, err, v)
			}
		}
	}
}

func TestErrorMessage(t *testing.T) {
	_, err := Number(" 12abc ")
	if err == nil || err.Error() != `"12abc" is not a number` {
		t.Errorf("message %v", err)
	}
	e := &Error{Code: CodeAmbiguousPerson, Value: "A, B"}
	if e.Error() != "several people match: A, B" {
		t.Errorf("message %v", e)
	}
}
