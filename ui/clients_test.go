package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"leadboard/data"
)

func showClients(t *testing.T, a *App) *clientsScreen {
	t.Helper()
	a.show(2)
	settle(a)
	if a.screens[a.current] != a.clients {
		t.Fatal("the clients screen is not shown")
	}
	return a.clients
}

func TestClientsFilterSearchAndSort(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	all := len(s.table.Rows())
	s.tierSel.setValue("A")
	settle(a)
	tierA := s.table.Rows()
	if len(tierA) == 0 || len(tierA) >= all {
		t.Fatalf("tier A filter: %d of %d", len(tierA), all)
	}
	for _, r := range tierA {
		if r.Tier != "A" {
			t.Fatalf("%s is tier %s", r.Name, r.Tier)
		}
	}
	test.Tap(findButton(t, s.table, "Budget per month"))
	rows := s.table.Rows()
	for i := 1; i < len(rows); i++ {
		if rows[i-1].MonthlyBudget > rows[i].MonthlyBudget {
			t.Fatal("budgets not ascending")
		}
	}
	s.tierSel.setValue("")
	settle(a)
	name := []rune(s.table.Rows()[0].Name)
	part := strings.ToUpper(string(name[1:4]))
	test.Type(s.search, part)
	settle(a)
	yo := strings.NewReplacer("Ё", "Е") // the search treats ё and е alike, as Russian readers do
	for _, r := range s.table.Rows() {
		hay := yo.Replace(strings.ToUpper(r.Name + r.Industry + r.Notes))
		if !strings.Contains(hay, yo.Replace(part)) {
			t.Errorf("%q does not match %q", r.Name, part)
		}
	}
	if len(s.table.Rows()) == 0 {
		t.Errorf("search %q found nothing", part)
	}
}

func TestClientsManagerFilter(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	m := s.managers[0]
	s.managerSel.setValue(m.ID)
	settle(a)
	if len(s.table.Rows()) != m.LeadClients+m.BackupClients {
		t.Errorf("%s: %d rows, leads %d + backs up %d", m.FullName, len(s.table.Rows()), m.LeadClients, m.BackupClients)
	}
	for _, r := range s.table.Rows() {
		if r.Lead.ID != m.ID && r.Backup.ID != m.ID {
			t.Errorf("%s is not served by %s", r.Name, m.FullName)
		}
	}
}

func TestClientAddInRussianWithErrors(t *testing.T) {
	a := openDemo(t, "ru")
	s := showClients(t, a)
	a.addInCurrent()
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "monthly_budget", "-5000")
	fill(t, a, fd, "start_date", "31.02.2026")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("start_date"); !strings.Contains(got, "Введите дату") {
		t.Errorf("start date error %q", got)
	}
	fill(t, a, fd, "start_date", "01.03.2026")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("name"); got != "Обязательное поле" {
		t.Errorf("name error %q", got)
	}
	if got := fd.form.Error("monthly_budget"); got != "Не может быть отрицательным" {
		t.Errorf("budget error %q", got)
	}
	if got := fd.form.Error("lead"); got != "Обязательное поле" {
		t.Errorf("lead error %q", got)
	}
	existing := s.table.Rows()[0].Name
	fill(t, a, fd, "name", strings.ToUpper(existing))
	fill(t, a, fd, "monthly_budget", "1 250 000")
	choose(t, a, fd, "lead", 0)
	choose(t, a, fd, "backup", 1) // index 0 is "nobody": 1 is the same person as the lead
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("backup"); got != "Замещающий не может совпадать с ведущим" {
		t.Errorf("backup error %q", got)
	}
	choose(t, a, fd, "backup", 2)
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("name"); got != "Такое значение уже есть" {
		t.Errorf("duplicate name error %q", got)
	}
	if fd.form.Error("backup") != "" {
		t.Error("a fixed field still shows its error")
	}
	fill(t, a, fd, "name", "Северный ветер")
	test.Tap(fd.save)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Fatalf("not saved: %q", texts(fd.form.Object()))
	}
	rows, _ := a.store().ListClients(ctx(), data.ClientFilter{Search: "северный ветер"})
	if len(rows) != 1 || rows[0].MonthlyBudget != 1250000 || rows[0].Lead.ID == 0 || rows[0].Backup.ID == 0 {
		t.Fatalf("saved %+v", rows)
	}
	if s.detail == nil || s.detail.heading.Text != "Северный ветер" {
		t.Error("the new client's card is not open")
	}
}

func TestClientReassignAndArchive(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	var c data.ClientRow
	for _, r := range s.table.Rows() {
		if r.Status == data.ClientActive && r.Backup.ID != 0 {
			c = r
			break
		}
	}
	s.openClient(c.ID)
	settle(a)
	d := s.detail
	if !containsText(d.root, c.Lead.Name) {
		t.Error("the card does not name the lead")
	}

	// The backup cannot become the lead's twin.
	test.Tap(d.reassign)
	settle(a)
	fd := a.lastForm
	choose(t, a, fd, "role", 1)
	staff := fd.form.Input("staff").(*choice[int64])
	staff.setValue(c.Lead.ID)
	settle(a)
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("staff"); got != "The backup cannot be the lead" {
		t.Errorf("reassign error %q", got)
	}
	// Promote the backup to lead: the old lead's row closes, the backup slot empties.
	choose(t, a, fd, "role", 0)
	staff.setValue(c.Backup.ID)
	settle(a)
	test.Tap(fd.save)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Fatalf("reassign not saved: %q", texts(fd.form.Object()))
	}
	detail, _ := a.store().ClientDetail(ctx(), c.ID)
	if detail.Lead.ID != c.Backup.ID || detail.Backup.ID != 0 {
		t.Fatalf("after promotion lead %v backup %v", detail.Lead, detail.Backup)
	}

	// Archive: an active client needs the date and the reason it was lost.
	test.Tap(d.archive)
	settle(a)
	fd = a.lastForm
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("churn_reason"); got != "Required" {
		t.Errorf("churn reason error %q", got)
	}
	fill(t, a, fd, "churn_reason", "Ушли к конкуренту")
	test.Tap(fd.save)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Fatalf("archive not saved: %q", texts(fd.form.Object()))
	}
	s.closeDetail()
	for _, r := range s.table.Rows() {
		if r.ID == c.ID {
			t.Fatal("an archived client is still in the working list")
		}
	}
	s.statusSel.setValue(clientArchived)
	settle(a)
	if len(s.table.Rows()) == 0 || !containsID(s.table.Rows(), c.ID) {
		t.Fatal("the client is not in the archive")
	}
	s.openClient(c.ID)
	settle(a)
	test.Tap(s.detail.restore)
	settle(a)
	a.dialogs[len(a.dialogs)-1].(interface{ Confirm() }).Confirm()
	settle(a)
	got, _ := a.store().GetClient(ctx(), c.ID)
	if !got.ArchivedOn.IsZero() || got.Status != data.ClientChurned {
		t.Errorf("after restore %+v", got)
	}
}

func containsID(rows []data.ClientRow, id int64) bool {
	for _, r := range rows {
		if r.ID == id {
			return true
		}
	}
	return false
}

func TestInteractionLogAddAndEdit(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	c := s.table.Rows()[0]
	s.openClient(c.ID)
	settle(a)
	before := len(s.detail.log.Rows())
	test.Tap(findButton(t, s.detail.root, "Add entry"))
	settle(a)
	fd := a.lastForm
	choose(t, a, fd, "kind", 5) // upsell: needs a sum
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("amount"); got != "Must be greater than zero" {
		t.Errorf("amount error %q", got)
	}
	fill(t, a, fd, "amount", "300000")
	fill(t, a, fd, "notes", "Добавили рекламу в соцсетях")
	test.Tap(fd.save)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Fatalf("entry not saved: %q", texts(fd.form.Object()))
	}
	rows := s.detail.log.Rows()
	if len(rows) != before+1 {
		t.Fatalf("log has %d entries, want %d", len(rows), before+1)
	}
	var added data.InteractionRow
	for _, r := range rows {
		if r.Notes == "Добавили рекламу в соцсетях" {
			added = r
		}
	}
	if added.Amount != 300000 || added.Kind != data.KindUpsell {
		t.Fatalf("added %+v", added)
	}
}

func TestContactsAddAndDelete(t *testing.T) {
	a := openDemo(t, "en")
	s := showClients(t, a)
	c := s.table.Rows()[0]
	s.openClient(c.ID)
	settle(a)
	before := len(s.detail.contacts.Rows())
	s.detail.tabs.SelectIndex(1)
	test.Tap(findButton(t, s.detail.root, "Add contact"))
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "name", "Орлова Вера")
	fill(t, a, fd, "email", "vera@")
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("email") == "" {
		t.Error("a broken e-mail was accepted")
	}
	fill(t, a, fd, "email", "vera.orlova@client.ru")
	test.Tap(fd.save)
	settle(a)
	if len(s.detail.contacts.Rows()) != before+1 {
		t.Fatal("contact not added")
	}
}
