package pack

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/audit"
	"leadboard/data/health"
)

// The reviews, grades, audit, health and risks sections: built on the demo database
// for every kind of period, on an empty database, and their summaries written from
// fixture figures.

// peopleSections are the sections these tests build.
var peopleSections = []string{SectionReviews, SectionGrades, SectionAudit, SectionHealth, SectionRisks}

// peopleSlideCounts are the slides each section has on the demo database, where every
// view has something to show (two audits at least, so the comparison is there).
var peopleSlideCounts = map[string]int{SectionReviews: 1, SectionGrades: 2, SectionAudit: 2, SectionHealth: 1,
	SectionRisks: 2}

func buildPeople(t *testing.T, st *data.Store, period, lang string) Pack {
	t.Helper()
	p, err := Build(context.Background(), st, mustPeriod(t, period), peopleSections, Options{Lang: lang}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sections) != len(peopleSections) {
		t.Fatalf("%s: %d sections, want %d", period, len(p.Sections), len(peopleSections))
	}
	return p
}

// peopleChartTitle reads the Title every chart of package charts has.
func peopleChartTitle(c Chart) string {
	v := reflect.Indirect(reflect.ValueOf(c))
	if f := v.FieldByName("Title"); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

func peopleTableRows(t *testing.T, s Slide) int {
	t.Helper()
	if s.Table.Rows == nil {
		return 0
	}
	n := 0
	if err := s.Table.Rows(func([]any) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPeopleSectionsForEveryPeriodKind(t *testing.T) {
	st := demoStore(t)
	for _, c := range []struct{ period, lang string }{{"2026-10", "ru"}, {"2026-Q3", "ru"}, {"2026", "ru"},
		{"2026-10", "en"}} {
		t.Run(c.period+"-"+c.lang, func(t *testing.T) {
			t.Parallel()
			checkPeopleSections(t, buildPeople(t, st, c.period, c.lang), c.period == "2026-10" && c.lang == "ru")
		})
	}
}

// checkPeopleSections checks the sections of a pack made on the demo database; asPNG
// encodes the charts as PNG, else they are drawn only (the same drawing, faster under
// -race).
func checkPeopleSections(t *testing.T, p Pack, asPNG bool) {
	t.Helper()
	label := p.Period.Label(p.Lang)
	for i, s := range p.Sections {
		if s.Code != peopleSections[i] {
			t.Fatalf("section %d is %q, want %q", i, s.Code, peopleSections[i])
		}
		if want := locale.Messages(p.Lang).T("pack.section."+s.Code, nil); s.Title != want {
			t.Errorf("%s: section title %q, want %q", s.Code, s.Title, want)
		}
		if len(s.Slides) != peopleSlideCounts[s.Code] {
			t.Errorf("%s: %d slides, want %d", s.Code, len(s.Slides), peopleSlideCounts[s.Code])
		}
		for j, slide := range s.Slides {
			where := s.Code + " " + slide.Title
			switch {
			case !strings.Contains(slide.Title, label):
				t.Errorf("%s: the title does not name the period %q", where, label)
			case slide.Chart == nil || slide.Empty != "":
				t.Errorf("%s: no chart on the demo database (empty: %q)", where, slide.Empty)
				continue
			case peopleChartTitle(slide.Chart) != slide.Title:
				t.Errorf("%s: the chart is titled %q", where, peopleChartTitle(slide.Chart))
			case slide.Summary == "" || !strings.HasSuffix(slide.Summary, "."):
				t.Errorf("%s: summary %q", where, slide.Summary)
			case peopleTableRows(t, slide) == 0:
				t.Errorf("%s: the table behind the chart is empty", where)
			}
			if s.Code == SectionRisks && j == 1 && peopleTableRows(t, slide) > riskRows {
				t.Errorf("%s: %d rows in the risk list, want at most %d", where, peopleTableRows(t, slide), riskRows)
			}
			if asPNG {
				renderSlide(t, where, slide)
			} else {
				drawSlide(t, where, slide)
			}
		}
	}
}

// The period picks what the sections show: the figures of its last day (today for
// the year under way), the audit held by then, the cycle reviewed by then.
func TestPeopleSectionsFollowThePeriod(t *testing.T) {
	st := demoStore(t)
	results, err := audit.Results(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		period string
		asOf   time.Time
	}{{"2026-10", data.Day(2026, 10, 31)}, {"2026-Q3", data.Day(2026, 9, 30)}, {"2026", data.DateOf(fixtureNow)}} {
		p := buildPeople(t, st, c.period, "ru")
		day := locale.Date("ru", c.asOf)
		for _, code := range []string{SectionHealth, SectionRisks} {
			if title := sectionOf(t, p, code).Slides[len(sectionOf(t, p, code).Slides)-1].Title; !strings.Contains(title, day) {
				t.Errorf("%s %s: %q does not say the figures are of %s", c.period, code, title, day)
			}
		}
		var held time.Time
		for _, r := range results {
			if !r.Audit.HeldOn.After(c.asOf) {
				held = r.Audit.HeldOn
			}
		}
		if title := sectionOf(t, p, SectionAudit).Slides[0].Title; !strings.Contains(title, locale.Date("ru", held)) {
			t.Errorf("%s: audit slide %q, want the audit of %s", c.period, title, locale.Date("ru", held))
		}
	}
}

func TestPeopleSectionsOnAnEmptyDatabase(t *testing.T) {
	st := emptyStore(t)
	for _, period := range []string{"2026-10", "2026-Q3", "2026"} {
		for _, lang := range []string{"ru", "en"} {
			p := buildPeople(t, st, period, lang)
			noData := locale.Messages(lang).T("pack.no_data", map[string]any{"Period": p.Period.Label(lang)})
			for _, s := range p.Sections {
				if len(s.Slides) == 0 {
					t.Errorf("%s %s: no slide", period, s.Code)
				}
				for _, slide := range s.Slides {
					if slide.Chart != nil || slide.Empty != noData {
						t.Errorf("%s %s %q: chart %v, empty %q; want no chart and %q", period, s.Code, slide.Title,
							slide.Chart != nil, slide.Empty, noData)
					}
					if !strings.Contains(slide.Title, p.Period.Label(lang)) {
						t.Errorf("%s %s: the title %q does not name the period", period, s.Code, slide.Title)
					}
				}
			}
		}
	}
}

// A period still to come has no figures yet: today's are not shown under its name.
func TestPeopleSectionsOfAPeriodNotBegun(t *testing.T) {
	p := buildPeople(t, demoStore(t), "2027-03", "ru")
	for _, s := range p.Sections {
		for _, slide := range s.Slides {
			if slide.Chart != nil || slide.Empty != "Нет данных за март 2027" || !strings.Contains(slide.Title, "март 2027") {
				t.Errorf("%s %q: empty %q, chart %v", s.Code, slide.Title, slide.Empty, slide.Chart != nil)
			}
		}
	}
}

// peopleNB writes the no-break spaces of the expected texts as "~".
func peopleNB(s string) string { return strings.ReplaceAll(s, "~", "\u00a0") }

func checkPeopleText(t *testing.T, what, got, want string) {
	t.Helper()
	if got != peopleNB(want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, peopleNB(want))
	}
}

func TestReviewsSummary(t *testing.T) {
	f := reviewFigures{Cycle: "Осень 2026", Final: 12, Total: 14, Average: 3.6183, Top: 2, Bottom: 1}
	checkPeopleText(t, "ru", reviewsSummary("ru", f), "В цикле «Осень 2026» завершено оценок: 12 из 14; средняя итоговая "+
		"оценка — 3,62. Уровень «Выдающийся результат» — у 2 сотрудников, «Ниже ожиданий» — у 1 сотрудника.")
	checkPeopleText(t, "en", reviewsSummary("en", f), "The Осень 2026 cycle has 12 of 14 reviews final; the average score "+
		"is 3.62. Outstanding: 2 people; Below expectations: 1 person.")
	f.Top, f.Bottom = 0, 21
	checkPeopleText(t, "ru, nobody on top", reviewsSummary("ru", f), "В цикле «Осень 2026» завершено оценок: 12 из 14; "+
		"средняя итоговая оценка — 3,62. Уровень «Выдающийся результат» — ни у кого, «Ниже ожиданий» — у 21 сотрудника.")
}

func TestGradesSentences(t *testing.T) {
	f := gradeFigures{Date: data.Day(2026, 11, 16), People: 14, Assessed: 12,
		ByGrade: []gradeCount{{"Младший аккаунт-менеджер", 4}, {"Аккаунт-менеджер", 6}, {"Руководитель группы", 4}},
		Ready:   []string{"Шилова О.", "Мельников Р."}, Overdue: 3}
	checkPeopleText(t, "headcount ru", headcountSentence("ru", f), "Сотрудников в отделе на 16.11.2026: 14 (младший "+
		"аккаунт-менеджер — 4, аккаунт-менеджер — 6, руководитель группы — 4).")
	en := f
	en.ByGrade = []gradeCount{{"Junior account manager", 4}, {"Account manager", 6}, {"Team lead", 4}}
	checkPeopleText(t, "headcount en", headcountSentence("en", en), "People at work on 2026-11-16: 14 (Junior account "+
		"manager 4, Account manager 6, Team lead 4).")
	checkPeopleText(t, "ready ru", readySentence("ru", f),
		"По последним оценкам к повышению готовы 2 сотрудника: Шилова О. и Мельников Р.")
	checkPeopleText(t, "ready en", readySentence("en", f),
		"On the latest assessments, 2 people are ready for promotion: Шилова О. and Мельников Р.")
	checkPeopleText(t, "overdue ru", overdueSentence("ru", f), "Оценка компетенций просрочена у 3 сотрудников.")
	checkPeopleText(t, "overdue en", overdueSentence("en", f), "3 people are overdue for a competency assessment.")
	checkPeopleText(t, "assessed ru", assessedSentence("ru", f), "Оценку компетенций проходили 12 из 14 сотрудников.")
	checkPeopleText(t, "assessed en", assessedSentence("en", f), "12 of 14 people have a competency assessment.")

	one := gradeFigures{People: 21, Assessed: 20, Ready: []string{"Шилова О."}, Overdue: 1}
	checkPeopleText(t, "ready one", readySentence("ru", one), "По последним оценкам к повышению готов 1 сотрудник: Шилова О.")
	checkPeopleText(t, "overdue one", overdueSentence("ru", one), "Оценка компетенций просрочена у 1 сотрудника.")
	checkPeopleText(t, "assessed of 21", assessedSentence("ru", one), "Оценку компетенций проходили 20 из 21 сотрудника.")
	// The verb agrees with those assessed, the noun with the headcount.
	for _, c := range []struct {
		lang             string
		assessed, people int
		want             string
	}{
		{"ru", 1, 17, "Оценку компетенций проходил 1 из 17 сотрудников."},
		{"ru", 5, 17, "Оценку компетенций проходили 5 из 17 сотрудников."},
		{"ru", 21, 30, "Оценку компетенций проходил 21 из 30 сотрудников."},
		{"ru", 1, 1, "Оценку компетенций проходил 1 из 1 сотрудника."},
		{"en", 1, 17, "1 of 17 people has a competency assessment."},
		{"en", 5, 17, "5 of 17 people have a competency assessment."},
	} {
		checkPeopleText(t, "assessed agreement", assessedSentence(c.lang, gradeFigures{People: c.people,
			Assessed: c.assessed}), c.want)
	}
	three := gradeFigures{Ready: []string{"А", "Б", "В"}}
	checkPeopleText(t, "three named", readySentence("ru", three), "По последним оценкам к повышению готовы 3 сотрудника: А, Б и В.")
	five := gradeFigures{Ready: []string{"А", "Б", "В", "Г", "Д"}}
	checkPeopleText(t, "five counted", readySentence("ru", five), "По последним оценкам к повышению готовы 5 сотрудников.")
	checkPeopleText(t, "five counted en", readySentence("en", five), "On the latest assessments, 5 people are ready for promotion.")
	var none gradeFigures
	checkPeopleText(t, "none ready", readySentence("ru", none), "По последним оценкам готовых к повышению нет.")
	checkPeopleText(t, "none overdue", overdueSentence("en", none), "No competency assessment is overdue.")
}

func TestAuditSummary(t *testing.T) {
	f := auditFigures{Date: data.Day(2026, 10, 23), Overall: 66.67, BeforeDate: data.Day(2026, 7, 23), Before: 56.9,
		Weakest: []sectionScore{{"3. Внутренняя координация", 33.3}, {"5. Управление клиентами", 33.4}},
		Open:    6, Overdue: 1}
	checkPeopleText(t, "ru", auditSummary("ru", f), "Итоговая оценка аудита 23.10.2026 — 67~%, на 10 п. п. выше, чем на "+
		"аудите 23.07.2026. Слабее всего разделы «3. Внутренняя координация» (33~%) и «5. Управление клиентами» (33~%). "+
		"Открытых действий по итогам аудитов: 6, из них просрочено: 1.")
	en := f
	en.Weakest = []sectionScore{{"3. Internal coordination", 33.3}}
	checkPeopleText(t, "en", auditSummary("en", en), "The audit of 2026-10-23 scores 67% overall, 10 pp up on the audit of "+
		"2026-07-23. The weakest section is 3. Internal coordination (33%). Open follow-up actions: 6, of which overdue: 1.")

	down := auditFigures{Date: data.Day(2026, 10, 23), Overall: 50, BeforeDate: data.Day(2026, 7, 23), Before: 57.4}
	checkPeopleText(t, "down", overallSentence("ru", down), "Итоговая оценка аудита 23.10.2026 — 50~%, на 7 п. п. ниже, чем на аудите 23.07.2026.")
	down.Before = 50.2
	checkPeopleText(t, "same", overallSentence("en", down), "The audit of 2026-10-23 scores 50% overall, as did the audit of 2026-07-23.")
	first := auditFigures{Date: data.Day(2026, 1, 23), Overall: 40, Before: math.NaN()}
	checkPeopleText(t, "first", auditSummary("ru", first), "Итоговая оценка аудита 23.01.2026 — 40~%. Открытых действий по итогам аудитов нет.")
}

func TestComparisonSummary(t *testing.T) {
	f := comparisonFigures{Rose: &sectionMove{"4. Качество отчётности", 50, 100},
		Fell: &sectionMove{"5. Управление клиентами", 83.3, 33.3}, ItemsChanged: 12}
	checkPeopleText(t, "ru", comparisonSummary("ru", f), "Сильнее всего вырос раздел «4. Качество отчётности»: с 50~% до 100~%. "+
		"Сильнее всего снизился раздел «5. Управление клиентами»: с 83~% до 33~%. Оценка изменилась у 12 пунктов проверки.")
	f.Rose.Section, f.Fell = "4. Reporting quality", nil
	f.ItemsChanged = 1
	checkPeopleText(t, "en", comparisonSummary("en", f), "The largest rise: 4. Reporting quality, from 50% to 100%. 1 item changed its rating.")
	checkPeopleText(t, "unchanged", comparisonSummary("ru", comparisonFigures{}),
		"Оценки разделов не изменились. Ни один пункт проверки не изменил оценку.")
}

func TestComparisonFiguresPickTheLargestMoves(t *testing.T) {
	sections := audit.Checklist()[:4]
	c := audit.Comparison{Sections: []audit.SectionChange{
		{Section: sections[0], Before: 50, After: 60},
		{Section: sections[1], Before: 40, After: 80},
		{Section: sections[2], Before: 80, After: math.NaN()}, // not rated this time: no move
		{Section: sections[3], Before: 90, After: 70},
	}, Items: make([]audit.ItemChange, 3)}
	f := comparisonFiguresOf(c, "ru")
	if f.Rose == nil || f.Rose.Section != audit.SectionLabel(sections[1], "ru") || f.Fell == nil ||
		f.Fell.Section != audit.SectionLabel(sections[3], "ru") || f.ItemsChanged != 3 {
		t.Errorf("moves: %+v %+v %d", f.Rose, f.Fell, f.ItemsChanged)
	}
}

func TestHealthSummary(t *testing.T) {
	f := healthFigures{Date: data.Day(2026, 10, 31), Now: bandCounts{5, 12, 48}, Start: data.Day(2026, 9, 30),
		Before: bandCounts{3, 13, 49}, FellIntoRed: []string{"Альфа", "Соки «Малахит»"}}
	checkPeopleText(t, "ru", healthSummary("ru", f), "На 31.10.2026 из 65 клиентов с оценкой в красной зоне — 5, в жёлтой — 12, "+
		"в зелёной — 48. На 30.09.2026 было: в красной зоне — 3, в жёлтой — 13, в зелёной — 49. "+
		"В красную зону перешли клиенты «Альфа» и Соки «Малахит».")
	checkPeopleText(t, "en", healthSummary("en", f), "On 2026-10-31, 65 clients have a score: 5 red, 12 amber, 48 green. "+
		"On 2026-09-30 there were 3 red, 13 amber and 49 green. Альфа and Соки «Малахит» fell into red.")
	f.FellIntoRed = []string{"Альфа", "Бета", "Гамма"}
	checkPeopleText(t, "three fell", fallenSentence("ru", f.FellIntoRed),
		"В красную зону перешли 3 клиента, среди них «Альфа» и «Бета».")
	checkPeopleText(t, "one fell", fallenSentence("ru", f.FellIntoRed[:1]), "В красную зону перешёл клиент «Альфа».")
	checkPeopleText(t, "none fell", fallenSentence("ru", nil), "Новых клиентов в красной зоне нет.")
	one := healthFigures{Date: data.Day(2026, 10, 31), Now: bandCounts{0, 0, 1}}
	checkPeopleText(t, "one client, no comparison", healthSummary("ru", one),
		"На 31.10.2026 из 1 клиента с оценкой в красной зоне — 0, в жёлтой — 0, в зелёной — 1.")
}

func TestFellIntoRed(t *testing.T) {
	before := []health.ClientHealth{{ClientID: 1, Band: health.BandAmber}, {ClientID: 2, Band: health.BandRed},
		{ClientID: 3, Band: health.BandGreen}, {ClientID: 4, Band: health.BandNone}}
	now := []health.ClientHealth{
		{ClientID: 1, Client: "Альфа", Score: 40, Band: health.BandRed},
		{ClientID: 2, Client: "Бета", Score: 30, Band: health.BandRed},   // red already
		{ClientID: 3, Client: "Гамма", Score: 20, Band: health.BandRed},  // the worst first
		{ClientID: 4, Client: "Дельта", Score: 10, Band: health.BandRed}, // no score before: did not fall
		{ClientID: 5, Client: "Эпсилон", Score: 5, Band: health.BandRed}, // new since
	}
	if got := fellIntoRed(before, now); !reflect.DeepEqual(got, []string{"Гамма", "Альфа"}) {
		t.Errorf("fell into red: %v", got)
	}
}

func TestRenewalsSummary(t *testing.T) {
	f := renewalFigures{Until: data.Day(2027, 1, 29), Clients: 8, Budget: 12_400_000, Budget30: 4_500_000,
		AtRisk30: 2_100_000, Contracts: 9, Renewed: 3}
	checkPeopleText(t, "ru", renewalsSummary("ru", f), "До 29.01.2027 заканчиваются договоры у 8 клиентов с общим месячным "+
		"бюджетом 12~400~000~₽. В ближайшие 30 дней заканчиваются договоры на 4~500~000~₽ месячного бюджета, из них "+
		"2~100~000~₽ — у клиентов в красной и жёлтой зонах. Продление уже заведено по 3 из 9 договоров.")
	checkPeopleText(t, "en", renewalsSummary("en", f), "By 2027-01-29, contracts end for 8 clients with a monthly budget of "+
		"12,400,000~RUB in all. Within 30 days, contracts covering 4,500,000~RUB of monthly budget end, 2,100,000~RUB "+
		"of it at red and amber clients. Renewals are on file for 3 of 9 contracts.")
	one := renewalFigures{Until: data.Day(2027, 1, 29), Clients: 1, Budget: 393_000, Budget30: 393_000, Contracts: 1}
	checkPeopleText(t, "one, safe", renewalsSummary("ru", one), "До 29.01.2027 заканчиваются договоры у 1 клиента с месячным "+
		"бюджетом 393~000~₽. В ближайшие 30 дней заканчиваются договоры на 393~000~₽ месячного бюджета; клиентов в "+
		"красной и жёлтой зонах среди них нет. Продление уже заведено по 0 из 1 договора.")
	one.Budget30 = 0
	checkPeopleText(t, "none in 30 days", renewalsSummary("en", one), "By 2027-01-29, contracts end for 1 client with a "+
		"monthly budget of 393,000~RUB. No contract ends within 30 days. A renewal is on file for 0 of 1 contract.")
}

// A client with two contracts ending counts once in the budget at stake, as in the
// chart; the 30-day window is health.RenewalBucket's.
func TestRenewalFiguresCountEachClientOnce(t *testing.T) {
	rs := []health.Renewal{
		{ClientID: 1, Budget: 100, DaysLeft: 10, Band: health.BandRed},
		{ClientID: 1, Budget: 100, DaysLeft: 30, Band: health.BandRed, Renewed: true},
		{ClientID: 2, Budget: 50, DaysLeft: 25, Band: health.BandGreen},
		{ClientID: 3, Budget: 70, DaysLeft: 31, Band: health.BandAmber},
	}
	got := renewalFiguresOf(rs, data.Day(2027, 1, 29))
	want := renewalFigures{Until: data.Day(2027, 1, 29), Clients: 3, Budget: 220, Budget30: 150, AtRisk30: 100,
		Contracts: 4, Renewed: 1}
	if got != want {
		t.Errorf("figures %+v, want %+v", got, want)
	}
}

func TestRiskSummary(t *testing.T) {
	f := riskFigures{Date: data.Day(2026, 10, 31), Red: 5, Amber: 7, Worst: "Альфа", WorstScore: 32,
		WorstReasons: "нет отчёта за октябрь; 3 жалобы за 90 дней",
		Measures:     []measureCount{{"Отчёты в срок", 6}, {"Жалобы", 4}}}
	checkPeopleText(t, "ru", riskSummary("ru", f), "На 31.10.2026 в зоне риска 12 клиентов: в красной зоне — 5, в жёлтой — 7. "+
		"Хуже всех — «Альфа» (оценка 32): нет отчёта за октябрь; 3 жалобы за 90 дней. Чаще всего оценку снижают "+
		"показатели «Отчёты в срок» (у 6 клиентов) и «Жалобы» (у 4 клиентов).")
	en := riskFigures{Date: data.Day(2026, 10, 31), Red: 1, Amber: 0, Worst: "Alpha", WorstScore: 32,
		Measures: []measureCount{{"Reports on time", 1}}}
	checkPeopleText(t, "en", riskSummary("en", en), "On 2026-10-31, 1 client is at risk: 1 red, 0 amber. The worst is Alpha "+
		"(score 32). The measure that most often pulls scores down: Reports on time (1 client).")
	two := riskFigures{Date: data.Day(2026, 10, 31), Amber: 2, Worst: "Альфа", WorstScore: 61.4,
		Measures: []measureCount{{"Жалобы", 1}}}
	checkPeopleText(t, "two, one measure", riskSummary("ru", two), "На 31.10.2026 в зоне риска 2 клиента: в красной зоне — 0, "+
		"в жёлтой — 2. Хуже всех — «Альфа» (оценка 61). Чаще всего оценку снижает показатель «Жалобы» (у 1 клиента).")
}

// The measures a summary names are those below health.ReasonsBelow for most of the
// clients at risk; a measure not judged (NaN) pulls nobody down.
func TestRiskFiguresCountTheMeasuresBelowTheReasonLine(t *testing.T) {
	measures := func(scores map[string]float64) []health.Measure {
		var out []health.Measure
		for _, code := range health.Measures {
			v, ok := scores[code]
			if !ok {
				v = 100
			}
			out = append(out, health.Measure{Code: code, Score: v})
		}
		return out
	}
	atRisk := health.AtRisk([]health.ClientHealth{
		{Client: "Бета", Score: 60, Band: health.BandAmber, Measures: measures(map[string]float64{
			health.MeasureComplaints: 25, health.MeasureReports: math.NaN()})},
		{Client: "Альфа", Score: 40, Band: health.BandRed, Measures: measures(map[string]float64{
			health.MeasureComplaints: 0, health.MeasureReports: 20, health.MeasureSLA: 49})},
		{Client: "Гамма", Score: 65, Band: health.BandAmber, Measures: measures(map[string]float64{
			health.MeasureComplaints: 50, health.MeasureSLA: 10})},
	}, 0)
	f := riskFiguresOf(atRisk, data.Day(2026, 10, 31), "ru")
	want := []measureCount{{health.MeasureName("ru", health.MeasureComplaints), 2},
		{health.MeasureName("ru", health.MeasureSLA), 2}}
	if f.Worst != "Альфа" || f.Red != 1 || f.Amber != 2 || !reflect.DeepEqual(f.Measures, want) {
		t.Errorf("figures %+v", f)
	}
}

func TestCyclesEndingBy(t *testing.T) {
	cycle := func(id int64, to time.Time) data.CycleSummary {
		return data.CycleSummary{ReviewCycle: data.ReviewCycle{ID: id, To: to, Status: data.CycleClosed}}
	}
	cycles := []data.CycleSummary{cycle(3, data.Day(2026, 12, 31)), cycle(2, data.Day(2026, 6, 30)),
		cycle(1, data.Day(2025, 12, 31))}
	got := cyclesEndingBy(cycles, data.Day(2026, 9, 30))
	if len(got) != 2 || got[0].ID != 2 || got[1].ID != 1 {
		t.Errorf("cycles ending by 30.09.2026: %+v", got)
	}
}
