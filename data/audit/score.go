package audit

import (
	"context"
	"math"
	"slices"
	"time"

	"leadboard/data"
)

// Scoring: an item in place earns 1 point, partly in place 0.5, not in place 0. An
// item not rated yet is left out of the score altogether (neither points nor a
// place in the denominator): an audit under way scores what has been looked at,
// and a section nobody rated has no score (NaN) rather than a misleading 0 %.

// Points an item earns for each rating; unrated items are absent.
var points = map[string]float64{"in_place": 1, "partly": 0.5, "not_in_place": 0}

// SectionScore is how one section of an audit scored.
type SectionScore struct {
	Section                     Section
	InPlace, Partly, NotInPlace int     // items by rating
	Rated, Items                int     // items rated, items in the section
	Percent                     float64 // points over rated items, x100; NaN when nothing is rated
}

// Result is an audit's score, section by section and overall.
type Result struct {
	Audit    data.Audit
	Sections []SectionScore
	Overall  float64 // points over every rated item, x100; NaN when nothing is rated
	Rated    int
	Items    int
}

// Score scores an audit from its ratings by item code. Ratings of codes that are not
// on the checklist are ignored.
func Score(a data.Audit, items map[string]data.AuditItem) Result {
	r := Result{Audit: a}
	var total float64
	for _, s := range Checklist() {
		sc := scoreSection(s, items)
		r.Sections = append(r.Sections, sc)
		r.Rated += sc.Rated
		r.Items += sc.Items
		total += float64(sc.InPlace) + 0.5*float64(sc.Partly)
	}
	r.Overall = percent(total, r.Rated)
	return r
}

func scoreSection(s Section, items map[string]data.AuditItem) SectionScore {
	sc := SectionScore{Section: s, Items: len(s.Items)}
	var total float64
	for _, it := range s.Items {
		rating := items[it.Code].Rating
		p, rated := points[rating]
		if !rated {
			continue
		}
		sc.Rated++
		total += p
		switch rating {
		case "in_place":
			sc.InPlace++
		case "partly":
			sc.Partly++
		case "not_in_place":
			sc.NotInPlace++
		}
	}
	sc.Percent = percent(total, sc.Rated)
	return sc
}

func percent(points float64, rated int) float64 {
	if rated == 0 {
		return math.NaN()
	}
	return 100 * points / float64(rated)
}

// Results scores every audit, the oldest first, in two queries.
func Results(ctx context.Context, s *data.Store) ([]Result, error) {
	audits, err := s.Audits(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.AllAuditItems(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(audits, func(a, b data.Audit) int { return a.HeldOn.Compare(b.HeldOn) })
	out := make([]Result, 0, len(audits))
	for _, a := range audits {
		out = append(out, Score(a, all[a.ID]))
	}
	return out, nil
}

// ResultOn finds the audit held on a day among results.
func ResultOn(results []Result, day time.Time) (Result, bool) {
	for _, r := range results {
		if r.Audit.HeldOn.Equal(data.DateOf(day)) {
			return r, true
		}
	}
	return Result{}, false
}

// SectionChange is a section's score in two audits (NaN: not rated in that one).
type SectionChange struct {
	Section       Section
	Before, After float64
}

// Delta is After - Before; NaN when either is missing.
func (c SectionChange) Delta() float64 { return c.After - c.Before }

// ItemChange is an item whose rating differs between two audits ("" not rated).
type ItemChange struct {
	Item          Item
	Before, After string
}

// Comparison sets two audits side by side.
type Comparison struct {
	Before, After Result
	Sections      []SectionChange
	Items         []ItemChange // only the items whose rating changed, in checklist order
}

// Compare sets two scored audits side by side, with their ratings by item code.
func Compare(before, after Result, beforeItems, afterItems map[string]data.AuditItem) Comparison {
	c := Comparison{Before: before, After: after}
	for i, s := range after.Sections {
		b := math.NaN()
		if i < len(before.Sections) {
			b = before.Sections[i].Percent
		}
		c.Sections = append(c.Sections, SectionChange{Section: s.Section, Before: b, After: s.Percent})
	}
	for _, it := range Items() {
		b, a := beforeItems[it.Code].Rating, afterItems[it.Code].Rating
		if b != a {
			c.Items = append(c.Items, ItemChange{Item: it, Before: b, After: a})
		}
	}
	return c
}
