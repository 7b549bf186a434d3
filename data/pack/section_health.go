package pack

import (
	"context"
	"time"

	"leadboard/assets/locale"
	"leadboard/data/health"
)

func init() { sectionBuilders[SectionHealth] = buildHealth }

// namedFallenAtMost is how many clients that fell into red the summary names.
const namedFallenAtMost = 2

// buildHealth shows the clients' health on the period's last day, and how the
// bands moved since the day before the period began.
func buildHealth(ctx context.Context, b *builder) (Section, error) {
	s := Section{Title: b.T("pack.section."+SectionHealth, nil)}
	if b.notBegun() {
		return notBegunSection(b, s), nil
	}
	settings, err := health.LoadSettings(ctx, b.st)
	if err != nil {
		return s, err
	}
	now, err := b.healthOn(ctx, settings, b.asOf)
	if err != nil {
		return s, err
	}
	slide := Slide{Title: b.T("pack.health.title", b.periodParams(map[string]any{"Date": locale.Date(b.lang, b.asOf)})),
		Table: health.ScoresTable(now, b.lang)}
	f := healthFigures{Date: b.asOf, Now: bandCountsOf(now)}
	if f.Now.scored() == 0 {
		slide.Empty = b.noData()
		s.Slides = []Slide{slide}
		return s, nil
	}
	if start := b.period.From.First().AddDate(0, 0, -1); start.Before(b.asOf) {
		before, err := b.healthOn(ctx, settings, start)
		if err != nil {
			return s, err
		}
		f.Start, f.Before, f.FellIntoRed = start, bandCountsOf(before), fellIntoRed(before, now)
	}
	chart := health.DistributionChart(now, settings, b.lang, b.style)
	chart.Title = slide.Title
	slide.Chart = chart
	slide.Summary = healthSummary(b.lang, f)
	s.Slides = []Slide{slide}
	return s, nil
}

// bandCounts counts clients by health band.
type bandCounts struct{ Red, Amber, Green int }

func (c bandCounts) scored() int { return c.Red + c.Amber + c.Green }

func bandCountsOf(hs []health.ClientHealth) bandCounts {
	var c bandCounts
	for _, h := range hs {
		switch h.Band {
		case health.BandRed:
			c.Red++
		case health.BandAmber:
			c.Amber++
		case health.BandGreen:
			c.Green++
		}
	}
	return c
}

// fellIntoRed names the clients red now that were amber or green before, the worst
// first (a client new since, or without a score then, did not fall).
func fellIntoRed(before, now []health.ClientHealth) []string {
	was := map[int64]string{}
	for _, h := range before {
		was[h.ClientID] = h.Band
	}
	var out []string
	for _, h := range health.AtRisk(now, 0) {
		if h.Band == health.BandRed && (was[h.ClientID] == health.BandAmber || was[h.ClientID] == health.BandGreen) {
			out = append(out, h.Client)
		}
	}
	return out
}

// healthFigures are what the health summary says.
type healthFigures struct {
	Date        time.Time
	Now         bandCounts
	Start       time.Time // the day before the period; zero: no comparison
	Before      bandCounts
	FellIntoRed []string // the worst first
}

// healthSummary: «На 31.10.2026 из 65 клиентов с оценкой в красной зоне — 5, в жёлтой
// — 12, в зелёной — 48. На 30.09.2026 было: в красной зоне — 3, в жёлтой — 13, в
// зелёной — 49. В красную зону перешли клиенты «Альфа» и «Бета».»
func healthSummary(lang string, f healthFigures) string {
	w := locale.Messages(lang)
	counts := func(c bandCounts) map[string]any {
		return map[string]any{"Red": locale.Int(lang, int64(c.Red)), "Amber": locale.Int(lang, int64(c.Amber)),
			"Green": locale.Int(lang, int64(c.Green))}
	}
	nowParams := counts(f.Now)
	nowParams["Date"] = locale.Date(lang, f.Date)
	now := summaryCounted(lang, "pack.health.now", f.Now.scored(), nowParams)
	if f.Start.IsZero() {
		return now
	}
	beforeParams := counts(f.Before)
	beforeParams["Date"] = locale.Date(lang, f.Start)
	return summaryJoin(now, w.T("pack.health.before", beforeParams), fallenSentence(lang, f.FellIntoRed))
}

// fallenSentence names up to two clients that fell into red, counting the rest.
func fallenSentence(lang string, fallen []string) string {
	if len(fallen) == 0 {
		return locale.Messages(lang).T("pack.health.fell_none", nil)
	}
	named := fallen[:min(namedFallenAtMost, len(fallen))]
	quoted := make([]string, len(named))
	for i, name := range named {
		quoted[i] = summaryQuoted(lang, name)
	}
	names := map[string]any{"Names": summaryNames(lang, quoted)}
	if len(fallen) <= namedFallenAtMost {
		return closeSentence(summaryCounted(lang, "pack.health.fell_named", len(fallen), names))
	}
	return closeSentence(summaryCounted(lang, "pack.health.fell_more", len(fallen), names))
}
