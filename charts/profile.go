package charts

import (
	"image"
	"io"
	"math"
	"strconv"

	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// ProfileRow is one competency of a person's profile, on the chart's 1..Scale scale:
// the level observed, the level the person's current grade requires and the level the
// next grade requires. NaN or 0 is absent (not rated, no requirement, no next grade).
type ProfileRow struct {
	Label string
	// Group is the area the competency belongs to ("Работа с клиентом"); a header
	// names it above the first row of each run of rows with the same group. Empty: no
	// header.
	Group                   string
	Observed, Current, Next float64
}

// ProfileChart is a person's competency profile against their grade: one row per
// competency, the observed level as a bar from zero coloured by status (below the
// current grade's requirement vermillion, meeting it bluish green, meeting the next
// grade's too blue), the current requirement as a bold tick across the bar and the
// next grade's as a hollow diamond.
type ProfileChart struct {
	Title, Subtitle string
	// Rows are drawn in the order given, grouped by Group when set. Long names wrap
	// onto two lines, or are shortened with "…"; rows that don't fit the chart even at
	// the base text size are left out and counted in a last row ("… +3").
	Rows []ProfileRow
	// ObservedLabel, CurrentLabel and NextLabel name the bar, the tick and the diamond
	// in the legend ("оценка", "требование: Аккаунт-менеджер", "требование: Старший
	// аккаунт-менеджер"); an empty one is left out, as is NextLabel when no row has a
	// next level.
	ObservedLabel, CurrentLabel, NextLabel string
	// StatusLabels name the bar colours in the legend: below the current requirement,
	// meeting it, meeting the next grade's ("ниже грейда", "на уровне грейда", "на
	// уровне следующего грейда"). Optional; an empty one is left out.
	StatusLabels [3]string
	// Scale is the top level; 0 means 4. Ticks 1..Scale are labelled under the rows.
	Scale int
	// LevelNames name levels 1..Scale under their ticks ("базовый", "уверенный", ...);
	// optional.
	LevelNames []string
	// Format writes the observed level in the column after the scale; nil writes at
	// most one decimal in the Russian way ("3", "2,5").
	Format func(float64) string
	// Empty is shown instead of the rows when there are none.
	Empty string
	Style Style
}

// Image renders the chart at width x height pixels.
func (c ProfileChart) Image(width, height int) (image.Image, error) {
	return renderImage(width, height, c.draw)
}

// PNG writes the chart as a PNG file.
func (c ProfileChart) PNG(out io.Writer, width, height int) error {
	return renderPNG(out, width, height, c.draw)
}

// SVG writes the chart as an SVG file.
func (c ProfileChart) SVG(out io.Writer, width, height int) error {
	return renderSVG(out, width, height, c.draw)
}

// Profile statuses, indexes of StatusLabels.
const (
	profBelow = 0 // below the current grade's requirement
	profMeets = 1 // meets it
	profNext  = 2 // meets the next grade's too
)

// Sizes in pixels at unit 1; rows, gaps and the cut of a long list are the ranking's.
const (
	profLabelShare = 0.38 // competency names wrap, then get "…", beyond this share of the width
	profLabelLines = 2    // lines a competency name may wrap onto
	profLevelLines = 2    // lines a level name may wrap onto
	profMarkerOver = 4.0  // how far the requirement tick reaches above and below the bar
	profMaxSlot    = 30.0 // a short profile doesn't get fat bars
	profMaxBar     = 16.0 // nor a long one on a slide
	profMaxDiamond = 8.0  // the diamond's largest half-height
	profRingWidth  = 1.6  // the diamond's outline
)

// Status colours, as the ranking's bands: Okabe-Ito, told apart by every form of
// colour blindness.
var (
	profBelowColor = toDrawing(OkabeIto[5]) // vermillion
	profMeetsColor = toDrawing(OkabeIto[2]) // bluish green
	profNextColor  = toDrawing(OkabeIto[0]) // blue
)

func (c ProfileChart) scale() int {
	if c.Scale <= 0 {
		return 4
	}
	return c.Scale
}

// present: v is a level, not an absent one (NaN, infinite or 0 and below).
func present(v float64) bool { return !missing(v) && v > 0 }

// status says where a row's observed level stands; an absent requirement counts as
// met.
func (c ProfileChart) status(row ProfileRow) int {
	const eps = 1e-9
	if present(row.Current) && row.Observed < row.Current-eps {
		return profBelow
	}
	if present(row.Next) && row.Observed >= row.Next-eps {
		return profNext
	}
	return profMeets
}

func statusColor(s int) drawing.Color {
	switch s {
	case profBelow:
		return profBelowColor
	case profNext:
		return profNextColor
	}
	return profMeetsColor
}

func (c ProfileChart) format(v float64) string {
	if !present(v) {
		return dash
	}
	if c.Format != nil {
		return c.Format(v)
	}
	return styleFor("ru").number(v, wholeOrOne(v))
}

func (c ProfileChart) trackColor() drawing.Color {
	return mix(toDrawing(c.Style.Muted), toDrawing(c.Style.Background), 0.86)
}

func (c ProfileChart) anyNext() bool {
	for _, row := range c.Rows {
		if present(row.Next) {
			return true
		}
	}
	return false
}

// profItem is one slot of the list: a row (its index in Rows) or a group header.
type profItem struct {
	row   int // -1 for a header
	group string
}

// items are the slots of all rows: a header before each run of rows of one group.
func (c ProfileChart) items() []profItem {
	var out []profItem
	group := ""
	for i, row := range c.Rows {
		if row.Group != "" && row.Group != group {
			out = append(out, profItem{row: -1, group: row.Group})
		}
		group = row.Group
		out = append(out, profItem{row: i})
	}
	return out
}

// rowItems are the slots of all rows without group headers, for a list too long for
// them.
func (c ProfileChart) rowItems() []profItem {
	out := make([]profItem, len(c.Rows))
	for i := range out {
		out[i] = profItem{row: i}
	}
	return out
}

// profPlot is where a profile's parts go.
type profPlot struct {
	u                   float64
	width               int
	labelW, labelRight  int
	zero                int
	unitW               float64 // pixels per level
	valueX              int     // the column of observed levels
	top                 int     // of the first slot
	slot                float64
	thickness           int
	lines               int // of the longest competency name
	names               map[int][]string
	items               []profItem // shown
	hidden              int        // rows left out
	axisTop             int        // tick labels
	levels              [][]string
	levelLines          int
	legend              legend
	legendTop           int
	whole               bool // every name is drawn whole
	fits                bool // every row is drawn
	scaleN              int
	legendH, axisHeight int
}

func (p profPlot) x(v float64) int {
	v = math.Max(0, math.Min(float64(p.scaleN), v))
	return p.zero + int(math.Round(v*p.unitW))
}

func (p profPlot) rowMiddle(k int) int {
	return p.top + int(float64(k)*p.slot+p.slot/2)
}

func (p profPlot) bottom() int {
	return p.top + int(math.Round(float64(len(p.items)+sign(p.hidden))*p.slot))
}

// layout picks the largest size, from the canvas's own down to the base size in steps
// of 5 %, at which every row has room with its name whole; failing that, the base size
// with names on one line, shortened with "…"; failing that, without group headers;
// failing that, the rows that fit and a count of the others. Steps are searched by
// halving, as the heatmap's are.
func (c ProfileChart) layout(r chart.Renderer, width, height int) profPlot {
	base := c.Style.scale()
	top := c.Style.unit(width, height)
	steps := int(math.Ceil((top - base) / (0.05 * base)))
	at := func(k int) profPlot {
		return c.layoutAt(r, width, height, math.Max(base, top-float64(k)*0.05*base), profLabelLines, true)
	}
	lo, hi := 0, steps+1
	var found profPlot
	for lo < hi {
		mid := (lo + hi) / 2
		if p := at(mid); p.fits && p.whole {
			hi, found = mid, p
		} else {
			lo = mid + 1
		}
	}
	if lo <= steps {
		return found
	}
	if p := at(steps); p.fits {
		return p
	}
	if p := c.layoutAt(r, width, height, base, 1, true); p.fits {
		return p
	}
	return c.layoutAt(r, width, height, base, 1, false)
}

// layoutAt lays the chart out at size unit u, names wrapped onto up to maxLines lines,
// with group headers when groups is set.
func (c ProfileChart) layoutAt(r chart.Renderer, width, height int, u float64, maxLines int, groups bool) profPlot {
	pad := int(padding * u)
	lab := labelSize * u
	p := profPlot{u: u, width: width, scaleN: c.scale(), whole: true, fits: true, names: map[int][]string{}}
	p.top = pad + headerHeight(u, c.Title, c.Subtitle)
	if len(c.Rows) == 0 {
		return p
	}
	all := c.items()
	if !groups {
		all = c.rowItems()
	}
	// names: one line when the widest fits its share, else wrapped
	setText(r, lab, drawing.ColorBlack)
	share := int(float64(width) * profLabelShare)
	widest := textWidth(r, moreLabel(len(c.Rows)))
	for _, row := range c.Rows {
		widest = max(widest, textWidth(r, row.Label))
	}
	p.labelW = min(widest, share)
	p.lines = 1
	for _, it := range all {
		if it.row < 0 {
			continue
		}
		lines, ok := wrapLines(r, c.Rows[it.row].Label, p.labelW, maxLines)
		if len(lines) == 0 {
			lines = []string{""}
		}
		p.whole = p.whole && ok
		p.names[it.row] = lines
		p.lines = max(p.lines, len(lines))
	}
	p.labelRight = pad + p.labelW
	p.zero = p.labelRight + int(rankGap*u)
	// the column of observed levels after the scale
	setText(r, valueSize*u, drawing.ColorBlack)
	valueW := textWidth(r, dash)
	for _, row := range c.Rows {
		valueW = max(valueW, textWidth(r, c.format(row.Observed)))
	}
	// the diamond at the top level reaches past it
	reach := int(math.Ceil(profMaxDiamond * u * 0.75))
	right := width - pad - valueW - int(rankGap*u) - reach
	p.valueX = right + int(rankGap*u) + reach
	p.unitW = math.Max(0, float64(right-p.zero)/float64(p.scaleN))
	// under the rows: tick labels, level names and the legend
	setText(r, lab, drawing.ColorBlack)
	p.levels = make([][]string, p.scaleN)
	room := max(1, int(p.unitW)-int(labelGap*u))
	for k := 0; k < p.scaleN && k < len(c.LevelNames); k++ {
		p.levels[k], _ = wrapLines(r, c.LevelNames[k], room, profLevelLines)
		p.levelLines = max(p.levelLines, len(p.levels[k]))
	}
	p.axisHeight = int(tickLength*u) + int(labelGap*u/2) + rowHeight(lab)*(1+p.levelLines)
	p.legend = layoutLegend(r, c.legendItems(u), width-2*pad, u)
	if h := p.legend.height(); h > 0 {
		p.legendH = int(legendGap*u) + h
	}
	avail := height - pad - p.legendH - p.axisHeight - p.top
	least := math.Max(minRowSlot(u), float64(p.lines*rowHeight(lab))+2*rankRowPad*u)
	fit := max(0, int(float64(avail)/least))
	p.items = all
	if len(all) > fit {
		p.fits = false
		shown := max(0, fit-1) // the last slot counts the rows left out
		for shown > 0 && all[shown-1].row < 0 {
			shown-- // a header without its rows says nothing
		}
		p.items = all[:shown]
		for _, it := range all[shown:] {
			if it.row >= 0 {
				p.hidden++
			}
		}
	}
	slots := len(p.items) + sign(p.hidden)
	p.slot = math.Max(0, math.Min(float64(avail)/float64(max(1, slots)), math.Max(profMaxSlot*u, least)))
	p.thickness = max(1, int(math.Min(p.slot*rankBarShare, profMaxBar*u)))
	p.axisTop = p.bottom()
	p.legendTop = p.axisTop + p.axisHeight + int(legendGap*u)
	return p
}

// legendItems name the bar, the ticks and, when given, the status colours.
func (c ProfileChart) legendItems(u float64) []legendItem {
	var items []legendItem
	if c.ObservedLabel != "" {
		items = append(items, legendItem{name: c.ObservedLabel, swatch: func(r chart.Renderer, x0, x1, y int) {
			y0, y1 := swatchBox(y, u)
			cols := []drawing.Color{profBelowColor, profMeetsColor}
			if c.anyNext() {
				cols = append(cols, profNextColor)
			}
			for k, col := range cols { // the colours a bar may have
				fill(r, c.Style.legible(col), x0+(x1-x0)*k/len(cols), y0, x0+(x1-x0)*(k+1)/len(cols), y1)
			}
		}})
	}
	if c.CurrentLabel != "" {
		items = append(items, legendItem{name: c.CurrentLabel, swatch: func(r chart.Renderer, x0, x1, y int) {
			y0, y1 := swatchBox(y, u)
			fill(r, c.trackColor(), x0, y0, x1, y1)
			over := int(math.Round(2 * u))
			drawCapacityMark(r, c.Style, (x0+x1)/2, y0-over, y1+over, u)
		}})
	}
	if c.NextLabel != "" && c.anyNext() {
		items = append(items, legendItem{name: c.NextLabel, swatch: func(r chart.Renderer, x0, x1, y int) {
			y0, y1 := swatchBox(y, u)
			fill(r, c.trackColor(), x0, y0, x1, y1)
			drawDiamond(r, c.Style, (x0+x1)/2, y, float64(y1-y0)/2+2*u, u)
		}})
	}
	for s, name := range c.StatusLabels {
		if name == "" {
			continue
		}
		col := c.Style.legible(statusColor(s))
		items = append(items, legendItem{name: name, swatch: func(r chart.Renderer, x0, x1, y int) {
			y0, y1 := swatchBox(y, u)
			fill(r, col, x0, y0, x1, y1)
		}})
	}
	return items
}

func (c ProfileChart) draw(r chart.Renderer, width, height int) {
	p := c.layout(r, width, height)
	fill(r, toDrawing(c.Style.Background), 0, 0, width, height)
	top := drawHeader(r, c.Style, p.u, c.Title, c.Subtitle, width)
	if len(c.Rows) == 0 {
		drawEmpty(r, c.Style, p.u, c.Empty, top, width, height)
		return
	}
	if p.unitW <= 0 || p.slot <= 0 {
		return // no room for a single row
	}
	for k, it := range p.items {
		if it.row >= 0 {
			p.drawTrack(r, c, k)
		}
	}
	p.drawGrid(r, c)
	for k, it := range p.items {
		if it.row < 0 {
			p.drawGroup(r, c, k, it.group)
			continue
		}
		p.drawRow(r, c, k, it.row)
	}
	if p.hidden > 0 {
		lab := labelSize * p.u
		setText(r, lab, toDrawing(c.Style.Muted))
		drawRight(r, moreLabel(p.hidden), p.labelRight, p.rowMiddle(len(p.items))+capHeight(lab)/2)
	}
	pad := int(padding * p.u)
	p.legend.draw(r, c.Style, pad, p.legendTop)
}

func (p profPlot) barBox(k int) (y0, y1 int) {
	y0 = p.rowMiddle(k) - p.thickness/2
	return y0, y0 + p.thickness
}

// drawTrack draws the faint room of a row from zero to the top level, so that a short
// bar reads as "out of four".
func (p profPlot) drawTrack(r chart.Renderer, c ProfileChart, k int) {
	y0, y1 := p.barBox(k)
	fill(r, c.trackColor(), p.zero, y0, p.x(float64(p.scaleN)), y1)
}

// drawGrid draws faint lines at the levels, their numbers and names under the rows,
// and the zero line, stronger: the bars stand on it.
func (p profPlot) drawGrid(r chart.Renderer, c ProfileChart) {
	u, lab := p.u, labelSize*p.u
	top, bottom := p.top, p.axisTop
	tick := int(tickLength * u)
	lh := rowHeight(lab)
	pad := int(padding * u)
	for k := 1; k <= p.scaleN; k++ {
		x := p.x(float64(k))
		vline(r, c.Style.grid(), x, top, bottom+tick, u)
		base := bottom + tick + int(labelGap*u/2) + capHeight(lab)
		setText(r, lab, toDrawing(c.Style.Text))
		num := strconv.Itoa(k)
		r.Text(num, x-textWidth(r, num)/2, base)
		setText(r, lab, toDrawing(c.Style.Muted))
		for j, line := range p.levels[k-1] {
			w := textWidth(r, line)
			left := max(pad, min(p.width-pad-w, x-w/2))
			r.Text(line, left, base+(j+1)*lh)
		}
	}
	vline(r, toDrawing(c.Style.Muted), p.zero, top, bottom, u)
}

// drawGroup writes a group's name from the left edge with a faint rule after it.
func (p profPlot) drawGroup(r chart.Renderer, c ProfileChart, k int, name string) {
	u, lab := p.u, labelSize*p.u
	pad := int(padding * u)
	mid := p.rowMiddle(k)
	setText(r, lab, toDrawing(c.Style.Muted))
	name = ellipsize(r, name, p.width-2*pad)
	w := textWidth(r, name)
	fill(r, toDrawing(c.Style.Background), pad, mid-rowHeight(lab)/2, pad+w+int(labelGap*u), mid+rowHeight(lab)/2)
	if x := pad + w + int(labelGap*u); x < p.width-pad {
		hline(r, c.Style.grid(), x, p.width-pad, mid, u)
	}
	setText(r, lab, toDrawing(c.Style.Muted))
	r.Text(name, pad, mid+capHeight(lab)/2)
}

// drawRow draws a competency's name, its bar, the requirement marks over it and the
// observed level in the column after the scale.
func (p profPlot) drawRow(r chart.Renderer, c ProfileChart, k, i int) {
	u, lab := p.u, labelSize*p.u
	row := c.Rows[i]
	mid := p.rowMiddle(k)
	lines := p.names[i]
	lh := rowHeight(lab)
	setText(r, lab, toDrawing(c.Style.Text))
	first := mid - len(lines)*lh/2
	for j, line := range lines {
		drawRight(r, line, p.labelRight, first+j*lh+(lh+capHeight(lab))/2)
	}
	y0, y1 := p.barBox(k)
	if present(row.Observed) {
		if end := p.x(row.Observed); end > p.zero {
			fill(r, c.Style.legible(statusColor(c.status(row))), p.zero, y0, end, y1)
		}
	}
	over := int(math.Max(1, math.Min(profMarkerOver*u, (p.slot-float64(p.thickness))/2*0.7)))
	if present(row.Next) {
		h := math.Min(profMaxDiamond*u, float64(p.thickness)/2+float64(over)*0.6)
		drawDiamond(r, c.Style, p.x(row.Next), mid, math.Max(3*u, h), u)
	}
	if present(row.Current) {
		drawCapacityMark(r, c.Style, p.x(row.Current), y0-over, y1+over, u)
	}
	size := valueSize * u
	col := toDrawing(c.Style.Text)
	if !present(row.Observed) {
		col = toDrawing(c.Style.Muted)
	}
	setText(r, size, col)
	r.Text(c.format(row.Observed), p.valueX, mid+capHeight(size)/2)
}

// drawDiamond draws a hollow diamond of half-height h centred on x, y: the outline in
// the text colour, the inside in the background, so that it shows on a bar and off it
// alike.
func drawDiamond(r chart.Renderer, st Style, x, y int, h, u float64) {
	d := int(math.Round(h))
	r.SetStrokeDashArray(nil)
	r.SetFillColor(toDrawing(st.Background))
	r.SetStrokeColor(toDrawing(st.Text))
	r.SetStrokeWidth(math.Max(1, profRingWidth*u))
	r.MoveTo(x, y-d)
	r.LineTo(x+d*3/4, y)
	r.LineTo(x, y+d)
	r.LineTo(x-d*3/4, y)
	r.Close()
	r.FillStroke()
	resetStroke(r)
}
