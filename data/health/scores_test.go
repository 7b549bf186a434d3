package health

import (
	"math"
	"slices"
	"testing"
	"time"

	"leadboard/data"
	"leadboard/data/workload"
)

// Every client of the fixture, measure by measure, as the fixture's comment
// computes them by hand.
func TestScoresOfTheFixture(t *testing.T) {
	f := newFixture(t)
	got := f.scores(today)
	for _, absent := range []int64{f.zhuk} {
		if _, ok := got[absent]; ok {
			t.Errorf("client %d is not served on the day but was scored", absent)
		}
	}
	if len(got) != 6 {
		t.Errorf("%d clients scored, want 6 (the prospect and the lost client are not served)", len(got))
	}
	cases := []struct {
		name     string
		id       int64
		measures []float64 // in the order of Measures
		computed float64
		score    float64
		band     string
	}{
		{"Альфа", f.alfa, []float64{90, 87.5, 75, 200.0 / 3, 200.0 / 3, 100, 100, 100}, 86, 86, BandGreen},
		{"Бета", f.beta, []float64{na, 20, 25, na, na, 0, 0, 0}, 11, 11, BandRed},
		{"Гамма", f.gamma, []float64{72, na, 100, 0, 0, 100, 0, 100}, 58, 58, BandAmber},
		{"Дельта", f.delta, []float64{na, na, 100, na, na, 100, 100, 100}, 100, 30, BandRed},
		{"Ёлка", f.yolka, []float64{na, na, 100, na, na, 100, 100, 50}, 89, 89, BandGreen},
		{"Зима", f.zima, []float64{na, na, 25, na, na, 100, 100, 100}, 75, 75, BandGreen},
	}
	for _, c := range cases {
		h, ok := got[c.id]
		if !ok {
			t.Errorf("%s: not scored", c.name)
			continue
		}
		if h.Client != c.name {
			t.Errorf("client %d is named %q, want %q", c.id, h.Client, c.name)
		}
		for i, code := range Measures {
			if !same(h.Measure(code), c.measures[i]) {
				t.Errorf("%s %s = %v, want %v", c.name, code, h.Measure(code), c.measures[i])
			}
		}
		if !same(h.Computed, c.computed) || !same(h.Score, c.score) || h.Band != c.band {
			t.Errorf("%s: computed %v, score %v, band %q; want %v, %v, %q", c.name, h.Computed, h.Score, h.Band,
				c.computed, c.score, c.band)
		}
	}
	if h := got[f.alfa]; h.Lead != "Анна Акимова" || h.LeadID != f.anna {
		t.Errorf("Альфа's lead %d %q", h.LeadID, h.Lead)
	}
}

// The reasons of the fixture's risky clients, in words, with their figures.
func TestReasonsOfTheFixture(t *testing.T) {
	f := newFixture(t)
	got := f.scores(today)
	want := map[int64]map[string]string{
		f.beta: {
			"ru": "удовлетворённость упала с 4,5 до 3; 1 жалоба и 1 эскалация за 90 дней; бюджет −50\u00a0% за 3 месяца; " +
				"нет действующего договора; нет замещающего; ведущий в отпуске",
			"en": "satisfaction fell from 4.5 to 3; 1 complaint and 1 escalation in 90 days; budget −50% in 3 months; " +
				"no contract in force; no backup; lead on leave",
		},
		f.gamma: {
			"ru": "ответы в срок: 0\u00a0%; нет отчёта за январь; договор заканчивается 15.05",
			"en": "responses within SLA: 0%; no report for January; contract ends May 15",
		},
		f.zima:  {"ru": "3 жалобы за 90 дней", "en": "3 complaints in 90 days"},
		f.alfa:  {"ru": "", "en": ""},
		f.yolka: {"ru": "", "en": ""}, // overloaded lead scores 50: not below 50, no reason
	}
	for id, texts := range want {
		for lang, text := range texts {
			if g := got[id].ReasonText(lang); g != text {
				t.Errorf("%s reasons (%s):\n got %q\nwant %q", got[id].Client, lang, g, text)
			}
		}
	}
}

// An override in force replaces the score and the band, the computed score stays;
// one that expired yesterday no longer speaks.
func TestOverrides(t *testing.T) {
	f := newFixture(t)
	got := f.scores(today)
	delta := got[f.delta]
	if delta.Override == nil || delta.Override.ID != f.deltaOverride || delta.Override.Note != "Смена руководства у клиента" {
		t.Fatalf("Дельта's override: %+v", delta.Override)
	}
	if delta.Score != 30 || delta.Computed != 100 || delta.Band != BandRed {
		t.Errorf("Дельта: score %v computed %v band %q, want 30, 100, red", delta.Score, delta.Computed, delta.Band)
	}
	if yolka := got[f.yolka]; yolka.Override != nil || yolka.Score != yolka.Computed {
		t.Errorf("Ёлка's override expired yesterday but is in force: %+v", yolka.Override)
	}
	// On the 14th Ёлка's override was still in force.
	if yolka := f.scores(today.AddDate(0, 0, -2))[f.yolka]; yolka.Override == nil || yolka.Score != 95 {
		t.Errorf("Ёлка on the 14th: %+v, score %v", yolka.Override, yolka.Score)
	}
	// After Дельта's expiry the computed score is back.
	if delta := f.scores(data.Day(2026, 4, 1))[f.delta]; delta.Override != nil || delta.Score != delta.Computed {
		t.Errorf("Дельта after expiry: %+v", delta.Override)
	}
	in, err := f.s.HealthOverrides(f.ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(in) != 1 || in[f.delta].Score != 30 {
		t.Errorf("overrides in force today: %+v", in)
	}
}

// A past day reads who was served then and its own windows: on 20 February Жук
// was still served, and Альфа's window 23 Nov .. 20 Feb holds both its complaints
// (16 Dec and 10 Jan).
func TestScoresOfAPastDay(t *testing.T) {
	f := newFixture(t)
	got := f.scores(data.Day(2026, 2, 20))
	if _, ok := got[f.zhuk]; !ok {
		t.Error("Жук was served on 20 February")
	}
	if c := got[f.alfa].Measure(MeasureComplaints); c != 50 {
		t.Errorf("Альфа's complaints on 20 Feb = %v, want 50 (two in the window)", c)
	}
	// Вера's leave is known only today: a past day does not count it.
	if r := got[f.beta].ReasonText("en"); r == "" || slices.Contains(reasonCodes(got[f.beta]), ReasonLeadOnLeave) {
		t.Errorf("Бета on a past day: %q", r)
	}
}

func reasonCodes(h ClientHealth) []string {
	var out []string
	for _, r := range h.Reasons {
		out = append(out, r.Code)
	}
	return out
}

// ScoresOf limits the work to some clients.
func TestScoresOfSomeClients(t *testing.T) {
	f := newFixture(t)
	hs, err := ScoresOf(f.ctx, f.s, DefaultSettings(), today, []int64{f.alfa, f.zhuk})
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].ClientID != f.alfa || hs[0].Computed != 86 {
		t.Errorf("ScoresOf(Альфа, Жук): %+v", hs)
	}
	hs, err = ScoresOf(f.ctx, f.s, DefaultSettings(), today, nil)
	if err != nil || len(hs) != 0 {
		t.Errorf("ScoresOf(none): %v, %v", hs, err)
	}
}

// History: the score as of each month's end. Зима's complaints rise (one, two, four
// in the windows ending 31 Dec, 31 Jan, 28 Feb): 75, 50, 0 with budget, renewal and
// coverage at 100 → (15c + 3000) / 45 = 92, 83, 67.
func TestHistoryOfRisingComplaints(t *testing.T) {
	f := newFixture(t)
	dec := data.MonthFor(2025, time.December)
	h, err := History(f.ctx, f.s, DefaultSettings(), []int64{f.zima, f.zhuk}, dec, dec+2)
	if err != nil {
		t.Fatal(err)
	}
	want := []MonthScore{{dec, 92, 92, BandGreen, false}, {dec + 1, 83, 83, BandGreen, false},
		{dec + 2, 67, 67, BandAmber, false}}
	if got := h[f.zima]; !slices.Equal(got, want) {
		t.Errorf("Зима's history %+v, want %+v", got, want)
	}
	if len(h[f.zhuk]) != 3 || len(h) != 2 {
		t.Errorf("every client asked gets every month: %+v", h)
	}
	// The current month is as of today; months after it are left out.
	h, err = History(f.ctx, f.s, DefaultSettings(), []int64{f.delta}, dec+3, dec+5)
	if err != nil {
		t.Fatal(err)
	}
	if got := h[f.delta]; len(got) != 1 || got[0].Score != 30 || got[0].Computed != 100 || !got[0].Overridden {
		t.Errorf("Дельта in March: %+v", got)
	}
}

// Editing an override set in January changes the score from today only: the months
// it spoke for keep what the lead said then.
func TestHistoryKeepsAnEditedOverride(t *testing.T) {
	f := newFixture(t)
	dec := data.MonthFor(2025, time.December)
	o := data.HealthOverride{ClientID: f.zima, Score: 20, Note: "Жалобы руководства", SetOn: data.Day(2026, 1, 15),
		ExpiresOn: data.Day(2026, 4, 30)}
	o.ID = f.override(o)
	want := []MonthScore{{dec, 92, 92, BandGreen, false}, {dec + 1, 83, 20, BandRed, true},
		{dec + 2, 67, 20, BandRed, true}, {dec + 3, 75, 20, BandRed, true}}
	history := func() []MonthScore {
		t.Helper()
		h, err := History(f.ctx, f.s, DefaultSettings(), []int64{f.zima}, dec, dec+3)
		if err != nil {
			t.Fatal(err)
		}
		return h[f.zima]
	}
	if got := history(); !slices.Equal(got, want) {
		t.Fatalf("before the edit %+v, want %+v", got, want)
	}
	o.Score, o.Note = 90, "Жалобы разобрали"
	edited, err := f.s.SaveHealthOverride(f.ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	if edited == o.ID {
		t.Errorf("an override set before today was edited in place (id %d)", edited)
	}
	want[3] = MonthScore{dec + 3, 75, 90, BandGreen, true}
	if got := history(); !slices.Equal(got, want) {
		t.Errorf("after the edit %+v, want %+v", got, want)
	}
}

// The measures at their edges, from facts set by hand.
func TestMeasureEdges(t *testing.T) {
	w := windowOf(today, today)
	f := &facts{w: w, load: map[int64]float64{1: 115, 2: 100}, coeffs: workload.Defaults()}
	score := func(code string, c clientFacts) (float64, []string) {
		s, reasons := scorers[code](f, &c)
		var codes []string
		for _, r := range reasons {
			codes = append(codes, r.Code)
		}
		return s, codes
	}
	day := data.Day
	cases := []struct {
		name    string
		code    string
		c       clientFacts
		want    float64
		reasons []string
	}{
		{"no complaint", MeasureComplaints, clientFacts{}, 100, nil},
		{"one complaint", MeasureComplaints, clientFacts{complaints: 1}, 75, nil},
		{"an escalation counts two", MeasureComplaints, clientFacts{escalations: 1}, 50, nil},
		{"two complaints", MeasureComplaints, clientFacts{complaints: 2}, 50, nil},
		{"three", MeasureComplaints, clientFacts{complaints: 1, escalations: 1}, 25, []string{ReasonComplaints}},
		{"four or more", MeasureComplaints, clientFacts{complaints: 7}, 0, []string{ReasonComplaints}},
		{"no ratings", MeasureSatisfaction, clientFacts{}, na, nil},
		{"all fives", MeasureSatisfaction, clientFacts{ratings: ratingSum{10, 2}}, 100, nil},
		{"all ones", MeasureSatisfaction, clientFacts{ratings: ratingSum{1, 1}}, 0, []string{ReasonSatisfactionLow}},
		{"3 after 3.5: −10", MeasureSatisfaction, clientFacts{ratings: ratingSum{6, 2}, earlier: ratingSum{7, 2}}, 40,
			[]string{ReasonSatisfactionFell}},
		{"a rise is not rewarded", MeasureSatisfaction, clientFacts{ratings: ratingSum{3, 1}, earlier: ratingSum{2, 1}},
			50, nil},
		{"a fall below zero clamps", MeasureSatisfaction, clientFacts{ratings: ratingSum{1, 1}, earlier: ratingSum{5, 1}},
			0, []string{ReasonSatisfactionFell}},
		{"budget −50 %", MeasureBudget, clientFacts{budgetNow: 50, budgetThen: 100}, 0, []string{ReasonBudget}},
		{"budget −60 %", MeasureBudget, clientFacts{budgetNow: 40, budgetThen: 100}, 0, []string{ReasonBudget}},
		{"budget −25 %", MeasureBudget, clientFacts{budgetNow: 75, budgetThen: 100}, 50, nil},
		{"budget −10 %", MeasureBudget, clientFacts{budgetNow: 90, budgetThen: 100}, 80, nil},
		{"budget flat", MeasureBudget, clientFacts{budgetNow: 100, budgetThen: 100}, 100, nil},
		{"budget grows", MeasureBudget, clientFacts{budgetNow: 150, budgetThen: 100}, 100, nil},
		{"no budget then", MeasureBudget, clientFacts{budgetNow: 150, budgetThen: -1}, na, nil},
		{"zero budget then", MeasureBudget, clientFacts{budgetNow: 150, budgetThen: 0}, na, nil},
		{"ends in 60 days", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 5, 15), data.ContractActive}}}, 0, []string{ReasonContractEnds}},
		{"ends in 61 days", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 5, 16), data.ContractActive}}}, 100, nil},
		{"ends today", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), today, data.ContractActive}}}, 0, []string{ReasonContractEnds}},
		{"a later contract", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 4, 1), data.ContractActive},
			{day(2026, 4, 2), time.Time{}, data.ContractActive}}}, 100, nil},
		{"a later draft: renewal under way", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 4, 1), data.ContractActive},
			{day(2026, 4, 2), day(2027, 4, 1), data.ContractDraft}}}, 100, nil},
		{"a later terminated contract", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 4, 1), data.ContractActive},
			{day(2026, 4, 2), day(2026, 4, 30), data.ContractTerminated}}}, 0, []string{ReasonContractEnds}},
		{"a second one in force runs longer", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 4, 1), data.ContractActive},
			{day(2025, 6, 1), time.Time{}, data.ContractActive}}}, 100, nil},
		{"open-ended", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), time.Time{}, data.ContractActive}}}, 100, nil},
		{"only a draft: none in force", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), time.Time{}, data.ContractDraft}}}, 0, []string{ReasonNoContract}},
		{"a contract not started yet", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2026, 4, 1), time.Time{}, data.ContractActive}}}, 0, []string{ReasonNoContract}},
		{"paused without a contract", MeasureRenewal, clientFacts{paused: true}, 100, nil},
		{"terminated, dated past today: none in force", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2027, 1, 1), data.ContractTerminated}}}, 0, []string{ReasonNoContract}},
		{"an add-on started mid-term is no renewal", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 4, 1), data.ContractActive},
			{day(2026, 3, 20), day(2026, 3, 31), data.ContractActive}}}, 0, []string{ReasonContractEnds}},
		{"a draft starting before the end is no renewal", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 4, 1), data.ContractActive},
			{day(2026, 3, 31), day(2027, 3, 31), data.ContractDraft}}}, 0, []string{ReasonContractEnds}},
		{"the next starting on the last day renews", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2026, 4, 1), data.ContractActive},
			{day(2026, 4, 1), time.Time{}, data.ContractDraft}}}, 100, nil},
		{"a one-day contract does not renew itself", MeasureRenewal, clientFacts{contracts: []contractSpan{
			{today, today, data.ContractActive}}}, 0, []string{ReasonContractEnds}},
		{"covered", MeasureCoverage, clientFacts{lead: 3, backup: 4}, 100, nil},
		{"no backup", MeasureCoverage, clientFacts{lead: 3}, 0, []string{ReasonNoBackup}},
		{"no lead", MeasureCoverage, clientFacts{backup: 4}, 0, []string{ReasonNoLead}},
		{"lead on leave", MeasureCoverage, clientFacts{lead: 3, backup: 4, leadOnLeave: true}, 0,
			[]string{ReasonLeadOnLeave}},
		{"lead over capacity", MeasureCoverage, clientFacts{lead: 1, backup: 4}, 50, nil},
		{"lead exactly full", MeasureCoverage, clientFacts{lead: 2, backup: 4}, 100, nil},
		{"overloaded and alone", MeasureCoverage, clientFacts{lead: 1}, 0,
			[]string{ReasonNoBackup, ReasonLeadOverloaded}},
	}
	for _, c := range cases {
		got, reasons := score(c.code, c.c)
		if !same(got, c.want) || !slices.Equal(reasons, c.reasons) {
			t.Errorf("%s: %v %v, want %v %v", c.name, got, reasons, c.want, c.reasons)
		}
	}
	// Leave is known only today: on a past day the lead counts as working.
	f.w = windowOf(data.Day(2026, 2, 28), today)
	if got, _ := score(MeasureCoverage, clientFacts{lead: 3, backup: 4, leadOnLeave: true}); got != 100 {
		t.Errorf("leave on a past day: %v, want 100", got)
	}
	// On a past day a contract is in force unless a draft (its status then is not
	// kept), and the pause, known only today, does not excuse a missing contract.
	for _, c := range []struct {
		name    string
		c       clientFacts
		want    float64
		reasons []string
	}{
		{"terminated later, in force on a past day", clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2027, 1, 1), data.ContractTerminated}}}, 100, nil},
		{"a draft is not in force on a past day", clientFacts{contracts: []contractSpan{
			{day(2025, 1, 1), day(2027, 1, 1), data.ContractDraft}}}, 0, []string{ReasonNoContract}},
		{"paused today, no contract on a past day", clientFacts{paused: true}, 0, []string{ReasonNoContract}},
	} {
		got, reasons := score(MeasureRenewal, c.c)
		if !same(got, c.want) || !slices.Equal(reasons, c.reasons) {
			t.Errorf("past day, %s: %v %v, want %v %v", c.name, got, reasons, c.want, c.reasons)
		}
	}
}

// A client whose only contract was terminated, though dated past today, has no
// contract in force today (the audit's reading), but had one on a past day.
func TestTerminatedContractIsNotInForceToday(t *testing.T) {
	f := newFixture(t)
	id := f.client("Игла", data.ClientActive, 100_000, f.anna, f.boris)
	f.contract(id, "T1", data.Day(2025, 1, 1), data.Day(2027, 1, 1), 24, "none", data.ContractTerminated)
	for _, c := range []struct {
		asOf    time.Time
		want    float64
		reasons []string
	}{
		{today, 0, []string{ReasonNoContract}},
		{data.Day(2026, 2, 28), 100, nil},
	} {
		hs, err := ScoresOf(f.ctx, f.s, DefaultSettings(), c.asOf, []int64{id})
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) != 1 {
			t.Fatalf("as of %v: %d scored", c.asOf, len(hs))
		}
		codes := reasonCodes(hs[0]) // the other measures are all 100 here
		if got := hs[0].Measure(MeasureRenewal); got != c.want || !slices.Equal(codes, c.reasons) {
			t.Errorf("as of %v: renewal %v %v, want %v %v", c.asOf, got, codes, c.want, c.reasons)
		}
	}
}

// The windows of a day: 90 days ending on it, the last three full months.
func TestWindows(t *testing.T) {
	w := windowOf(today, today)
	dec := data.MonthFor(2025, time.December)
	if !w.recent.Equal(data.Day(2025, 12, 17)) || !w.earlier.Equal(data.Day(2025, 9, 18)) ||
		w.first != dec || w.last != dec+2 || !w.budgetThen.Equal(data.Day(2025, 12, 16)) || !w.today {
		t.Errorf("window of 16 Mar: %+v", w)
	}
	w = windowOf(data.Day(2026, 2, 28), today)
	if w.first != dec || w.last != dec+2 || !w.budgetThen.Equal(data.Day(2025, 11, 30)) || w.today {
		t.Errorf("window of 28 Feb: %+v", w)
	}
	if got := monthsBefore(data.Day(2026, 5, 31), 3); !got.Equal(data.Day(2026, 2, 28)) {
		t.Errorf("three months before 31 May: %v", got)
	}
}

// A measure with nothing to judge by drops out and the others share its weight;
// a measure with no weight counts for nothing; no measure at all: no score.
func TestWeightedRenormalises(t *testing.T) {
	st := DefaultSettings()
	ms := func(scores ...float64) []Measure {
		out := make([]Measure, len(Measures))
		for i, code := range Measures {
			out[i] = Measure{Code: code, Score: scores[i]}
		}
		return out
	}
	cases := []struct {
		name   string
		scores []float64
		want   float64
	}{
		{"all 100", []float64{100, 100, 100, 100, 100, 100, 100, 100}, 100},
		{"all measured", []float64{50, 100, 0, 100, 100, 100, 0, 100}, (1000 + 1500 + 0 + 4000) / 100.0},
		{"only complaints", []float64{na, na, 75, na, na, na, na, na}, 75},
		{"kpi and coverage", []float64{40, na, na, na, na, na, na, 100}, math.Round((20*40 + 10*100) / 30.0)},
		{"nothing", []float64{na, na, na, na, na, na, na, na}, na},
	}
	for _, c := range cases {
		if got := Weighted(ms(c.scores...), st); !same(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	st.Weights[MeasureKPI] = 0
	if got := Weighted(ms(0, na, na, na, na, na, na, 80), st); got != 80 {
		t.Errorf("a zero weight still counts: %v", got)
	}
	if got := Weighted(ms(0, na, na, na, na, na, na, na), st); !math.IsNaN(got) {
		t.Errorf("only a weightless measure: %v, want no score", got)
	}
}

// Red below 50, amber below 70, green from 70.
func TestBandThresholds(t *testing.T) {
	st := DefaultSettings()
	for score, want := range map[float64]string{0: BandRed, 49: BandRed, 49.99: BandRed, 50: BandAmber, 69: BandAmber,
		70: BandGreen, 100: BandGreen, na: BandNone} {
		if got := st.Band(score); got != want {
			t.Errorf("Band(%v) = %q, want %q", score, got, want)
		}
	}
	st.Red, st.Amber = 40, 80
	if st.Band(45) != BandAmber || st.Band(79) != BandAmber || st.Band(80) != BandGreen {
		t.Error("the thresholds are the settings'")
	}
}
