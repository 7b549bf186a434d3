// Package pack builds the management meeting pack: for a period (a month, a
// quarter or a year) and the sections chosen, the slides a lead shows a director
// (each a chart titled with its period, a summary of two or three sentences written
// from the figures, and the table behind the chart) and writes them as a PDF, an
// XLSX workbook or a folder of PNG and SVG slides. The window and `leadboard report`
// share it.
package pack

import (
	"image"
	"io"
	"time"

	"leadboard/data/table"
)

// Section codes, in the order the pack lays them out.
const (
	SectionOverview = "overview" // the department's figures and headline KPIs
	SectionWorkload = "workload" // workload against capacity, and the latest saved redistribution plan
	SectionKPI      = "kpi"      // KPI trends against targets
	SectionReviews  = "reviews"  // the review cycle of the period
	SectionGrades   = "grades"   // people by grade, readiness for the next
	SectionAudit    = "audit"    // the latest department audit and its change
	SectionHealth   = "health"   // client health
	SectionRisks    = "risks"    // the clients most at risk and the renewals ahead
)

// Sections lists every section code in order.
var Sections = []string{SectionOverview, SectionWorkload, SectionKPI, SectionReviews, SectionGrades, SectionAudit,
	SectionHealth, SectionRisks}

// Chart is a chart of package charts: any of them renders itself.
type Chart interface {
	Image(width, height int) (image.Image, error)
	PNG(w io.Writer, width, height int) error
	SVG(w io.Writer, width, height int) error
}

// Slide is one page of the pack: a chart with its summary and the table behind it.
// A slide with nothing to show for the period has no chart and says so in Empty
// rather than drawing empty axes.
type Slide struct {
	Title   string // names the period: "Загрузка менеджеров на 31.10.2026"
	Summary string // two or three sentences written from the figures, in the pack's language
	Chart   Chart  // nil when Empty is set
	Table   table.Table
	Empty   string // "Нет данных за период": shown instead of the chart
}

// Section is a part of the pack: its title and slides.
type Section struct {
	Code   string
	Title  string
	Slides []Slide
}

// Pack is the whole meeting pack.
type Pack struct {
	Lang       string // "ru" or "en"
	Department string // on the title page
	Author     string // on the title page
	Period     Period
	Made       time.Time // the day it was made
	Sections   []Section
}

// Progress reports how much of a long piece of work is done (done of total steps).
type Progress func(done, total int)

// SlideCount is the number of slides in the pack.
func (p Pack) SlideCount() int {
	n := 0
	for _, s := range p.Sections {
		n += len(s.Slides)
	}
	return n
}
