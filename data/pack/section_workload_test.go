package pack

import (
	"context"
	"strings"
	"testing"

	"leadboard/assets/locale"
	"leadboard/charts"
)

// A period not begun has no loads of its own: the plan, made on today's, is not
// shown under its title.
func TestWorkloadPlanOnlyWhileThePeriodRunsOn(t *testing.T) {
	st := demoStore(t)
	saveSuggestedPlan(t, st, "Осень")
	for period, want := range map[string]int{"2026-11": 2, "2026-10": 1, "2027-01": 1} {
		p, err := Build(context.Background(), st, mustPeriod(t, period), []string{SectionWorkload},
			Options{Lang: "ru"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(sectionOf(t, p, SectionWorkload).Slides); n != want {
			t.Errorf("%s: %d workload slides, want %d", period, n, want)
		}
	}
}

// The summaries count the managers the charts draw and the subtitle counts.
func TestWorkloadSummaryCountsTheManagersDrawn(t *testing.T) {
	st := demoStore(t)
	saveSuggestedPlan(t, st, "Осень")
	for _, period := range []string{"2026-11", "2026-10"} {
		p, err := Build(context.Background(), st, mustPeriod(t, period), []string{SectionWorkload},
			Options{Lang: "ru"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		s := sectionOf(t, p, SectionWorkload).Slides[0]
		chart := s.Chart.(charts.WorkloadChart)
		count := locale.Int("ru", int64(len(chart.Bars)))
		if !strings.Contains(chart.Subtitle, "Менеджеров: "+count) {
			t.Errorf("%s: subtitle %q does not count %s managers", period, chart.Subtitle, count)
		}
		if !strings.Contains(s.Summary, "из "+count+" менеджер") {
			t.Errorf("%s: summary %q does not count the %s managers drawn", period, s.Summary, count)
		}
		if slides := sectionOf(t, p, SectionWorkload).Slides; len(slides) > 1 {
			plan := slides[1]
			drawn := locale.Int("ru", int64(len(plan.Chart.(charts.Pair).Left.(charts.WorkloadChart).Bars)))
			if drawn != count || !strings.Contains(plan.Summary, "из "+count+" менеджер") {
				t.Errorf("%s: plan draws %s managers, summary %q; want %s", period, drawn, plan.Summary, count)
			}
		}
	}
}
