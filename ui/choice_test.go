package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestChoiceWithRepeatedNamesAndVanishingValues(t *testing.T) {
	test.NewTempApp(t)
	people := []int64{0, 7, 9}
	names := map[int64]string{0: "все", 7: "Смирнова Анна", 9: "Смирнова Анна"}
	var picked []int64
	c := newChoice(people, func(id int64) string { return names[id] }, func(id int64) { picked = append(picked, id) })
	c.SetSelectedIndex(2)
	if c.value() != 9 {
		t.Errorf("the second Смирнова Анна reads as %d", c.value())
	}
	c.setValues([]int64{0, 7}, func(id int64) string { return names[id] }) // 9 left the list
	if c.value() != 0 || picked[len(picked)-1] != 0 {
		t.Errorf("after the chosen value vanished: value %d, reported %v", c.value(), picked)
	}
}
