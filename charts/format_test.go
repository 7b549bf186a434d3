package charts

import (
	"math"
	"strings"
	"testing"
)

// nb makes expectations readable: "_" stands for the no-break space.
func nb(s string) string { return strings.ReplaceAll(s, "_", "\u00a0") }

func TestFormatValue(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		lang, unit string
		v          float64
		want       string
	}{
		{"ru", UnitRoubles, 1234567, "1_234_567_₽"},
		{"en", UnitRoubles, 1234567, "1,234,567_RUB"},
		{"ru", UnitRoubles, 999.5, "1_000_₽"}, // whole roubles, half rounds up
		{"ru", UnitRoubles, -2500, "−2_500_₽"},
		{"en", UnitRoubles, -2500, "−2,500_RUB"},
		{"ru", UnitRoubles, 0, "0_₽"},
		{"ru", UnitPercent, 95.3, "95,3_%"},
		{"en", UnitPercent, 95.3, "95.3%"},
		{"ru", UnitPercent, 100, "100,0_%"}, // one decimal always: a column of percentages aligns
		{"ru", UnitPercent, 95.25, "95,3_%"},
		{"ru", UnitPercent, -0.04, "0,0_%"}, // no "−0,0"
		{"ru", UnitPercent, -3.26, "−3,3_%"},
		{"en", UnitPercent, 1234.5, "1,234.5%"},
		{"ru", UnitHours, 12.5, "12,5_ч"},
		{"en", UnitHours, 12.5, "12.5_h"},
		{"ru", UnitHours, 160, "160_ч"},
		{"ru", UnitHours, 7.96, "8_ч"},
		{"ru", UnitScore, 4.2, "4,2"},
		{"en", UnitScore, 4.2, "4.2"},
		{"ru", UnitScore, 5, "5,0"},
		{"ru", UnitScore, 4.25, "4,3"},
		{"ru", UnitCount, 3, "3"},
		{"ru", UnitCount, 3.5, "3,5"},
		{"en", UnitCount, 3.5, "3.5"},
		{"ru", UnitCount, 12500, "12_500"},
		{"en", UnitCount, 12500, "12,500"},
		{"ru", UnitCount, 3.04, "3"},
		{"ru", UnitCount, -7, "−7"},
		{"ru", "", 2.25, "2,3"}, // an unknown unit writes a bare number
	}
	for _, c := range cases {
		if got := FormatValue(c.lang, c.unit, c.v); got != nb(c.want) {
			t.Errorf("FormatValue(%s, %s, %v) = %q, want %q", c.lang, c.unit, c.v, got, nb(c.want))
		}
	}
	for _, unit := range []string{UnitRoubles, UnitPercent, UnitCount, UnitHours, UnitScore} {
		for _, lang := range []string{"ru", "en"} {
			for _, v := range []float64{nan, math.Inf(1)} {
				if got := FormatValue(lang, unit, v); got != "—" {
					t.Errorf("FormatValue(%s, %s, %v) = %q, want —", lang, unit, v, got)
				}
				if got := FormatAxis(lang, unit, v); got != "—" {
					t.Errorf("FormatAxis(%s, %s, %v) = %q, want —", lang, unit, v, got)
				}
			}
		}
	}
}

func TestFormatAxis(t *testing.T) {
	cases := []struct {
		lang, unit string
		v          float64
		want       string
	}{
		{"ru", UnitRoubles, 1_200_000, "1,2_млн_₽"},
		{"en", UnitRoubles, 1_200_000, "1.2M_RUB"},
		{"ru", UnitRoubles, 350_000, "350_тыс._₽"},
		{"en", UnitRoubles, 350_000, "350K_RUB"},
		{"ru", UnitRoubles, 2_000_000, "2_млн_₽"},
		{"ru", UnitRoubles, 1_050_000, "1,05_млн_₽"},
		{"ru", UnitRoubles, 1_005_000, "1_005_тыс._₽"}, // not "1 млн": it would repeat its neighbour
		{"ru", UnitRoubles, 1_234_567, "1,23_млн_₽"},
		{"ru", UnitRoubles, 3_500_000_000, "3,5_млрд_₽"},
		{"en", UnitRoubles, 3_500_000_000, "3.5B_RUB"},
		{"ru", UnitRoubles, 500, "500_₽"},
		{"ru", UnitRoubles, 0, "0_₽"},
		{"ru", UnitRoubles, -1_500_000, "−1,5_млн_₽"},
		{"ru", UnitPercent, 95, "95_%"},
		{"en", UnitPercent, 95, "95%"},
		{"ru", UnitPercent, 95.5, "95,5_%"},
		{"ru", UnitPercent, 96.30000000000001, "96,3_%"},
		{"ru", UnitPercent, 0.25, "0,25_%"},
		{"ru", UnitHours, 12.5, "12,5_ч"},
		{"en", UnitHours, 40, "40_h"},
		{"ru", UnitScore, 4, "4"},
		{"ru", UnitScore, 4.5, "4,5"},
		{"ru", UnitCount, 12000, "12_000"},
		{"en", UnitCount, -2.5, "−2.5"},
	}
	for _, c := range cases {
		if got := FormatAxis(c.lang, c.unit, c.v); got != nb(c.want) {
			t.Errorf("FormatAxis(%s, %s, %v) = %q, want %q", c.lang, c.unit, c.v, got, nb(c.want))
		}
	}
	if f := AxisFormatter("en", UnitPercent); f(97) != "97%" {
		t.Errorf("AxisFormatter: %q", f(97))
	}
}

func TestQuarterLabel(t *testing.T) {
	cases := []struct {
		lang          string
		year, quarter int
		want          string
	}{
		{"ru", 2026, 1, "I кв. 2026"},
		{"ru", 2025, 4, "IV кв. 2025"},
		{"en", 2026, 1, "Q1 2026"},
		{"en", 2025, 3, "Q3 2025"},
		{"ru", 2026, 5, "? 2026"},
	}
	for _, c := range cases {
		if got := QuarterLabel(c.lang, c.year, c.quarter); got != c.want {
			t.Errorf("QuarterLabel(%s, %d, %d) = %q, want %q", c.lang, c.year, c.quarter, got, c.want)
		}
	}
}

func TestMonthYearLabel(t *testing.T) {
	d := mustDate(t, "2026-03-01")
	if MonthYearLabel("ru", d) != "мар 2026" || MonthYearLabel("en", d) != "Mar 2026" {
		t.Errorf("%q %q", MonthYearLabel("ru", d), MonthYearLabel("en", d))
	}
	if got := MonthYearLabel("ru", mustDate(t, "2025-05-15")); got != "май 2025" {
		t.Errorf("May: %q", got)
	}
	if MonthLabel("ru", d) != "мар 26" {
		t.Error("MonthLabel changed")
	}
}

func TestFormatShort(t *testing.T) {
	for _, c := range []struct {
		lang string
		v    float64
		want string
	}{
		{"ru", 16_759_000, "16,8\u00a0млн\u00a0₽"},
		{"ru", 9_990_000, "9,99\u00a0млн\u00a0₽"},
		{"ru", 542_500, "543\u00a0тыс.\u00a0₽"},
		{"ru", 999_600, "1\u00a0млн\u00a0₽"},
		{"ru", 47_600, "47,6\u00a0тыс.\u00a0₽"},
		{"ru", 950, "950\u00a0₽"},
		{"en", 1_250_000, "1.25M\u00a0RUB"},
	} {
		if got := FormatShort(c.lang, UnitRoubles, c.v); got != c.want {
			t.Errorf("FormatShort(%s, %v) = %q, want %q", c.lang, c.v, got, c.want)
		}
	}
	if got := FormatShort("ru", UnitPercent, 95.25); got != FormatValue("ru", UnitPercent, 95.25) {
		t.Errorf("a percentage: %q", got)
	}
}
