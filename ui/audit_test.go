package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/audit"
)

func openAudit(t *testing.T, lang string) *App {
	t.Helper()
	a := openDemo(t, lang)
	a.showScreen(a.audit)
	settle(a)
	return a
}

// rowOf finds an item's row in the checklist as shown.
func rowOf(t *testing.T, c *auditChecklistTab, code string) (int, checklistRow) {
	t.Helper()
	for i, r := range c.items.Rows() {
		if r.item.Code == code {
			return i, r
		}
	}
	t.Fatalf("no item %s in the checklist", code)
	return 0, checklistRow{}
}

func TestTheAuditListsTheDemoAuditsAndRatingAnItemMovesItsSection(t *testing.T) {
	a := openAudit(t, "ru")
	c := a.audit.checklist
	audits, err := a.store().Audits(ctx())
	if err != nil || len(audits) != 3 {
		t.Fatalf("%d demo audits: %v", len(audits), err)
	}
	if len(c.pick.values) != 3 || c.pick.values[0] != audits[0].ID || c.pick.value() != audits[0].ID {
		t.Fatalf("audits offered %v, chosen %d; want the latest %d first", c.pick.values, c.pick.value(), audits[0].ID)
	}
	if len(c.items.Rows()) != len(audit.Items()) {
		t.Fatalf("%d items shown of %d", len(c.items.Rows()), len(audit.Items()))
	}
	if !strings.HasPrefix(c.overall.Text, "Общая оценка") {
		t.Errorf("overall: %q", c.overall.Text)
	}
	// An item partly in place, rated in place: its section gains half a point.
	var target checklistRow
	for _, r := range c.items.Rows() {
		if r.rated.Rating == "partly" && len(r.item.Evidence) > 0 {
			target = r
			break
		}
	}
	if target.item.Code == "" {
		t.Fatal("no item partly in place in the latest demo audit")
	}
	before := c.current.result.Sections[target.section.Number-1]
	want := 100 * (float64(before.InPlace+1) + 0.5*float64(before.Partly-1)) / float64(before.Rated)
	row, _ := rowOf(t, c, target.item.Code)
	c.items.Select(row)
	settle(a)
	fd := a.lastForm
	figure := c.current.evidence[target.item.Evidence[0]]
	if !containsText(fd.form.Object(), figure.Name("ru")+": "+figure.Text("ru")) ||
		!containsText(fd.form.Object(), figure.How("ru")) {
		t.Errorf("the form does not show the figure %q and how it was computed: %q", figure.Name("ru"), texts(fd.form.Object()))
	}
	choose(t, a, fd, "rating", slices.Index(ratingChoices, "in_place"))
	fill(t, a, fd, "comment", "Проверено на встрече")
	fill(t, a, fd, "evidence", "https://wiki.example.ru/audit")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("rating refused: %q", fd.form.GeneralError())
	}
	after := c.current.result.Sections[target.section.Number-1]
	if math.Abs(after.Percent-want) > 1e-9 || after.Percent <= before.Percent {
		t.Fatalf("section %d scores %.2f after rating, want %.2f (was %.2f)", target.section.Number, after.Percent, want,
			before.Percent)
	}
	_, shown := rowOf(t, c, target.item.Code)
	if shown.rated.Rating != "in_place" || shown.rated.Comment != "Проверено на встрече" {
		t.Errorf("row after rating: %+v", shown.rated)
	}
	stored, _ := a.store().AuditItems(ctx(), audits[0].ID)
	if got := stored[target.item.Code]; got.Rating != "in_place" || got.Evidence != "https://wiki.example.ru/audit" {
		t.Errorf("stored %+v", got)
	}
}

func TestANewAuditSaysWhatIsWrongWithItsDate(t *testing.T) {
	a := openAudit(t, "ru")
	c := a.audit.checklist
	latest := c.current.audit
	test.Tap(findButton(t, c.root, T("audit.ui.new")))
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "held_on", date(a.today().AddDate(0, 0, 3)))
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("held_on"); got != T("err.in_future") {
		t.Fatalf("a date in the future: %q", got)
	}
	fill(t, a, fd, "held_on", date(latest.HeldOn))
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("held_on"); got != T("err.duplicate") {
		t.Fatalf("the day of another audit: %q", got)
	}
	fill(t, a, fd, "held_on", "31.02.2026")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("held_on"); !strings.HasPrefix(got, "Введите дату") {
		t.Fatalf("not a date: %q", got)
	}
	fill(t, a, fd, "held_on", date(a.today()))
	fill(t, a, fd, "title", "Внеплановый аудит")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("refused: %q / %q", fd.form.Error("held_on"), fd.form.GeneralError())
	}
	if len(c.pick.values) != 4 || c.current.audit.Title != "Внеплановый аудит" || c.current.result.Rated != 0 {
		t.Fatalf("after saving: %d audits, shown %+v rated %d", len(c.pick.values), c.current.audit, c.current.result.Rated)
	}
	if c.overall.Text != Tf("audit.ui.overall", map[string]any{"Score": T("audit.ui.no_score"), "Rated": 0,
		"Items": len(audit.Items())}) {
		t.Errorf("overall of a new audit: %q", c.overall.Text)
	}
	if len(c.current.evidence) != len(audit.EvidenceCodes) {
		t.Errorf("%d figures of %d for the new audit", len(c.current.evidence), len(audit.EvidenceCodes))
	}
}

func TestAnActionFormNamesTheMissingFields(t *testing.T) {
	a := openAudit(t, "ru")
	s := a.audit
	s.tabs.SelectIndex(2)
	settle(a)
	open := len(s.actions.list.Rows())
	test.Tap(findButton(t, s.actions.root, T("audit.ui.add_action")))
	settle(a)
	fd := a.lastForm
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("what") != T("err.required") || fd.form.Error("due") != T("err.required") {
		t.Fatalf("what: %q, due: %q", fd.form.Error("what"), fd.form.Error("due"))
	}
	fill(t, a, fd, "what", "Провести разбор жалоб за квартал")
	fill(t, a, fd, "due", "не дата")
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("what") != "" || !strings.HasPrefix(fd.form.Error("due"), "Введите дату") {
		t.Fatalf("what: %q, due: %q", fd.form.Error("what"), fd.form.Error("due"))
	}
	fill(t, a, fd, "due", date(a.today().AddDate(0, 1, 0)))
	choose(t, a, fd, "item", 1+slices.IndexFunc(audit.Items(), func(it audit.Item) bool { return it.Code == "2.3" }))
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("refused: %q", fd.form.GeneralError())
	}
	rows := s.actions.list.Rows()
	if len(rows) != open+1 {
		t.Fatalf("%d open actions after adding one to %d", len(rows), open)
	}
	i := slices.IndexFunc(rows, func(x data.Action) bool {
		return x.What == "Провести разбор жалоб за квартал"
	})
	if i < 0 || rows[i].ItemCode != "2.3" || rows[i].Status != "open" {
		t.Fatalf("the new action: %+v", rows)
	}
}

func TestTheOverdueActionIsMarkedAndDoneOnesHideUnderOpen(t *testing.T) {
	a := openAudit(t, "ru")
	s := a.audit
	s.tabs.SelectIndex(2)
	settle(a)
	columns := actionColumns(a)
	openCount, overdue := len(s.actions.list.Rows()), 0
	for _, r := range s.actions.list.Rows() {
		if r.Status != "open" {
			t.Errorf("the open filter shows %q", r.Status)
		}
		marked := columns[3].Importance(r) == widget.DangerImportance
		if marked != r.Due.Before(a.today()) {
			t.Errorf("%q due %s marked %v", r.What, date(r.Due), marked)
		}
		if marked {
			overdue++
			if !strings.Contains(columns[3].Text(r), "просрочено") {
				t.Errorf("due cell %q", columns[3].Text(r))
			}
		}
	}
	if overdue != 1 {
		t.Fatalf("%d overdue actions marked, the demo has one", overdue)
	}
	if !strings.Contains(s.actions.summary.Text, "просрочено: 1") {
		t.Errorf("summary %q", s.actions.summary.Text)
	}
	all, _ := a.store().Actions(ctx())
	s.actions.filter.setValue(actionsAll)
	if len(s.actions.list.Rows()) != len(all) || len(all) <= openCount {
		t.Fatalf("all shows %d of %d", len(s.actions.list.Rows()), len(all))
	}
	// Marked done, it leaves the open list.
	s.actions.filter.setValue(actionsOpen)
	for i, r := range s.actions.list.Rows() {
		if r.Overdue(a.today()) {
			s.actions.list.Select(i)
		}
	}
	settle(a)
	fd := a.lastForm
	choose(t, a, fd, "status", slices.Index(data.ActionStatuses, "done"))
	test.Tap(fd.save)
	settle(a)
	for _, r := range s.actions.list.Rows() {
		if r.Overdue(a.today()) {
			t.Fatalf("%q still overdue after it was done", r.What)
		}
	}
}

func TestComparingTheTwoLatestAuditsListsTheChangedItems(t *testing.T) {
	a := openAudit(t, "ru")
	s := a.audit
	s.tabs.SelectIndex(1)
	settle(a)
	tr := s.trend
	if got := len(tr.table.rows); got != 3 {
		t.Fatalf("trend table has %d rows, want one per audit", got)
	}
	tr.view.setValue(viewCompare)
	audits, _ := a.store().Audits(ctx())
	if tr.after.value() != audits[0].ID || tr.before.value() != audits[1].ID {
		t.Fatalf("compares %d with %d, want the two latest %d and %d", tr.before.value(), tr.after.value(),
			audits[1].ID, audits[0].ID)
	}
	before, _ := a.store().AuditItems(ctx(), audits[1].ID)
	after, _ := a.store().AuditItems(ctx(), audits[0].ID)
	var changed []string
	for _, it := range audit.Items() {
		if before[it.Code].Rating != after[it.Code].Rating {
			changed = append(changed, it.Code)
		}
	}
	if len(changed) == 0 {
		t.Fatal("the demo's two latest audits differ in nothing")
	}
	if len(tr.table.rows) != len(audit.Checklist())+len(changed) {
		t.Fatalf("%d rows, want %d sections and %d changed items", len(tr.table.rows), len(audit.Checklist()), len(changed))
	}
	var listed []string
	for _, row := range tr.table.rows {
		if row[1] != "" {
			listed = append(listed, row[1])
			if row[6] == row[7] {
				t.Errorf("item %s listed with the same rating %q", row[1], row[6])
			}
		}
	}
	if !slices.Equal(listed, changed) {
		t.Fatalf("changed items listed %v, want %v", listed, changed)
	}
	// The same audit on both sides changes nothing.
	tr.before.setValue(audits[0].ID)
	if len(tr.table.rows) != len(audit.Checklist()) {
		t.Fatalf("an audit against itself lists %d rows", len(tr.table.rows))
	}
}

func TestAuditScreenInEnglishHasNoRussianChrome(t *testing.T) {
	a := openAudit(t, "en")
	c := a.audit.checklist
	if !strings.HasPrefix(c.overall.Text, "Overall score") {
		t.Errorf("overall %q", c.overall.Text)
	}
	_, r := rowOf(t, c, "1.1")
	if r.item.Text("en") == "" || checklistColumns()[2].Text(r) != r.item.EN {
		t.Errorf("statement shown %q", checklistColumns()[2].Text(r))
	}
}
