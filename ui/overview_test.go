package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadboard/data"
)

func TestOverviewFiguresOpenTheirLists(t *testing.T) {
	a := openDemo(t, "en")
	if a.screens[a.current] != a.overview {
		t.Fatal("the window does not start on the Overview")
	}
	o, err := a.store().Overview(ctx())
	if err != nil {
		t.Fatal(err)
	}
	if o.ContractsEnding == 0 || o.OverdueComplaints == 0 || o.ActiveClients == 0 {
		t.Fatalf("demo data should fill every figure: %+v", o)
	}
	if !containsText(a.overview.root, money(o.MonthlyBudget)) {
		t.Error("the budget is not shown")
	}
	if img := a.overview.trend.Image(); img == nil || img.Bounds().Dx() < 100 {
		t.Error("the chart of clients by month was not rendered")
	}
	if !strings.Contains(a.overview.trendNote.Text, "clients won") {
		t.Errorf("chart note %q", a.overview.trendNote.Text)
	}
	cases := []struct {
		tile string
		want int
	}{
		{"active_clients", o.ActiveClients},
		{"contracts_ending", o.ClientsEnding},
		{"overdue_complaints", o.ClientsOverdue},
	}
	for _, c := range cases {
		a.show(0)
		settle(a)
		test.Tap(a.overview.tiles[c.tile])
		settle(a)
		if a.screens[a.current] != a.clients {
			t.Fatalf("%s did not open the clients", c.tile)
		}
		if got := len(a.clients.table.Rows()); got != c.want {
			t.Errorf("%s: list shows %d clients, the figure says %d", c.tile, got, c.want)
		}
	}
	if !a.clients.special.Visible() {
		t.Error("the Overview's filter is not shown on the list")
	}
	test.Tap(a.clients.special)
	settle(a)
	if a.clients.filter.OverdueComplaints || a.clients.special.Visible() {
		t.Error("the Overview's filter cannot be removed")
	}

	for _, g := range o.Headcount {
		a.show(0)
		settle(a)
		test.Tap(a.overview.tiles["grade:"+g.Grade.Code])
		settle(a)
		if got := len(a.staff.table.Rows()); got != g.Count {
			t.Errorf("grade %s: list shows %d, the figure says %d", g.Grade.Code, got, g.Count)
		}
	}
}

func TestLanguageSwitchAppliesAtOnce(t *testing.T) {
	a := openDemo(t, "en")
	a.show(3)
	settle(a)
	a.settings.language.setValue("ru")
	settle(a)
	if a.screens[1].title() != "Сотрудники" {
		t.Fatalf("after switching, the staff screen is called %q", a.screens[1].title())
	}
	if !containsText(a.settings.root, "Язык") {
		t.Error("Settings did not rebuild in Russian")
	}
	a.settings.language.setValue("en")
	settle(a)
	if a.screens[1].title() != "Staff" {
		t.Error("could not switch back to English")
	}
}

func TestThemeChoiceIsRemembered(t *testing.T) {
	a := openDemo(t, "en")
	a.show(3)
	settle(a)
	a.settings.theme.setValue(themeDark)
	if got := a.fyneApp.Preferences().String(prefTheme); got != themeDark {
		t.Errorf("theme preference %q", got)
	}
}

func TestGarbageDatabaseGetsAMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte("это не база данных, а заметки"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := openApp(t, path, "en")
	if a.store() != nil {
		t.Fatal("a garbage file was opened")
	}
	if !containsText(a.body, "not a Leadboard database") || !containsText(a.body, path) {
		t.Errorf("message: %q", texts(a.body))
	}
	if !containsText(a.body, "Open database…") {
		t.Error("no way out offered")
	}
	a.show(1) // the lists stay closed without a database
	if a.screens[a.current] == a.staff {
		t.Error("the staff list opened without a database")
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "это не база") {
		t.Error("the garbage file was changed")
	}
}

func TestNewDatabaseRefusesExistingFile(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "taken.db")
	os.WriteFile(existing, []byte("x"), 0o644)
	if _, err := newDatabasePath(dir, "taken.db"); err != errFileExists {
		t.Errorf("an existing file would be overwritten: %v", err)
	}
	path, err := newDatabasePath(dir, "fresh")
	if err != nil || path != filepath.Join(dir, "fresh.db") {
		t.Errorf("fresh: %q %v", path, err)
	}
	if _, err := newDatabasePath(filepath.Join(dir, "nowhere"), "a/b"); describeError(err) !=
		"Folder: The folder does not exist\nFile name: Enter a file name without / \\ ? #" {
		t.Errorf("bad folder and name: %q", describeError(err))
	}
}

func TestCreateDemoDatabaseFromTheWindow(t *testing.T) {
	a := openDemo(t, "en")
	path := filepath.Join(t.TempDir(), "new-demo.db")
	a.createDatabase(path, true)
	settle(a)
	st := a.store()
	if st == nil || st.Path() != path {
		t.Fatalf("switched to %v", st)
	}
	rows, err := st.ListClients(ctx(), data.ClientFilter{})
	if err != nil || len(rows) < 50 {
		t.Fatalf("demo clients %d, %v", len(rows), err)
	}
	if a.fyneApp.Preferences().String(prefDatabase) != path {
		t.Error("the new database is not remembered for the next start")
	}
}

func TestEmptyDatabaseWelcomesAndSaysNoData(t *testing.T) {
	a := openApp(t, filepath.Join(t.TempDir(), "new.db"), "ru")
	if a.store() == nil {
		t.Fatal("a new database was not created")
	}
	if !a.overview.welcome.Visible() {
		t.Error("an empty database gets no hint how to start")
	}
	if img := a.overview.trend.Image(); img == nil {
		t.Error("the chart area is not drawn")
	}
	if containsText(a.overview.root, "у 0 клиентов") || containsText(a.overview.root, "0 в отпуске") {
		t.Error("tiles count nothing in words")
	}
	a.createDatabase(filepath.Join(t.TempDir(), "demo.db"), true)
	settle(a)
	if a.overview.welcome.Visible() {
		t.Error("the welcome stays after data arrived")
	}
}

func TestOverviewRisksOpenTheirScreens(t *testing.T) {
	a := openDemo(t, "ru")
	if a.overview.risksTitle.Hidden {
		t.Fatal("the Overview shows no risks on the demo")
	}
	// The demo has exactly one overdue action; its tile opens the audit's actions.
	overdue, err := a.store().OverdueActions(ctx(), a.store().Today())
	if err != nil || len(overdue) != 1 {
		t.Fatalf("overdue actions: %v %v", overdue, err)
	}
	tile := a.overview.tiles["overdue_actions"]
	if tile == nil || !containsText(a.overview.risks, overdue[0].What) {
		t.Fatal("no tile names the overdue action")
	}
	test.Tap(tile)
	settle(a)
	if a.screens[a.current] != a.audit || a.audit.tabs.SelectedIndex() != 2 {
		t.Fatal("the overdue action did not open the audit's actions")
	}
	// A client at risk opens its health.
	var client string
	for key := range a.overview.tiles {
		if name, ok := strings.CutPrefix(key, "risk:"); ok {
			client = name
		}
	}
	if client == "" {
		t.Fatal("no client at risk is listed")
	}
	a.show(0)
	settle(a)
	test.Tap(a.overview.tiles["risk:"+client])
	settle(a)
	if a.screens[a.current] != a.health || a.health.scores.client.current.Client != client {
		t.Fatalf("the risk did not open %s's health", client)
	}
}
