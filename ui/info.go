package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// infoItem is a caption and a value on a card.
type infoItem struct {
	label string
	value string
}

// infoGrid shows a record's fields as caption: value pairs in three columns; empty
// values are left out.
type infoGrid struct {
	box *fyne.Container
}

func newInfoGrid() *infoGrid {
	return &infoGrid{box: container.NewGridWithColumns(3)}
}

func (g *infoGrid) object() fyne.CanvasObject { return g.box }

// hint is secondary text: smaller, but as readable as the rest in either theme
// (Fyne's low importance is too faint on the dark background).
func hint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func (g *infoGrid) set(items []infoItem) {
	var cells []fyne.CanvasObject
	for _, it := range items {
		if it.value == "" {
			continue
		}
		caption := hint(it.label)
		value := widget.NewLabel(it.value)
		value.Wrapping = fyne.TextWrapWord
		cells = append(cells, container.New(layout.NewFormLayout(), caption, value))
	}
	g.box.Objects = cells
	g.box.Refresh()
}
