package ui

import (
	"fyne.io/fyne/v2/widget"
)

// choice is a drop-down of values shown by their translated labels.
type choice[V comparable] struct {
	*widget.Select
	values []V
}

func newChoice[V comparable](values []V, label func(V) string, changed func(V)) *choice[V] {
	c := &choice[V]{values: values}
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = label(v)
	}
	c.Select = widget.NewSelect(labels, nil)
	c.Select.PlaceHolder = T("choice.select")
	if changed != nil {
		c.Select.OnChanged = func(string) { changed(c.value()) }
	}
	return c
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
	for i, candidate := range c.values {
		if candidate == v {
			c.SetSelectedIndex(i)
			return
		}
	}
	c.ClearSelected()
}

// setValues replaces the values, keeping the current one chosen when it remains.
func (c *choice[V]) setValues(values []V, label func(V) string) {
	current := c.value()
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = label(v)
	}
	c.values = values
	c.Select.SetOptions(labels)
	c.setValueQuietly(current)
}

// setValueQuietly chooses v without calling the change callback.
func (c *choice[V]) setValueQuietly(v V) {
	changed := c.Select.OnChanged
	c.Select.OnChanged = nil
	c.setValue(v)
	c.Select.OnChanged = changed
}
