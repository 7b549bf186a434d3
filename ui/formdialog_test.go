package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestHiddenFieldsDoNotBlockSaving(t *testing.T) {
	a := openDemo(t, "en")
	showStaff(t, a)
	a.addInCurrent()
	settle(a)
	fd := a.lastForm
	choose(t, a, fd, "status", 2) // left: the date of leaving appears
	fill(t, a, fd, "left_date", "not a date")
	choose(t, a, fd, "status", 0) // back to active: the field is gone again
	fill(t, a, fd, "full_name", "Морозова Алина Игоревна")
	choose(t, a, fd, "grade", 0)
	test.Tap(fd.save)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Fatalf("a hidden field blocked saving: %q", texts(fd.form.Object()))
	}
}

func TestNumbersMustBeNumbers(t *testing.T) {
	a := openDemo(t, "ru")
	showClients(t, a)
	a.addInCurrent()
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "monthly_budget", "1 250 000,5")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("monthly_budget"); got != "Введите целое число" {
		t.Errorf("budget error %q", got)
	}
	for _, v := range []string{"nan", "inf", "0x10"} {
		if _, ok := parseNumber(v); ok {
			t.Errorf("%q read as a number", v)
		}
	}
	if v, ok := parseNumber("1 234,5"); !ok || v != 1234.5 {
		t.Errorf("1 234,5 read as %v %v", v, ok)
	}
}
