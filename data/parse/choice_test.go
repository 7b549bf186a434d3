package parse

import (
	"reflect"
	"testing"
)

func TestBool(t *testing.T) {
	for _, in := range []string{"да", "Да", "ДА", "д", "yes", "Yes", "YES", "y", "true", "TRUE", "True", "ИСТИНА", "1", "+",
		"x", "X", "х", "Х", "v", "V", "✓", "✔", "☑", "✅", "ЛПР", "лпр", "Лпр", "есть", " да ", nbsp + "да" + nbsp} {
		if v, err := Bool(in); err != nil || !v {
			t.Errorf("Bool(%q) = %v, %v; want true", in, v, err)
		}
	}
	for _, in := range []string{"нет", "Нет", "НЕТ", "н", "no", "No", "NO", "n", "false", "FALSE", "ЛОЖЬ", "ложь", "0", "-", "−", "–", "—", "не ЛПР", "не  лпр"} {
		if v, err := Bool(in); err != nil || v {
			t.Errorf("Bool(%q) = %v, %v; want false", in, v, err)
		}
	}
	for _, in := range []string{"дa", "maybe", "возможно", "2", "-1", "да нет", "yes!", "00", "1.0", "истинно", "xx", "✗"} {
		if v, err := Bool(in); err == nil {
			t.Errorf("Bool(%q) = %v, want an error", in, v)
		} else {
			wantCode(t, in, err, CodeNotBool)
		}
	}
}

func TestEnum(t *testing.T) {
	kinds := NewEnum(map[string][]string{
		"cross_sell": {"кросс-продажа", "кросселл"},
		"upsell":     {"допродажа", "up-sell"},
		"report":     {"отчёт"},
		"none":       {"нет", "—", "-"},
	})
	tiers := NewEnum(map[string][]string{"A": nil, "B": nil, "C": nil})
	for _, c := range []struct {
		e        Enum
		in, want string
	}{
		{kinds, "cross_sell", "cross_sell"},
		{kinds, "cross-sell", "cross_sell"},
		{kinds, "Cross sell", "cross_sell"},
		{kinds, "CROSS  SELL", "cross_sell"},
		{kinds, " cross - sell ", "cross_sell"},
		{kinds, "cross‐sell", "cross_sell"},
		{kinds, "Кросс-продажа", "cross_sell"},
		{kinds, "кросс продажа", "cross_sell"},
		{kinds, "кросс_продажа", "cross_sell"},
		{kinds, "Up sell", "upsell"},
		{kinds, "upsell", "upsell"},
		{kinds, "UPSELL", "upsell"},
		{kinds, "отчет", "report"},
		{kinds, "ОТЧЁТ", "report"},
		{kinds, "-", "none"},
		{kinds, " — ", "none"},
		{kinds, "Нет", "none"},
		{tiers, "A", "A"},
		{tiers, "a", "A"},
		{tiers, "А", "A"}, // Cyrillic
		{tiers, "а", "A"},
		{tiers, "В", "B"},
		{tiers, "в", "B"},
		{tiers, "С", "C"},
		{tiers, "с", "C"},
		{tiers, " b ", "B"},
	} {
		got, err := c.e.Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct {
		e  Enum
		in string
	}{
		{kinds, "crosssell"}, {kinds, "cross sell x"}, {kinds, "кросс"}, {kinds, "--"}, {kinds, "_"},
		{tiers, "D"}, {tiers, "Б"}, {tiers, "AB"}, {tiers, "АВ"}, {tiers, "A+"},
		{Enum{}, "A"},
	} {
		if got, err := c.e.Parse(c.in); err == nil {
			t.Errorf("Parse(%q) = %q, want an error", c.in, got)
		} else {
			wantCode(t, c.in, err, CodeInvalidChoice)
		}
	}
	if got := tiers.Codes(); !reflect.DeepEqual(got, []string{"A", "B", "C"}) {
		t.Errorf("Codes() = %v", got)
	}
}

// A Cyrillic А/Б/В scale folds consistently: "В" is its third grade.
func TestEnumCyrillicScale(t *testing.T) {
	e := NewEnum(map[string][]string{"1": {"А"}, "2": {"Б"}, "3": {"В"}})
	for in, want := range map[string]string{"А": "1", "а": "1", "A": "1", "Б": "2", "б": "2", "В": "3", "в": "3"} {
		if got, err := e.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestEnumConflicts(t *testing.T) {
	e := NewEnum(map[string][]string{
		"active":  {"действующий", "активный"},
		"current": {"Действующий", "current"},
		"ended":   {"active"}, // another code's name: the code wins
	})
	if got, want := e.Conflicts(), []string{"active", "действующий"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Conflicts() = %v, want %v", got, want)
	}
	if _, err := e.Parse("действующий"); err == nil {
		t.Error("an ambiguous synonym was accepted")
	}
	for in, want := range map[string]string{"active": "active", "активный": "active", "current": "current", "ended": "ended"} {
		if got, err := e.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if c := NewEnum(map[string][]string{"a": {"x"}, "b": {"y"}}).Conflicts(); len(c) != 0 {
		t.Errorf("Conflicts() = %v", c)
	}
}
