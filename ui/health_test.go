package ui

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/health"
	"leadboard/ui/widgets"
)

func openHealth(t *testing.T, lang string) *App {
	t.Helper()
	a := openDemo(t, lang)
	a.showScreen(a.health)
	settle(a)
	return a
}

// typeInto replaces an entry's text the way a user does.
func typeInto(a *App, e *widgets.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
	settle(a)
}

// healthOf is a client's row on the health tab.
func healthOf(t *testing.T, a *App, id int64) health.ClientHealth {
	t.Helper()
	for _, h := range a.health.scores.table.Rows() {
		if h.ClientID == id {
			return h
		}
	}
	t.Fatalf("client %d not listed", id)
	return health.ClientHealth{}
}

var latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

func TestHealthListsScoresAndBandsInRussian(t *testing.T) {
	a := openHealth(t, "ru")
	tab := a.health.scores
	rows := tab.table.Rows()
	if len(rows) < 10 || len(rows) != len(a.health.current.scores) {
		t.Fatalf("%d rows for %d scores", len(rows), len(a.health.current.scores))
	}
	if a.health.busy.Visible() {
		t.Error("the progress bar still runs after the scores came")
	}
	for i := 1; i < len(rows); i++ { // worst first
		if !math.IsNaN(rows[i].Score) && rows[i].Score < rows[i-1].Score {
			t.Fatalf("row %d (%v) above row %d (%v)", i-1, rows[i-1].Score, i, rows[i].Score)
		}
	}
	cols := healthColumns()
	var red *health.ClientHealth
	for i, h := range rows {
		if want := a.health.current.settings.Band(h.Score); h.Band != want {
			t.Errorf("%s scored %v is in band %q, want %q", h.Client, h.Score, h.Band, want)
		}
		if h.Band == health.BandRed && red == nil {
			red = &rows[i]
		}
	}
	if red == nil {
		t.Fatal("no red client in the demo")
	}
	if got := cols[3].Text(*red); got != "Красная зона" {
		t.Errorf("band cell %q", got)
	}
	reasons := cols[4].Text(*red)
	if reasons == "" || !regexp.MustCompile(`[а-я]{3,}`).MatchString(reasons) {
		t.Fatalf("red client's reasons %q", reasons)
	}
	if w := latinWord.FindString(strings.ReplaceAll(reasons, "KPI", "")); w != "" {
		t.Errorf("English %q in the Russian reasons %q", w, reasons)
	}
	// Choosing it shows its months and its measures with how each is computed.
	tab.choose(red.ClientID)
	settle(a)
	p := tab.client
	if p.heading.Text != red.Client || !strings.Contains(p.reasons.Text, "Причины:") {
		t.Errorf("panel %q / %q", p.heading.Text, p.reasons.Text)
	}
	if len(p.history[red.ClientID]) != healthTrendMonths || p.trend.Image() == nil {
		t.Errorf("trend of %d months, drawn %v", len(p.history[red.ClientID]), p.trend.Image() != nil)
	}
	if len(p.measures.Objects) != 2*len(health.Measures) || !containsText(p.measures, "Жалобы") {
		t.Errorf("measures %q", texts(p.measures))
	}
	// Filters: the red band keeps the red clients only; a search keeps the name.
	tab.band.setValue(health.BandRed)
	settle(a)
	for _, h := range tab.table.Rows() {
		if h.Band != health.BandRed {
			t.Errorf("%s (%s) under the red filter", h.Client, h.Band)
		}
	}
	tab.band.setValue(bandFilterAll)
	name := []rune(red.Client)
	typeInto(a, tab.search, strings.ToLower(string(name[:len(name)/2])))
	if shown := tab.table.Rows(); len(shown) == 0 || len(shown) == len(rows) {
		t.Errorf("search %q shows %d of %d", tab.search.Text, len(shown), len(rows))
	}
}

func TestHealthOverrideThroughTheForm(t *testing.T) {
	a := openHealth(t, "ru")
	tab := a.health.scores
	h := tab.table.Rows()[0]
	if h.Override != nil {
		t.Fatalf("%s already overridden", h.Client)
	}
	tab.choose(h.ClientID)
	test.Tap(tab.client.setBtn)
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "score", "93")
	fill(t, a, fd, "note", "Подписали продление на год")
	fill(t, a, fd, "expires_on", date(a.today().AddDate(0, 0, 30)))
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("refused: %q", texts(fd.form.Object()))
	}
	got := healthOf(t, a, h.ClientID)
	if got.Score != 93 || got.Override == nil || got.Band != health.BandGreen {
		t.Fatalf("after the override: score %v, band %s, override %v", got.Score, got.Band, got.Override)
	}
	if cell := scoreText(got); !strings.Contains(cell, "93 вручную") || !strings.Contains(cell, scoreNumber(h.Computed)) {
		t.Errorf("score cell %q (computed %v)", cell, h.Computed)
	}
	if !tab.client.override.Visible() || !strings.Contains(tab.client.override.Text, "Подписали продление") {
		t.Errorf("override line %q", tab.client.override.Text)
	}
	// Ending it brings the computed score back.
	tab.client.endOverride(got.Override.ID)
	settle(a)
	back := healthOf(t, a, h.ClientID)
	if back.Override != nil || back.Score != h.Computed && !(math.IsNaN(back.Score) && math.IsNaN(h.Computed)) {
		t.Errorf("after ending: score %v, override %v; computed %v", back.Score, back.Override, h.Computed)
	}
}

func TestHealthOverrideNamesTheWrongFields(t *testing.T) {
	a := openHealth(t, "ru")
	tab := a.health.scores
	h := tab.table.Rows()[0]
	tab.choose(h.ClientID)
	test.Tap(tab.client.setBtn)
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "score", "101")
	fill(t, a, fd, "note", "")
	fill(t, a, fd, "expires_on", date(a.today().AddDate(0, 0, -3)))
	test.Tap(fd.save)
	settle(a)
	for _, field := range []string{"score", "note", "expires_on"} {
		if fd.form.Error(field) == "" {
			t.Errorf("no error under %s: %q", field, texts(fd.form.Object()))
		}
	}
	overrides, err := a.store().HealthOverrides(ctx(), a.today())
	if err != nil || len(overrides) != countOverrides(a.health.current.scores) {
		t.Errorf("an invalid override was saved: %v, %v", overrides, err)
	}
}

func countOverrides(hs []health.ClientHealth) int {
	n := 0
	for _, h := range hs {
		if h.Override != nil {
			n++
		}
	}
	return n
}

func TestRenewalsWindowChangesTheList(t *testing.T) {
	a := openDemo(t, "ru")
	// A contract of an active client ending in 75 days: in the 90-day list only.
	clients, err := a.store().ListClients(ctx(), data.ClientFilter{Statuses: []data.ClientStatus{data.ClientActive}})
	if err != nil || len(clients) == 0 {
		t.Fatal(err)
	}
	today := a.today()
	k := data.Contract{ClientID: clients[0].ID, Number: "ПРОДЛ-75", Start: today.AddDate(0, -11, 0),
		End: today.AddDate(0, 0, 75), Status: data.ContractActive, RenewalNoticeDays: 30, SLAHours: 24,
		ReportFrequency: "monthly", ReportWorkday: 5}
	if _, err := a.store().SaveContract(ctx(), k); err != nil {
		t.Fatal(err)
	}
	a.showScreen(a.health)
	settle(a)
	r := a.health.risks
	a.health.tabs.SelectIndex(healthTabRisks)
	if len(r.risks.Rows()) == 0 || r.risks.Rows()[0].Band != health.BandRed {
		t.Errorf("the risk list does not start with a red client: %d rows", len(r.risks.Rows()))
	}
	listed := func() (n int, has75 bool) {
		for _, x := range r.renewals.Rows() {
			if x.Number == k.Number {
				has75 = true
			}
		}
		return len(r.renewals.Rows()), has75
	}
	r.setDays(30)
	settle(a)
	n30, has := listed()
	if has {
		t.Error("a contract ending in 75 days is listed within 30 days")
	}
	for _, x := range r.renewals.Rows() {
		if x.DaysLeft > 30 {
			t.Errorf("%s ends in %d days, listed within 30", x.Number, x.DaysLeft)
		}
	}
	r.setDays(90)
	settle(a)
	n90, has := listed()
	if !has || n90 <= n30 {
		t.Errorf("within 90 days: %d contracts (75-day one listed: %v), within 30: %d", n90, has, n30)
	}
	if !strings.Contains(r.total.Text, "договоров: ") || r.chart.Image() == nil {
		t.Errorf("total %q, chart drawn %v", r.total.Text, r.chart.Image() != nil)
	}
}

func TestAddedOpportunityGrowsTheManagersPipeline(t *testing.T) {
	a := openHealth(t, "ru")
	a.health.tabs.SelectIndex(healthTabOpportunities)
	o := a.health.opps
	var client health.ClientHealth
	for _, h := range a.health.current.scores {
		if h.LeadID != 0 {
			client = h
			break
		}
	}
	weighted := func() float64 {
		for _, p := range o.pipeline.Rows() {
			if p.ManagerID == client.LeadID {
				return p.Weighted
			}
		}
		return 0
	}
	before := weighted()
	o.add(data.PersonRef{})
	settle(a)
	fd := a.lastForm
	// Pick the client from the searchable list.
	test.Tap(o.picker.button)
	settle(a)
	typeInto(a, o.picker.search, client.Client)
	if len(o.picker.shown) == 0 {
		t.Fatalf("no client found by %q", client.Client)
	}
	for i, c := range o.picker.shown {
		if c.ID == client.ClientID {
			o.picker.list.Select(i)
		}
	}
	settle(a)
	if o.picker.chosen.ID != client.ClientID || o.picker.button.Text != client.Client {
		t.Fatalf("picked %+v", o.picker.chosen)
	}
	fill(t, a, fd, "service", "Аналитика")
	fill(t, a, fd, "amount", "1 200 000")
	fill(t, a, fd, "probability", "35")
	fill(t, a, fd, "expected_on", date(a.today().AddDate(0, 3, 0)))
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("refused: %q", texts(fd.form.Object()))
	}
	if got, want := weighted(), before+420000; math.Abs(got-want) > 0.01 {
		t.Errorf("the lead's weighted pipeline is %.0f, want %.0f + 420 000", got, before)
	}
	var saved *data.Opportunity
	for i, x := range o.list.Rows() {
		if x.ClientID == client.ClientID && x.Amount == 1200000 {
			saved = &o.list.Rows()[i]
		}
	}
	if saved == nil || saved.Service != "analytics" || saved.Kind != "upsell" || saved.Status != "open" {
		t.Fatalf("saved %+v", saved)
	}
	if got := opportunityColumns(a.today)[5].Text(*saved); got != money(420000) {
		t.Errorf("weighted cell %q", got)
	}
}

func TestOpportunityFormNamesTheWrongFields(t *testing.T) {
	a := openHealth(t, "en")
	o := a.health.opps
	o.add(data.PersonRef{})
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "probability", "120")
	fill(t, a, fd, "expected_on", "")
	test.Tap(fd.save)
	settle(a)
	for _, field := range []string{"client", "service", "probability", "expected_on"} {
		if fd.form.Error(field) == "" {
			t.Errorf("no error under %s: %q", field, texts(fd.form.Object()))
		}
	}
	fill(t, a, fd, "amount", "lots")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("amount"); got != "Enter a whole number" {
		t.Errorf("amount error %q", got)
	}
	if list, err := a.store().Opportunities(ctx(), data.OpportunityFilter{Status: "open"}); err != nil || len(list) != len(o.current.list) {
		t.Errorf("an invalid opportunity was saved: %d now, %d before, %v", len(list), len(o.current.list), err)
	}
}

func TestHealthSettingsAreValidatedAndRecomputeTheScores(t *testing.T) {
	a := openHealth(t, "ru")
	a.health.tabs.SelectIndex(healthTabSettings)
	st := a.health.setup
	typeInto(a, st.red, "80")
	typeInto(a, st.amber, "70")
	test.Tap(findButton(t, st.root, T("action.save")))
	settle(a)
	if msg := st.form.Error("amber"); !strings.Contains(msg, "выше порога красной зоны") {
		t.Fatalf("amber error %q", msg)
	}
	if saved, err := health.LoadSettings(ctx(), a.store()); err != nil || saved.Red != health.DefaultSettings().Red {
		t.Fatalf("refused settings were saved: %+v, %v", saved, err)
	}
	// Only coverage weighs: each computed score is the coverage measure's.
	before := map[int64]float64{}
	for _, h := range a.health.current.scores {
		before[h.ClientID] = h.Computed
	}
	typeInto(a, st.red, "50")
	typeInto(a, st.amber, "70")
	for code, e := range st.weights {
		if code == health.MeasureCoverage {
			typeInto(a, e, "100")
		} else {
			typeInto(a, e, "0")
		}
	}
	test.Tap(findButton(t, st.root, T("action.save")))
	settle(a)
	if st.form.HasErrors() {
		t.Fatalf("refused: %q", texts(st.form.Object()))
	}
	changed := 0
	for _, h := range a.health.current.scores {
		if want := math.Round(h.Measure(health.MeasureCoverage)); h.Computed != want {
			t.Fatalf("%s computed %v with only coverage weighing %v", h.Client, h.Computed, want)
		}
		if h.Computed != before[h.ClientID] {
			changed++
		}
	}
	if changed == 0 {
		t.Error("no score changed with the weights")
	}
	// Restore defaults fills the fields back.
	test.Tap(findButton(t, st.root, T("health.defaults")))
	if st.weights[health.MeasureKPI].Text != "20" || st.red.Text != "50" {
		t.Errorf("defaults: KPI weight %q, red %q", st.weights[health.MeasureKPI].Text, st.red.Text)
	}
}

func TestHealthSettingsKeepTheirDecimals(t *testing.T) {
	a := openHealth(t, "ru")
	a.health.tabs.SelectIndex(healthTabSettings)
	st := a.health.setup
	kpi := st.weights[health.MeasureKPI]
	saveAndRead := func() float64 {
		t.Helper()
		test.Tap(findButton(t, st.root, T("action.save")))
		settle(a)
		if st.form.HasErrors() {
			t.Fatalf("refused: %q", texts(st.form.Object()))
		}
		saved, err := health.LoadSettings(ctx(), a.store())
		if err != nil {
			t.Fatal(err)
		}
		return saved.Weights[health.MeasureKPI]
	}
	typeInto(a, kpi, "12,5")
	if got := saveAndRead(); got != 12.5 || kpi.Text != "12,5" {
		t.Fatalf("typed 12,5: saved %v, shown %q", got, kpi.Text)
	}
	// Saved again untouched, it stays 12,5 (it was once shown as 12 and saved so).
	if got := saveAndRead(); got != 12.5 || kpi.Text != "12,5" {
		t.Errorf("saved again: %v, shown %q", got, kpi.Text)
	}
	if st.typed() {
		t.Error("the saved weight counts as typed over")
	}
	if got := settingText(0.05); got != "0,05" {
		t.Errorf("a small weight is shown as %q", got)
	}
}

// coverageOnly weighs the coverage measure alone.
func coverageOnly() health.Settings {
	st := health.DefaultSettings()
	st.Weights = map[string]float64{}
	for _, code := range health.Measures {
		st.Weights[code] = 0
	}
	st.Weights[health.MeasureCoverage] = 100
	return st
}

func TestHealthOfAClientRecomputedWithOldSettingsDoesNotOverwriteANewerReload(t *testing.T) {
	a := openHealth(t, "ru")
	s := a.health
	var client health.ClientHealth
	for _, h := range s.current.scores {
		c := h.Measure(health.MeasureCoverage)
		if !math.IsNaN(h.Computed) && !math.IsNaN(c) && h.Computed != math.Round(c) {
			client = h
			break
		}
	}
	if client.ClientID == 0 {
		t.Fatal("no client whose score is not its coverage")
	}
	// The client is recomputed (after an override) with the weights in use...
	s.refreshClient(client.ClientID)
	stale := <-uiQueue // its result, held back until the reload below has landed
	// ...and meanwhile new weights are saved and every score computed again.
	if err := health.SaveSettings(ctx(), a.store(), coverageOnly()); err != nil {
		t.Fatal(err)
	}
	s.reload()
	for s.current.settings.Weights[health.MeasureKPI] != 0 {
		(<-uiQueue)()
	}
	stale()
	settle(a)
	got := healthOf(t, a, client.ClientID)
	if want := math.Round(got.Measure(health.MeasureCoverage)); got.Computed != want {
		t.Errorf("%s computed %v after the reload with coverage alone, want %v: the older result won",
			got.Client, got.Computed, want)
	}
}

func TestHealthReplacingAScoreLeavesTheDrawnListAlone(t *testing.T) {
	a := openHealth(t, "ru")
	s := a.health
	drawn := s.current.scores // what a chart being drawn in the background holds
	was := drawn[0]
	changed := was
	changed.Client = was.Client + " (пересчитан)"
	s.replaceScore(changed)
	settle(a)
	if drawn[0].Client != was.Client {
		t.Errorf("the list a chart holds was changed in place: %q", drawn[0].Client)
	}
	if got := healthOf(t, a, was.ClientID); got.Client != changed.Client {
		t.Errorf("the new score is not shown: %q", got.Client)
	}
}

func TestHealthHistoryExportCountsItsRows(t *testing.T) {
	a := openHealth(t, "ru")
	tab := a.health.scores
	rows := tab.table.Rows()
	first, second := rows[0], rows[1]
	tab.choose(first.ClientID)
	settle(a)
	p := tab.client
	months := len(p.history[first.ClientID])
	if months == 0 {
		t.Fatal("no history loaded")
	}
	exports := func() int { // taps the history export, the panel's one "export" button
		n := 0
		for _, o := range test.LaidOutObjects(p.root) {
			if b, ok := o.(*widget.Button); ok && b.Text == T("export.open") {
				n++
				test.Tap(b)
			}
		}
		return n
	}
	open := len(a.dialogs)
	if exports() != 1 || len(a.dialogs) != open+1 {
		t.Fatalf("the history export did not open: %d dialogs, %d before", len(a.dialogs), open)
	}
	if want := Tf("export.rows", map[string]any{"Count": months}); !containsText(a.lastForm.form.Object(), want) {
		t.Errorf("the export does not say %q: %q", want, texts(a.lastForm.form.Object()))
	}
	a.closeTopDialog()
	open = len(a.dialogs)
	// Another client chosen, its months not read yet: the first one's are not exported as its.
	tab.choose(second.ClientID)
	exports()
	p.exportTrend()
	if len(a.dialogs) != open {
		t.Error("an export opened for a client whose history is not loaded")
	}
	settle(a)
	p.history = nil // its load failed
	exports()
	if len(a.dialogs) != open {
		t.Error("an export opened without a history")
	}
}
