package pack

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"leadboard/charts"
	"leadboard/data"
)

// teamSections are the sections this file's tests build: the overview, the
// workload and the KPI trends.
var teamSections = []string{SectionOverview, SectionWorkload, SectionKPI}

func TestBuildMonthQuarterAndYearOnDemoData(t *testing.T) {
	st := demoStore(t)
	saveSuggestedPlan(t, st, "Осень")
	for _, c := range []struct {
		period string
		source string // where the workload comes from: the history for a past period, today's for a running one
		png    bool   // encode the slides as PNG; the others are drawn only (the same drawing, faster under -race)
		plan   bool   // the saved plan's slide follows: the period runs on
	}{
		{"2026-10", "по истории назначений", true, false},
		{"2026-Q3", "по истории назначений", false, false},
		{"2026", "На 16.11.2026 ·", false, true},
	} {
		t.Run(c.period, func(t *testing.T) {
			t.Parallel()
			period := mustPeriod(t, c.period)
			var steps []string
			p, err := Build(context.Background(), st, period, teamSections, Options{Lang: "ru"},
				func(done, total int) { steps = append(steps, fmt.Sprint(done, "/", total)) })
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(steps, " "); got != "1/3 2/3 3/3" {
				t.Errorf("progress %q, want 1/3 2/3 3/3", got)
			}
			if len(p.Sections) != len(teamSections) {
				t.Fatalf("%d sections, want %d", len(p.Sections), len(teamSections))
			}
			label := period.Label("ru")
			for i, s := range p.Sections {
				if s.Code != teamSections[i] {
					t.Errorf("section %d is %q, want %q", i, s.Code, teamSections[i])
				}
				if want := packText("ru", "pack.section."+s.Code); s.Title != want {
					t.Errorf("%s: title %q, want %q", s.Code, s.Title, want)
				}
				for j, sl := range s.Slides {
					where := fmt.Sprintf("%s slide %d (%s)", s.Code, j, sl.Title)
					if !strings.Contains(sl.Title, label) {
						t.Errorf("%s: title does not name %q", where, label)
					}
					if sl.Empty != "" || sl.Chart == nil {
						t.Fatalf("%s: empty (%q) on demo data", where, sl.Empty)
					}
					if n := sentences(sl.Summary); n < 2 || n > 3 {
						t.Errorf("%s: summary is not two or three sentences: %q", where, sl.Summary)
					}
					if len(sl.Table.Columns) == 0 || countRows(t, sl) == 0 {
						t.Errorf("%s: no table behind the chart", where)
					}
					if c.png {
						renderSlide(t, where, sl)
					} else {
						drawSlide(t, where, sl)
					}
				}
			}
			if n := len(sectionOf(t, p, SectionOverview).Slides); n != 2 {
				t.Errorf("overview: %d slides, want 2 (KPIs, clients)", n)
			}
			if n := len(sectionOf(t, p, SectionKPI).Slides); n != maxTrendSlides {
				t.Errorf("kpi: %d slides, want %d", n, maxTrendSlides)
			}
			work := sectionOf(t, p, SectionWorkload).Slides
			if sub := work[0].Chart.(charts.WorkloadChart).Subtitle; !strings.Contains(sub, c.source) {
				t.Errorf("workload subtitle %q does not say %q", sub, c.source)
			}
			// The plan moves today's clients: shown only while the period runs on.
			if !c.plan {
				if len(work) != 1 {
					t.Errorf("workload: %d slides for a past period, want 1 (no plan on past loads)", len(work))
				}
				return
			}
			if len(work) != 2 {
				t.Fatalf("workload: %d slides, want 2 (loads, the saved plan)", len(work))
			}
			if !strings.Contains(work[1].Title, "«Осень»") {
				t.Errorf("plan slide %q does not name the plan", work[1].Title)
			}
		})
	}
}

func TestBuildInEnglish(t *testing.T) {
	st := demoStore(t)
	period := mustPeriod(t, "2026-Q3")
	p, err := Build(context.Background(), st, period, teamSections, Options{Lang: "en"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Sections {
		if want := packText("en", "pack.section."+s.Code); s.Title != want {
			t.Errorf("%s: title %q, want %q", s.Code, s.Title, want)
		}
		for _, sl := range s.Slides {
			if !strings.Contains(sl.Title, "Q3 2026") {
				t.Errorf("%s: title %q does not name Q3 2026", s.Code, sl.Title)
			}
			// A manager's name, in brackets, is written as entered; nothing else may be Russian.
			if text := inBrackets.ReplaceAllString(sl.Title+" "+sl.Summary, ""); cyrillic.MatchString(text) {
				t.Errorf("%s: Russian words in English: %q", s.Code, text)
			}
		}
	}
	// Without a saved plan the workload has one slide.
	if n := len(sectionOf(t, p, SectionWorkload).Slides); n != 1 {
		t.Errorf("workload: %d slides without a saved plan, want 1", n)
	}
}

func TestBuildOnEmptyDatabaseSaysNoData(t *testing.T) {
	st := emptyStore(t)
	for _, lang := range []string{"ru", "en"} {
		for _, text := range []string{"2026-10", "2026-Q3", "2026"} {
			period := mustPeriod(t, text)
			p, err := Build(context.Background(), st, period, teamSections, Options{Lang: lang}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"ru": "Нет данных за ", "en": "No data for "}[lang] + period.Label(lang)
			for _, s := range p.Sections {
				if len(s.Slides) == 0 {
					t.Errorf("%s %s %s: no slide", lang, text, s.Code)
				}
				for _, sl := range s.Slides {
					if sl.Empty != want || sl.Chart != nil {
						t.Errorf("%s %s %s %q: Empty %q, chart %v; want %q and no chart", lang, text, s.Code, sl.Title,
							sl.Empty, sl.Chart != nil, want)
					}
					if !strings.Contains(sl.Title, period.Label(lang)) {
						t.Errorf("%s %s %s: title %q does not name the period", lang, text, s.Code, sl.Title)
					}
				}
			}
		}
	}
}

func TestBuildOfAPeriodNotBegunSaysNoData(t *testing.T) {
	st := demoStore(t)
	period := mustPeriod(t, "2027-03")
	p, err := Build(context.Background(), st, period, teamSections, Options{Lang: "ru"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Sections {
		for _, sl := range s.Slides {
			if sl.Chart != nil || sl.Empty != "Нет данных за март 2027" {
				t.Errorf("%s %q: Empty %q, chart %v", s.Code, sl.Title, sl.Empty, sl.Chart != nil)
			}
		}
	}
}

func TestBuildRefusesAnUnknownSection(t *testing.T) {
	st := emptyStore(t)
	_, err := Build(context.Background(), st, mustPeriod(t, "2026-10"), []string{SectionOverview, "finance"},
		Options{Lang: "ru"}, nil)
	var ve *data.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "sections" ||
		ve.Fields[0].Code != "invalid_choice" || ve.Fields[0].Params["Value"] != "finance" {
		t.Fatalf("Build with an unknown section: %v, want a field error naming it", err)
	}
}

func TestBuildStopsWhenCancelled(t *testing.T) {
	st := demoStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, st, mustPeriod(t, "2026-10"), teamSections, Options{Lang: "ru"}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("Build with a cancelled context: %v, want %v", err, context.Canceled)
	}

	// Cancelled after the first section: the rest are not built.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	steps := 0
	_, err := Build(ctx, st, mustPeriod(t, "2026-10"), teamSections, Options{Lang: "ru"}, func(done, total int) {
		steps++
		cancel()
	})
	if !errors.Is(err, context.Canceled) || steps != 1 {
		t.Fatalf("Build cancelled after a section: %v after %d steps, want %v after 1", err, steps, context.Canceled)
	}
}

// sentences counts the sentences of a summary: a full stop ends one when it ends the
// text or a capital letter follows ("кв. 2026" and "п. п." do not end one).
func sentences(s string) int {
	if !strings.HasSuffix(s, ".") {
		return 0
	}
	return len(sentenceEnd.FindAllString(s, -1)) + 1
}

var (
	sentenceEnd = regexp.MustCompile(`[.!?] \p{Lu}`)
	inBrackets  = regexp.MustCompile(`\([^)]*\)`)
	cyrillic    = regexp.MustCompile(`\p{Cyrillic}`)
)

// countRows counts a slide's table rows.
func countRows(t *testing.T, s Slide) int {
	t.Helper()
	n := 0
	if err := s.Table.Rows(func(row []any) error {
		if len(row) != len(s.Table.Columns) {
			return fmt.Errorf("a row of %d cells under %d columns", len(row), len(s.Table.Columns))
		}
		n++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// packText is a message in a language, as the pack writes it.
func packText(lang, key string) string { return msgIn(lang, key, nil) }

// Every chart of the team sections is titled as its slide, so a chart copied on its
// own still names its period.
func TestTeamChartsAreTitledAsTheirSlides(t *testing.T) {
	st := demoStore(t)
	saveSuggestedPlan(t, st, "Осень")
	p, err := Build(context.Background(), st, mustPeriod(t, "2026"), teamSections, Options{Lang: "ru"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Sections {
		for _, sl := range s.Slides {
			if sl.Chart == nil {
				continue
			}
			if got := peopleChartTitle(sl.Chart); got != sl.Title {
				t.Errorf("%s: chart titled %q, slide %q", s.Code, got, sl.Title)
			}
		}
	}
}
