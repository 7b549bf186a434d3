package pack

import (
	"context"
	"maps"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/calibration"
)

func init() { sectionBuilders[SectionReviews] = buildReviews }

// buildReviews shows the review cycle of the period: the final scores by band.
func buildReviews(ctx context.Context, b *builder) (Section, error) {
	s := Section{Title: b.T("pack.section."+SectionReviews, nil)}
	if b.notBegun() {
		return notBegunSection(b, s), nil
	}
	cycles, err := b.st.ReviewCycles(ctx)
	if err != nil {
		return s, err
	}
	id := calibration.DefaultCycle(cyclesEndingBy(cycles, b.period.To.Last()))
	if id == 0 {
		s.Slides = []Slide{{Title: b.T("pack.reviews.title_no_cycle", b.periodParams(nil)), Empty: b.noData()}}
		return s, nil
	}
	r, err := calibration.Load(ctx, b.st, id)
	if err != nil {
		return s, err
	}
	s.Slides = []Slide{reviewsSlide(b, r)}
	return s, nil
}

// cyclesEndingBy keeps the cycles whose review period ends on or before the day,
// in the order given (latest first, as calibration.DefaultCycle expects).
func cyclesEndingBy(cycles []data.CycleSummary, day time.Time) []data.CycleSummary {
	var out []data.CycleSummary
	for _, c := range cycles {
		if !c.To.After(day) {
			out = append(out, c)
		}
	}
	return out
}

func reviewsSlide(b *builder, r calibration.Results) Slide {
	slide := Slide{Title: b.T("pack.reviews.title", b.periodParams(map[string]any{"Cycle": r.CycleName})),
		Table: r.HistogramTable(b.lang)}
	f := reviewFiguresOf(r)
	if f.Final == 0 {
		slide.Empty = b.noData()
		return slide
	}
	chart := r.HistogramChart(b.lang, b.style)
	chart.Title = slide.Title
	slide.Chart = chart
	slide.Summary = reviewsSummary(b.lang, f)
	return slide
}

// reviewFigures are what the reviews summary says.
type reviewFigures struct {
	Cycle        string
	Final, Total int     // reviews final, reviews in the cycle
	Average      float64 // of the final scores
	Top, Bottom  int     // people in the highest and the lowest band
}

// reviewFiguresOf reads the figures from the cycle's histogram, the same counts the
// chart draws.
func reviewFiguresOf(r calibration.Results) reviewFigures {
	f := reviewFigures{Cycle: r.CycleName, Total: len(r.Reviews)}
	final := r.Final()
	f.Final = len(final)
	sum := 0.0
	for _, v := range final {
		sum += v.Score
	}
	if f.Final > 0 {
		f.Average = sum / float64(f.Final)
	}
	hist := r.Histogram()
	f.Bottom, f.Top = hist[0].Count, hist[len(hist)-1].Count
	return f
}

// reviewsSummary: «В цикле «Осень 2026» завершено оценок: 12 из 14; средняя итоговая
// оценка — 3,62. Уровень «Выдающийся результат» — у 2 сотрудников, «Ниже ожиданий» —
// у 1 сотрудника.»
func reviewsSummary(lang string, f reviewFigures) string {
	w := locale.Messages(lang)
	bands := calibration.Bands
	return summaryJoin(
		w.T("pack.reviews.summary_final", map[string]any{"Cycle": f.Cycle, "Final": locale.Int(lang, int64(f.Final)),
			"Total": locale.Int(lang, int64(f.Total)), "Average": locale.Number(lang, f.Average, 2)}),
		w.T("pack.reviews.summary_bands", map[string]any{
			"Top": calibration.BandName(lang, bands[len(bands)-1]), "TopPeople": peopleAt(lang, f.Top),
			"Bottom": calibration.BandName(lang, bands[0]), "BottomPeople": peopleAt(lang, f.Bottom)}))
}

// peopleAt counts people the way a band or a status is said to apply to them:
// «у 2 сотрудников», «ни у кого».
func peopleAt(lang string, n int) string {
	if n == 0 {
		return locale.Messages(lang).T("pack.people_at.none", nil)
	}
	return summaryCounted(lang, "pack.people_at", n, nil)
}

// notBegunSection is a section of a period still to come: one slide that says there
// is nothing for it yet, rather than today's figures under the period's name.
func notBegunSection(b *builder, s Section) Section {
	s.Slides = []Slide{{Title: b.T("pack.not_begun_title", b.periodParams(map[string]any{"Section": s.Title})),
		Empty: b.noData()}}
	return s
}

// The text helpers the people and clients sections write their summaries with.

// periodParams adds the period's label ("октябрь 2026") to a title's parameters.
func (b *builder) periodParams(params map[string]any) map[string]any {
	out := map[string]any{"Period": b.period.Label(b.lang)}
	maps.Copy(out, params)
	return out
}

// summaryCounted renders the form of a counted message (key.one, key.few or
// key.many) that agrees with n, n given as Count.
func summaryCounted(lang, key string, n int, params map[string]any) string {
	p := map[string]any{"Count": locale.Int(lang, int64(n))}
	maps.Copy(p, params)
	return locale.Messages(lang).T(key+"."+locale.PluralForm(lang, n), p)
}

// summaryNames lists names as a reader does: «А, Б и В» / "A, B and C".
func summaryNames(lang string, names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + locale.Messages(lang).T("pack.and", nil) + names[len(names)-1]
}

// summaryQuoted puts a name in the language's quotes: «Альфа» / Alpha; a name with
// quotes of its own (Соки «Малахит») reads clearly as it is.
func summaryQuoted(lang, name string) string {
	if strings.ContainsAny(name, "«»\"") {
		return name
	}
	return locale.Messages(lang).T("pack.quoted", map[string]any{"Name": name})
}

// closeSentence ends a sentence once where its last word brings its own full stop
// («… Мельников Р.» rather than «Мельников Р..»).
func closeSentence(s string) string {
	if strings.HasSuffix(s, "..") && !strings.HasSuffix(s, "...") {
		return s[:len(s)-1]
	}
	return s
}

// summaryJoin joins the sentences that have something to say.
func summaryJoin(sentences ...string) string {
	var out []string
	for _, s := range sentences {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// midSentence lowers a name's first letter where Russian writes it inside a
// sentence ("Аккаунт-менеджер" -> "аккаунт-менеджер"); an abbreviation ("KPI") and
// English are left as they are.
func midSentence(lang, name string) string {
	first, size := utf8.DecodeRuneInString(name)
	second, _ := utf8.DecodeRuneInString(name[size:])
	if lang != locale.Russian || !unicode.IsUpper(first) || unicode.IsUpper(second) {
		return name
	}
	return string(unicode.ToLower(first)) + name[size:]
}
