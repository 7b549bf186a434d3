package pack

import (
	"context"
	"fmt"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
)

// builder is what every section's builder reads: the store, the period, the
// language and the day the figures are taken on.
type builder struct {
	st     *data.Store
	period Period
	lang   string
	// asOf is the period's last day, or today while the period runs on: figures
	// that are a state (workload, health, grades) are taken on it.
	asOf  time.Time
	style charts.Style // always the print style: the pack goes on paper and projectors
	// health keeps the clients' health by day: the health and risks sections read
	// the same scores, the costliest figures of the pack.
	health map[time.Time][]health.ClientHealth
}

// healthOn is the clients' health on a day, computed once per pack.
func (b *builder) healthOn(ctx context.Context, settings health.Settings, day time.Time) ([]health.ClientHealth, error) {
	if hs, ok := b.health[day]; ok {
		return hs, nil
	}
	hs, err := health.Scores(ctx, b.st, settings, day)
	if err != nil {
		return nil, err
	}
	if b.health == nil {
		b.health = map[time.Time][]health.ClientHealth{}
	}
	b.health[day] = hs
	return hs, nil
}

// sectionBuilders make each section; each section's file registers its own.
var sectionBuilders = map[string]func(ctx context.Context, b *builder) (Section, error){}

// T translates a key in the pack's language.
func (b *builder) T(key string, params map[string]any) string {
	return locale.Messages(b.lang).T(key, params)
}

// noData is what a slide says instead of drawing empty axes.
func (b *builder) noData() string {
	return b.T("pack.no_data", map[string]any{"Period": b.period.Label(b.lang)})
}

// Options say what goes into a pack besides the period and sections.
type Options struct {
	Lang       string
	Department string
	Author     string
}

// Build makes the pack of the sections chosen (in the order of Sections; none: all)
// for the period. Progress is told after each section; a cancelled ctx stops it.
func Build(ctx context.Context, st *data.Store, period Period, sections []string, opt Options,
	progress Progress) (Pack, error) {
	today := st.Today()
	b := &builder{st: st, period: period, lang: opt.Lang, asOf: period.To.Last(), style: charts.Print}
	if b.asOf.After(today) {
		b.asOf = today
	}
	chosen, err := chosenSections(sections)
	if err != nil {
		return Pack{}, err
	}
	p := Pack{Lang: opt.Lang, Department: opt.Department, Author: opt.Author, Period: period, Made: today}
	for i, code := range chosen {
		if err := ctx.Err(); err != nil {
			return Pack{}, err
		}
		s, err := sectionBuilders[code](ctx, b)
		if err != nil {
			return Pack{}, fmt.Errorf("%s: %w", code, err)
		}
		s.Code = code
		p.Sections = append(p.Sections, s)
		if progress != nil {
			progress(i+1, len(chosen))
		}
	}
	return p, nil
}

// chosenSections puts the codes in the pack's order; an unknown code is refused
// as a field error naming it.
func chosenSections(codes []string) ([]string, error) {
	if len(codes) == 0 {
		return Sections, nil
	}
	want := map[string]bool{}
	for _, c := range codes {
		if _, ok := sectionBuilders[c]; !ok {
			return nil, &data.ValidationError{Fields: []data.FieldError{{Field: "sections", Code: "invalid_choice",
				Params: map[string]any{"Value": c}}}}
		}
		want[c] = true
	}
	var out []string
	for _, c := range Sections {
		if want[c] {
			out = append(out, c)
		}
	}
	return out, nil
}
