package pack

import (
	"context"
	"strings"
	"time"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/competency"
	"leadboard/data/grades"
)

func init() { sectionBuilders[SectionGrades] = buildGrades }

// namedReadyAtMost is how many people ready for promotion the summary names; more
// are only counted.
const namedReadyAtMost = 3

// buildGrades shows the people by grade and their readiness for the next grade.
// Both are the team as it is today: the grade ladder keeps no history.
func buildGrades(ctx context.Context, b *builder) (Section, error) {
	s := Section{Title: b.T("pack.section."+SectionGrades, nil)}
	if b.notBegun() {
		return notBegunSection(b, s), nil
	}
	d, err := grades.DistributionOf(ctx, b.st)
	if err != nil {
		return s, err
	}
	latest, err := b.st.LatestAssessments(ctx)
	if err != nil {
		return s, err
	}
	due, err := b.st.AssessmentsDue(ctx)
	if err != nil {
		return s, err
	}
	f := gradeFiguresOf(d, latest, due, b.lang, b.st.Today())
	s.Slides = []Slide{distributionSlide(b, d, f), readinessSlide(b, latest, f)}
	return s, nil
}

// gradesTitle names the period and the day the team is counted on: today, since the
// grade ladder keeps no history, so a past period's slide says so in its title.
func gradesTitle(b *builder, key string, f gradeFigures) string {
	return b.T(key, b.periodParams(map[string]any{"Date": locale.Date(b.lang, f.Date)}))
}

func distributionSlide(b *builder, d grades.Distribution, f gradeFigures) Slide {
	slide := Slide{Title: gradesTitle(b, "pack.grades.distribution_title", f), Table: d.Table(b.lang)}
	if f.People == 0 {
		slide.Empty = b.noData()
		return slide
	}
	chart := d.Chart(b.lang, len(d.Teams) > 1, b.style)
	chart.Title = slide.Title
	slide.Chart = chart
	slide.Summary = summaryJoin(headcountSentence(b.lang, f), readySentence(b.lang, f), overdueSentence(b.lang, f))
	return slide
}

func readinessSlide(b *builder, latest []data.LatestAssessment, f gradeFigures) Slide {
	slide := Slide{Title: gradesTitle(b, "pack.grades.readiness_title", f),
		Table: grades.ReadinessTable(latest, b.lang)}
	chart := grades.ReadinessChart(latest, b.lang, b.style)
	if len(chart.Bars) == 0 {
		slide.Empty = b.noData()
		return slide
	}
	chart.Title = slide.Title
	slide.Chart = chart
	slide.Summary = summaryJoin(assessedSentence(b.lang, f), readySentence(b.lang, f))
	return slide
}

// gradeCount is how many people hold a grade.
type gradeCount struct {
	Grade string
	Count int
}

// gradeFigures are what the grades summaries say.
type gradeFigures struct {
	Date     time.Time    // the day the team is counted on: today
	People   int          // at work
	ByGrade  []gradeCount // the grades someone holds, lowest first
	Assessed int          // people with a finished assessment
	Ready    []string     // advised for promotion by their latest assessment, readiest first
	Overdue  int          // late for an assessment not begun: the last too long ago, or none since joining
}

func gradeFiguresOf(d grades.Distribution, latest []data.LatestAssessment, due []data.DuePerson, lang string,
	today time.Time) gradeFigures {
	f := gradeFigures{Date: today, Assessed: len(latest)}
	for g, grade := range d.Grades {
		if n := d.Total(g); n > 0 {
			f.People += n
			f.ByGrade = append(f.ByGrade, gradeCount{Grade: grade.Name(lang), Count: n})
		}
	}
	for _, l := range grades.Readiness(latest) {
		if l.Outcome.Advice == competency.Promote {
			f.Ready = append(f.Ready, l.Name)
		}
	}
	for _, p := range due {
		if status := grades.DueStatus(p); status == "overdue" || status == "never" {
			f.Overdue++
		}
	}
	return f
}

// headcountSentence: «Сотрудников в отделе на 16.11.2026: 14 (младший аккаунт-менеджер
// — 4, аккаунт-менеджер — 6, …).»
func headcountSentence(lang string, f gradeFigures) string {
	w := locale.Messages(lang)
	parts := make([]string, len(f.ByGrade))
	for i, g := range f.ByGrade {
		parts[i] = w.T("pack.grades.grade_count", map[string]any{"Grade": midSentence(lang, g.Grade),
			"Count": locale.Int(lang, int64(g.Count))})
	}
	return w.T("pack.grades.headcount", map[string]any{"Date": locale.Date(lang, f.Date),
		"Count": locale.Int(lang, int64(f.People)), "Grades": strings.Join(parts, ", ")})
}

// readySentence counts the people ready for promotion, naming up to three.
func readySentence(lang string, f gradeFigures) string {
	switch n := len(f.Ready); {
	case n == 0:
		return locale.Messages(lang).T("pack.grades.ready_none", nil)
	case n <= namedReadyAtMost:
		return closeSentence(summaryCounted(lang, "pack.grades.ready_named", n,
			map[string]any{"Names": summaryNames(lang, f.Ready)}))
	default:
		return summaryCounted(lang, "pack.grades.ready", n, nil)
	}
}

// overdueSentence counts the people whose competency assessment is late.
func overdueSentence(lang string, f gradeFigures) string {
	if f.Overdue == 0 {
		return locale.Messages(lang).T("pack.grades.overdue_none", nil)
	}
	return summaryCounted(lang, "pack.grades.overdue", f.Overdue, nil)
}

// assessedSentence: «Оценку компетенций проходили 12 из 14 сотрудников.», the verb
// agreeing with those assessed («проходил 1 из 17»), the noun with the headcount.
func assessedSentence(lang string, f gradeFigures) string {
	return summaryCounted(lang, "pack.grades.assessed", f.Assessed,
		map[string]any{"Assessed": locale.Int(lang, int64(f.Assessed)), "Of": summaryCounted(lang, "pack.grades.of_people", f.People, nil)})
}
