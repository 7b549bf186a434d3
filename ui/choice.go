package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/widget"
)

// choice is a drop-down of values shown by their translated labels.
type choice[V comparable] struct {
	*widget.Select
	values []V
}

func newChoice[V comparable](values []V, label func(V) string, changed func(V)) *choice[V] {
	c := &choice[V]{values: values}
	c.Select = &widget.Select{Options: uniqueLabels(values, label), PlaceHolder: T("choice.select")}
	// The choice, not its Select, is what containers hold: it must be the widget the
	// Select refreshes, or changes made in code would not show.
	c.ExtendBaseWidget(c)
	if changed != nil {
		c.Select.OnChanged = func(string) { changed(c.value()) }
	}
	return c
}

// uniqueLabels numbers repeated labels (two people of the same name): a Select finds
// the chosen value by its text, so every text must be different.
func uniqueLabels[V any](values []V, label func(V) string) []string {
	labels := make([]string, len(values))
	seen := map[string]int{}
	for i, v := range values {
		l := label(v)
		seen[l]++
		if n := seen[l]; n > 1 {
			l = fmt.Sprintf("%s (%d)", l, n)
		}
		labels[i] = l
	}
	return labels
}

// value is the chosen value (the zero value when nothing is chosen).
func (c *choice[V]) value() V {
	var zero V
	if i := c.SelectedIndex(); i >= 0 && i < len(c.values) {
		return c.values[i]
	}
	return zero
}

// setValue chooses v (nothing when v is not among the values).
func (c *choice[V]) setValue(v V) {
	if i := slices.Index(c.values, v); i >= 0 {
		c.SetSelectedIndex(i)
		return
	}
	c.ClearSelected()
}

// setValues replaces the values, keeping the current one chosen when it remains.
// When it is gone (a filter's team that no one is in any more), the first value is
// chosen and reported, so that whatever filters by it follows.
func (c *choice[V]) setValues(values []V, label func(V) string) {
	current, had := c.value(), c.SelectedIndex() >= 0
	c.values = values
	changed := c.Select.OnChanged
	c.Select.OnChanged = nil
	c.Select.SetOptions(uniqueLabels(values, label))
	c.Select.OnChanged = changed
	switch {
	case slices.Contains(values, current):
		c.setValueQuietly(current)
	case had && len(values) > 0:
		c.setValue(values[0])
	}
}

// setValueQuietly chooses v without calling the change callback.
func (c *choice[V]) setValueQuietly(v V) {
	changed := c.Select.OnChanged
	c.Select.OnChanged = nil
	c.setValue(v)
	c.Select.OnChanged = changed
}
