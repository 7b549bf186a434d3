package pack

import (
	"context"
	"strings"
	"testing"
)

// The grade ladder keeps no history: a past period's grade slides are today's team
// and their titles say on what day.
func TestGradesTitlesSayTheDayCounted(t *testing.T) {
	st := demoStore(t)
	for _, c := range []struct{ lang, period, want string }{
		{"ru", "2026-Q3", "III кв. 2026, на 16.11.2026"},
		{"en", "2026-10", "October 2026, as of 2026-11-16"},
	} {
		p, err := Build(context.Background(), st, mustPeriod(t, c.period), []string{SectionGrades},
			Options{Lang: c.lang}, nil)
		if err != nil {
			t.Fatal(err)
		}
		slides := sectionOf(t, p, SectionGrades).Slides
		if len(slides) != 2 {
			t.Fatalf("%s: %d grade slides, want 2", c.period, len(slides))
		}
		for _, s := range slides {
			if !strings.HasSuffix(s.Title, c.want) || peopleChartTitle(s.Chart) != s.Title {
				t.Errorf("%s: title %q, chart %q; want them to end %q", c.period, s.Title, peopleChartTitle(s.Chart), c.want)
			}
		}
	}
}
