package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// legendItems name what the colours and marks mean: the segments of a stacked chart or
// the named bands of an unstacked one (all of them, so that a missing colour reads as
// "nobody is over"), then the hatched bar and the capacity marker when any bar has one.
func (c WorkloadChart) legendItems(u float64) []legendItem {
	var items []legendItem
	if c.stacked() {
		for j, name := range c.SegmentNames {
			items = c.boxItem(items, name, c.Style.seriesColor(j), u)
		}
	} else {
		for band, name := range c.BandNames {
			items = c.boxItem(items, name, c.bandColor(band), u)
		}
	}
	leave, capacity := false, false
	for _, b := range c.Bars {
		leave, capacity = leave || b.onLeave(), capacity || !b.onLeave()
	}
	if leave && c.LeaveLabel != "" {
		items = append(items, legendItem{name: c.LeaveLabel, swatch: func(r chart.Renderer, x0, x1, y int) {
			y0, y1 := swatchBox(y, u)
			fill(r, c.leaveColor(), x0, y0, x1, y1)
			hatch(r, toDrawing(c.Style.Muted), x0, y0, x1, y1, u)
		}})
	}
	if capacity && c.CapacityLabel != "" {
		items = append(items, legendItem{name: c.CapacityLabel, swatch: func(r chart.Renderer, x0, x1, y int) {
			y0, y1 := swatchBox(y, u)
			fill(r, c.trackColor(), x0, y0, x1, y1)
			over := int(math.Round(2 * u))
			drawCapacityMark(r, c.Style, x1-markerHalf(u), y0-over, y1+over, u)
		}})
	}
	return items
}

// boxItem adds a named colour, its swatch a short bar.
func (c WorkloadChart) boxItem(items []legendItem, name string, col drawing.Color, u float64) []legendItem {
	if name == "" {
		return items
	}
	return append(items, legendItem{name: name, color: col, swatch: func(r chart.Renderer, x0, x1, y int) {
		y0, y1 := swatchBox(y, u)
		fill(r, col, x0, y0, x1, y1)
	}})
}

// swatchBox is the height of a bar swatch centred on y: a capital's height, so that
// the box sits level with its name.
func swatchBox(y int, u float64) (y0, y1 int) {
	h := max(4, int(math.Round(em(legendSize*u)*0.8)))
	return y - h/2, y - h/2 + h
}
