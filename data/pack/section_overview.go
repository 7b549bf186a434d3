package pack

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/table"
)

// The overview section: the department's headline KPIs of the period against their
// targets, as the Overview shows them, and the clients served month by month.

func init() { sectionBuilders[SectionOverview] = buildOverview }

func buildOverview(ctx context.Context, b *builder) (Section, error) {
	month := b.reportMonth()
	figures, err := kpi.Headline(ctx, b.st, month)
	if err != nil {
		return Section{}, err
	}
	months, err := b.clientMonths(ctx)
	if err != nil {
		return Section{}, err
	}
	return Section{Title: b.T("pack.section.overview", nil), Slides: []Slide{
		b.headlineSlide(month, figures, servedIn(months, month)),
		b.clientsSlide(months),
	}}, nil
}

// reportMonth is the month whose figures stand for the period: its last month, or
// while the period runs on its last full month (the Overview's choice), but never a
// month before the period.
func (b *builder) reportMonth() data.Month {
	lastFull := data.MonthOf(b.st.Today()) - 1
	return max(b.period.From, min(b.period.To, lastFull))
}

// notBegun reports a period that starts after this month: it has no figures yet,
// whatever a KPI's formula would make of the months ahead.
func (b *builder) notBegun() bool { return b.period.From > data.MonthOf(b.st.Today()) }

// headlineSlide ranks the headline KPIs of the month by attainment of their targets.
func (b *builder) headlineSlide(month data.Month, figures []kpi.Figure, served int) Slide {
	title := b.T("pack.overview.kpi_title", map[string]any{"Period": b.period.Label(b.lang)})
	if b.runningMonth() {
		title = b.T("pack.overview.kpi_title_asof", map[string]any{"Period": b.period.Label(b.lang),
			"Date": locale.Date(b.lang, b.asOf)})
	}
	if b.period.Kind != Month {
		title = b.T("pack.overview.kpi_title_month", map[string]any{"Period": b.period.Label(b.lang),
			"Month": MonthPeriod(month).Label(b.lang)})
	}
	s := Slide{Title: title, Table: headlineTable(b.lang, b.T("pack.overview.kpi_table", nil), figures)}
	measured := measuredFigures(figures)
	if len(measured) == 0 || b.notBegun() {
		s.Empty = b.noData()
		return s
	}
	s.Summary = overviewSummary(b.lang, overviewFiguresOf(b.lang, month, figures, served))
	if !hasTarget(measured) {
		s.Empty = b.T("pack.overview.no_targets", nil)
		return s
	}
	chart := b.attainmentChart(measured)
	chart.Title = s.Title // the chart alone names its period too
	s.Chart = chart
	return s
}

// runningMonth reports a month period that runs on: its figures are so far, as of
// the pack's day.
func (b *builder) runningMonth() bool {
	return b.period.Kind == Month && b.period.To == data.MonthOf(b.st.Today())
}

// attainmentChart draws the figures with a target as a ranking of attainment, best
// first, banded as the KPI ranking is.
func (b *builder) attainmentChart(measured []kpi.Figure) charts.RankingChart {
	c := charts.RankingChart{
		Subtitle: b.T("kpi.level.department", nil) + " · " + b.period.Label(b.lang) + " · " +
			b.T("pack.overview.kpi_chart_note", nil),
		TargetLabel: b.T("kpi.target", nil),
		Format:      func(v float64) string { return charts.FormatAxis(b.lang, charts.UnitPercent, math.Round(v)) },
		Amber:       kpi.AmberFrom,
		Green:       kpi.GreenFrom,
		Style:       b.style,
	}
	for _, f := range measured {
		if a := f.Attainment(); !math.IsNaN(a) { // a KPI without a target is in the table only
			c.Bars = append(c.Bars, charts.RankBar{Label: f.KPI.Name(b.lang), Value: a})
		}
	}
	slices.SortStableFunc(c.Bars, func(x, y charts.RankBar) int { return cmp.Compare(y.Value, x.Value) })
	return c
}

func measuredFigures(figures []kpi.Figure) []kpi.Figure {
	var out []kpi.Figure
	for _, f := range figures {
		if f.HasValue() {
			out = append(out, f)
		}
	}
	return out
}

func hasTarget(figures []kpi.Figure) bool {
	return slices.ContainsFunc(figures, func(f kpi.Figure) bool { return !math.IsNaN(f.Attainment()) })
}

var headlineColumns = []table.Column{
	{Key: "kpi", TitleRU: "Показатель", TitleEN: "KPI", Kind: table.Text},
	{Key: "unit", TitleRU: "Единица", TitleEN: "Unit", Kind: table.Text},
	{Key: "value", TitleRU: "Значение", TitleEN: "Value", Kind: table.Number},
	{Key: "target", TitleRU: "Цель", TitleEN: "Target", Kind: table.Number},
	{Key: "attainment", TitleRU: "Выполнение, %", TitleEN: "Attainment, %", Kind: table.Number},
	{Key: "change", TitleRU: "Изменение к прошлому месяцу", TitleEN: "Change on the month before", Kind: table.Number},
}

// headlineTable lists every headline KPI of the month, measured or not.
func headlineTable(lang, name string, figures []kpi.Figure) table.Table {
	msg := locale.Messages(lang)
	rows := make([][]any, len(figures))
	for i, f := range figures {
		u := f.KPI.Unit
		rows[i] = []any{f.KPI.Name(lang), msg.T("kpi.unit."+u, nil), shownValue(u, f.Value), shownValue(u, f.Target),
			shownValue(charts.UnitPercent, f.Attainment()), shownValue(u, f.Change())}
	}
	return table.FromRows(name, headlineColumns, rows)
}

// shownValue keeps the digits the screens show (whole roubles, one decimal of
// anything else, as the KPI tables do); nil, an empty cell, for no value.
func shownValue(unit string, v float64) any {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return nil
	case unit == charts.UnitRoubles:
		return math.Round(v)
	}
	return math.Round(v*10) / 10
}

// overviewFigures are what the headline slide's summary says.
type overviewFigures struct {
	When     string  // "в октябре 2026"
	Clients  int     // served at the month's end; -1: not known
	Budget   float64 // the budget under management, roubles; NaN: not measured
	Met      int     // KPIs at or beyond their target
	Targeted int     // KPIs with a value and a target
	Missed   []missedTarget
}

// missedTarget is a KPI short of its target, written for the summary.
type missedTarget struct {
	Name, Value, Target string
}

// overviewFiguresOf picks the summary's figures out of the headline.
func overviewFiguresOf(lang string, month data.Month, figures []kpi.Figure, served int) overviewFigures {
	f := overviewFigures{When: inMonth(lang, month), Clients: served, Budget: math.NaN()}
	for _, fig := range figures {
		if fig.KPI.Code == "budget" {
			f.Budget = fig.Value
		}
		a := fig.Attainment()
		if math.IsNaN(a) {
			continue
		}
		f.Targeted++
		if kpi.BandOf(a) == kpi.BandGreen {
			f.Met++
			continue
		}
		f.Missed = append(f.Missed, missedTargetOf(lang, fig))
	}
	return f
}

// missedTargetOf writes a KPI short of its target. A value that rounds to its
// target ("4,3 при цели 4,3") is written with the decimals that tell them apart.
func missedTargetOf(lang string, fig kpi.Figure) missedTarget {
	u := fig.KPI.Unit
	value, target := charts.FormatValue(lang, u, fig.Value), charts.FormatValue(lang, u, fig.Target)
	if value == target && u != charts.UnitRoubles {
		value = charts.FormatAxis(lang, u, fig.Value) // up to two decimals, only those needed
	}
	return missedTarget{Name: fig.KPI.Name(lang), Value: value, Target: target}
}

// overviewSummary: the clients and budget of the month, then the targets met and
// those missed.
func overviewSummary(lang string, f overviewFigures) string {
	var out []string
	params := map[string]any{"When": sentenceStart(f.When), "Clients": countedIn(lang, "clients.count", f.Clients),
		"Budget": charts.FormatShort(lang, charts.UnitRoubles, f.Budget)}
	switch {
	case f.Clients >= 0 && !math.IsNaN(f.Budget):
		out = append(out, msgIn(lang, "pack.overview.clients_budget", params))
	case f.Clients >= 0:
		out = append(out, msgIn(lang, "pack.overview.clients", params))
	case !math.IsNaN(f.Budget):
		out = append(out, msgIn(lang, "pack.overview.budget", params))
	}
	out = append(out, targetsSentence(lang, f))
	return strings.Join(out, " ")
}

// targetsSentence counts the targets met and names those missed with their figures.
func targetsSentence(lang string, f overviewFigures) string {
	switch {
	case f.Targeted == 0:
		return msgIn(lang, "pack.overview.no_targets", nil)
	case f.Met == f.Targeted:
		return msgIn(lang, "pack.overview.all_met", map[string]any{"Total": f.Targeted})
	}
	missed := make([]string, len(f.Missed))
	for i, m := range f.Missed {
		missed[i] = msgIn(lang, "pack.overview.missed_item", map[string]any{"KPI": inSentence(m.Name),
			"Value": m.Value, "Target": m.Target})
	}
	if f.Met == 0 {
		return countedIn(lang, "pack.overview.met_none", f.Targeted, map[string]any{"Missed": strings.Join(missed, ", ")})
	}
	return countedIn(lang, "pack.overview.met", f.Met, map[string]any{"Total": f.Targeted,
		"Missed": strings.Join(missed, ", ")})
}

// clientMonths are the clients served month by month over the period (for a month,
// the 12 months ending with it), up to the report month the headline shows: the
// Overview's count, cut to the months asked.
func (b *builder) clientMonths(ctx context.Context) ([]data.ClientMonth, error) {
	if b.notBegun() {
		return nil, nil
	}
	thisMonth := data.MonthOf(b.st.Today())
	from, to := b.period.From, b.reportMonth()
	if b.period.Kind == Month {
		from = to - 11
	}
	trend, err := b.st.ClientsByMonth(ctx, int(thisMonth-from)+1)
	if err != nil {
		return nil, err
	}
	var out []data.ClientMonth
	for _, m := range trend.Months {
		if at := data.MonthOf(m.Month); at >= from && at <= to {
			out = append(out, m)
		}
	}
	return out, nil
}

// servedIn is the clients served at the end of a month; -1 when it is not among them.
func servedIn(months []data.ClientMonth, m data.Month) int {
	for _, cm := range months {
		if data.MonthOf(cm.Month) == m {
			return cm.Served
		}
	}
	return -1
}

func hasClients(months []data.ClientMonth) bool {
	return data.ClientTrend{Months: months}.HasData()
}

// clientsSlide draws the clients served at each month's end, as the Overview does.
func (b *builder) clientsSlide(months []data.ClientMonth) Slide {
	title := b.T("pack.overview.clients_title", map[string]any{"Period": b.period.Label(b.lang)})
	if b.runningMonth() {
		title = b.T("pack.overview.clients_title_asof", map[string]any{"Period": b.period.Label(b.lang),
			"Date": locale.Date(b.lang, b.asOf)})
	}
	s := Slide{Title: title, Table: clientsTable(b.lang, b.T("pack.overview.clients_table", nil), months)}
	if !hasClients(months) {
		s.Empty = b.noData()
		return s
	}
	first, last := months[0], months[len(months)-1]
	c := charts.BarChart{Title: s.Title,
		Subtitle: charts.MonthYearLabel(b.lang, first.Month) + " – " + charts.MonthYearLabel(b.lang, last.Month),
		Style:    b.style}
	for _, m := range months {
		c.Bars = append(c.Bars, charts.Bar{Label: charts.MonthLabel(b.lang, m.Month), Value: float64(m.Served)})
	}
	s.Chart, s.Summary = c, clientsSummary(b.lang, clientFiguresOf(b.lang, months))
	return s
}

// clientFiguresOf reads the summary's figures from the months. The first month's
// count at its end already has the clients won and lost in it, so those are counted
// from the month after: first + won - lost = last. A single month is told with its
// own comings and goings.
func clientFiguresOf(lang string, months []data.ClientMonth) clientFigures {
	first, last := months[0], months[len(months)-1]
	f := clientFigures{Months: len(months), First: inMonth(lang, data.MonthOf(first.Month)),
		Last: inMonth(lang, data.MonthOf(last.Month)), ServedFirst: first.Served, ServedLast: last.Served}
	since := months[1:]
	if len(months) == 1 {
		since = months
	}
	for _, m := range since {
		f.Started += m.Started
		f.Lost += m.Lost
	}
	return f
}

var clientColumns = []table.Column{
	{Key: "month", TitleRU: "Месяц", TitleEN: "Month", Kind: table.Text},
	{Key: "served", TitleRU: "В работе на конец месяца", TitleEN: "Served at the month's end", Kind: table.Integer},
	{Key: "started", TitleRU: "Пришло", TitleEN: "Won", Kind: table.Integer},
	{Key: "lost", TitleRU: "Ушло", TitleEN: "Lost", Kind: table.Integer},
}

func clientsTable(lang, name string, months []data.ClientMonth) table.Table {
	rows := make([][]any, len(months))
	for i, m := range months {
		rows[i] = []any{charts.MonthYearLabel(lang, m.Month), int64(m.Served), int64(m.Started), int64(m.Lost)}
	}
	return table.FromRows(name, clientColumns, rows)
}

// clientFigures are what the clients slide's summary says.
type clientFigures struct {
	Months                  int
	First, Last             string // "в ноябре 2025", "в октябре 2026"
	ServedFirst, ServedLast int
	Started, Lost           int // after the first month; a single month's own
}

// clientsSummary: the clients served at the end of the last and the first month,
// and how many came and left since the first.
func clientsSummary(lang string, f clientFigures) string {
	now := countedIn(lang, "clients.count", f.ServedLast)
	if f.Months == 1 {
		return msgIn(lang, "pack.overview.clients_one_month", map[string]any{"Last": sentenceStart(f.Last), "Now": now,
			"Started": f.Started, "Lost": f.Lost})
	}
	return msgIn(lang, "pack.overview.clients_summary", map[string]any{"Last": sentenceStart(f.Last), "Now": now,
		"First": f.First, "Then": countedIn(lang, "clients.count", f.ServedFirst),
		"Started": f.Started, "Lost": f.Lost})
}

// The wording shared by the summaries of this helper's sections.

// msgIn is a message of the pack in a language.
func msgIn(lang, key string, params map[string]any) string {
	return locale.Messages(lang).T(key, params)
}

// countedIn is a counted message in the form the number takes (key.one, .few,
// .many); the number is Count, other parameters are added.
func countedIn(lang, key string, n int, params ...map[string]any) string {
	all := map[string]any{"Count": n}
	for _, p := range params {
		for k, v := range p {
			all[k] = v
		}
	}
	return msgIn(lang, key+"."+locale.PluralForm(lang, n), all)
}

// inMonth is "в октябре 2026" / "in October 2026".
func inMonth(lang string, m data.Month) string {
	return msgIn(lang, "pack.in_month."+monthKeys[m.Number()-1], map[string]any{"Year": m.Year()})
}

var monthKeys = [...]string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"}

// inQuarter is "в III кв. 2026", "во II кв. 2026" / "in Q3 2026".
func inQuarter(lang string, year, quarter int) string {
	return msgIn(lang, "pack.in_quarter."+strconv.Itoa(quarter),
		map[string]any{"Quarter": charts.QuarterLabel(lang, year, quarter)})
}

// sentenceStart starts a sentence with a phrase: "В октябре 2026".
func sentenceStart(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// inSentence lowers a name's first letter to use it inside a sentence
// ("удовлетворённость клиентов"), unless it is an abbreviation ("NPS").
func inSentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
