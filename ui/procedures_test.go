package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
)

func openProcedures(t *testing.T, lang string) *App {
	t.Helper()
	a := openAudit(t, lang)
	a.audit.tabs.SelectIndex(3)
	settle(a)
	return a
}

// procedureRow finds a procedure in the register as shown.
func procedureRow(t *testing.T, p *proceduresTab, title string) data.ProcedureRow {
	t.Helper()
	for _, r := range p.register.Rows() {
		if r.Title == title {
			return r
		}
	}
	t.Fatalf("no procedure %q in the register", title)
	return data.ProcedureRow{}
}

// atWork counts who should read every procedure: everyone who has not left.
func atWork(t *testing.T, a *App) int {
	t.Helper()
	people, err := a.store().ListStaff(ctx(), data.StaffFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(people)
}

func TestTheRegisterMarksTheOverdueReview(t *testing.T) {
	a := openProcedures(t, "ru")
	p := a.audit.procedures
	rows := p.register.Rows()
	if len(rows) < 5 {
		t.Fatalf("%d procedures in the demo register", len(rows))
	}
	columns := procedureColumns(a)
	overdue := 0
	for _, r := range rows {
		marked := columns[5].Importance(r) == widget.DangerImportance
		if marked != a.today().After(r.NextReview()) {
			t.Errorf("%q next review %s marked %v", r.Title, date(r.NextReview()), marked)
		}
		if marked {
			overdue++
			if !strings.HasSuffix(columns[5].Text(r), "просрочен") {
				t.Errorf("next review cell %q", columns[5].Text(r))
			}
		}
	}
	if overdue != 1 {
		t.Fatalf("%d overdue reviews marked, the demo has one", overdue)
	}
	missing, _ := a.store().MissingAcks(ctx())
	if len(p.missing.Rows()) != len(missing) || len(missing) == 0 {
		t.Fatalf("%d missing acknowledgements listed of %d", len(p.missing.Rows()), len(missing))
	}
}

func TestAProcedureFormSaysWhichFieldIsWrong(t *testing.T) {
	a := openProcedures(t, "ru")
	p := a.audit.procedures
	test.Tap(findButton(t, p.root, T("procedures.add")))
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "link", "wiki/регламент")
	test.Tap(fd.save)
	settle(a)
	for field, want := range map[string]string{"title": T("err.required"), "owner": T("err.required"),
		"link": Tf("err.invalid_link", nil)} {
		if got := fd.form.Error(field); got != want {
			t.Errorf("%s: %q, want %q", field, got, want)
		}
	}
	if fd.form.Error("area") == "" || fd.form.Error("review_months") != "" {
		t.Errorf("area: %q, review months: %q", fd.form.Error("area"), fd.form.Error("review_months"))
	}
	fill(t, a, fd, "review_months", "раз в год")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("review_months"); got != T("err.not_integer") {
		t.Errorf("months in words: %q", got)
	}
	fill(t, a, fd, "review_months", "61")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("review_months"); !strings.Contains(got, "60") {
		t.Errorf("61 months: %q", got)
	}
}

func TestAddReviewAsANewVersionAndRecordWhoHasReadIt(t *testing.T) {
	a := openProcedures(t, "ru")
	p := a.audit.procedures
	readers := atWork(t, a)
	test.Tap(findButton(t, p.root, T("procedures.add")))
	settle(a)
	fd := a.lastForm
	fill(t, a, fd, "title", "Порядок подготовки к встрече с клиентом")
	choose(t, a, fd, "area", slices.Index(data.ProcedureAreas, "client_communication"))
	choose(t, a, fd, "owner", 1)
	fill(t, a, fd, "link", "https://wiki.example.ru/vstrechi")
	fill(t, a, fd, "review_months", "6")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("refused: %q", texts(fd.form.Object()))
	}
	added := procedureRow(t, p, "Порядок подготовки к встрече с клиентом")
	if p.chosen != added.ID || added.Version != 1 || added.Acknowledged != 0 || added.Readers != readers {
		t.Fatalf("added %+v, chosen %d, readers %d", added, p.chosen, readers)
	}
	if !strings.Contains(p.facts.Text, "0 из "+integer(readers)) {
		t.Errorf("facts %q", p.facts.Text)
	}

	// Two people read it today.
	test.Tap(findButton(t, p.root, T("procedures.acknowledge")))
	settle(a)
	fd = a.lastForm
	test.Tap(fd.save)
	settle(a)
	if fd.form.Error("staff") != T("err.required") {
		t.Fatalf("nobody ticked: %q", fd.form.Error("staff"))
	}
	ticked := p.lastAcks
	test.Tap(ticked.checks[0])
	test.Tap(ticked.checks[2])
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() {
		t.Fatalf("refused: %q", fd.form.GeneralError())
	}
	added = procedureRow(t, p, added.Title)
	if added.Acknowledged != 2 || len(p.acks.Rows()) != 2 || ackCount(added) != "2 из "+integer(readers) {
		t.Fatalf("after two read it: %d acknowledged, %d listed, %q", added.Acknowledged, len(p.acks.Rows()), ackCount(added))
	}
	for _, k := range p.acks.Rows() {
		if k.StaffID != ticked.ids[0] && k.StaffID != ticked.ids[2] || !k.On.Equal(a.today()) {
			t.Errorf("recorded %+v", k)
		}
	}
	// Opened again, those two are ticked already and cannot be unticked.
	test.Tap(findButton(t, p.root, T("procedures.acknowledge")))
	settle(a)
	if again := p.lastAcks; !again.checks[0].Disabled() || !again.checks[0].Checked || again.checks[1].Disabled() {
		t.Error("who has read it is not shown as such")
	}
	a.closeTopDialog()

	// Reviewed without a new version: the acknowledgements still count.
	test.Tap(findButton(t, p.root, T("procedures.reviewed")))
	settle(a)
	test.Tap(a.lastForm.save)
	settle(a)
	if added = procedureRow(t, p, added.Title); added.Version != 1 || added.Acknowledged != 2 {
		t.Fatalf("reviewed as it was: version %d, %d acknowledged", added.Version, added.Acknowledged)
	}
	// Reviewed as a new version: everyone has to read it again.
	test.Tap(findButton(t, p.root, T("procedures.reviewed")))
	settle(a)
	fd = a.lastForm
	newVersion := fd.form.Input("new_version").(*widget.Check)
	test.Tap(newVersion)
	test.Tap(fd.save)
	settle(a)
	added = procedureRow(t, p, added.Title)
	if added.Version != 2 || added.Acknowledged != 0 || ackCount(added) != "0 из "+integer(readers) {
		t.Fatalf("after a new version: version %d, %q", added.Version, ackCount(added))
	}
	missingNow := 0
	for _, m := range p.missing.Rows() {
		if m.ProcedureID == added.ID {
			missingNow++
		}
	}
	if missingNow != readers {
		t.Fatalf("%d missing acknowledgements of the new version, want %d", missingNow, readers)
	}
	// Archived, it leaves the register.
	test.Tap(findButton(t, p.root, T("procedures.archive")))
	settle(a)
	confirm, ok := a.dialogs[len(a.dialogs)-1].(interface{ Confirm() })
	if !ok {
		t.Fatal("no confirmation asked")
	}
	confirm.Confirm()
	settle(a)
	for _, r := range p.register.Rows() {
		if r.ID == added.ID {
			t.Fatal("the archived procedure is still in the register")
		}
	}
	if p.chosen != 0 || p.tools[0].Disabled() == false {
		t.Error("the archived procedure stays chosen")
	}
}

// readersOf is who has read a procedure's current version, by the store.
func readersOf(t *testing.T, a *App, id int64) []int64 {
	t.Helper()
	acks, err := a.store().ProcedureAcks(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, k := range acks {
		if k.Current {
			ids = append(ids, k.StaffID)
		}
	}
	slices.Sort(ids)
	return ids
}

func TestProcedureAcknowledgeWaitsForTheChosenProcedureToLoad(t *testing.T) {
	a := openProcedures(t, "ru")
	p := a.audit.procedures
	// Two procedures read by different people.
	var first, second data.ProcedureRow
	var secondReaders []int64
	for _, x := range p.register.Rows() {
		for _, y := range p.register.Rows() {
			if x.ID != y.ID && second.ID == 0 && !slices.Equal(readersOf(t, a, x.ID), readersOf(t, a, y.ID)) {
				first, second, secondReaders = x, y, readersOf(t, a, y.ID)
			}
		}
	}
	if second.ID == 0 {
		t.Fatal("every demo procedure is read by the same people")
	}
	p.choose(first.ID)
	settle(a)
	// The second is clicked; its acknowledgements are still being read.
	p.choose(second.ID)
	if p.chosen != first.ID || p.heading.Text != first.Title {
		t.Errorf("before the load: chosen %d, heading %q; want the first, %q", p.chosen, p.heading.Text, first.Title)
	}
	for _, b := range p.tools {
		if !b.Disabled() {
			t.Errorf("%q can be used before the chosen procedure has loaded", b.Text)
		}
	}
	open := len(a.dialogs)
	test.Tap(findButton(t, p.root, T("procedures.acknowledge")))
	if len(a.dialogs) != open {
		t.Fatal("the acknowledgements dialog opened before the chosen procedure loaded")
	}
	settle(a)
	if p.chosen != second.ID || p.heading.Text != second.Title || p.tools[2].Disabled() {
		t.Fatalf("after the load: chosen %d, heading %q, tools off %v", p.chosen, p.heading.Text, p.tools[2].Disabled())
	}
	test.Tap(findButton(t, p.root, T("procedures.acknowledge")))
	settle(a)
	var ticked []int64
	for i, ch := range p.lastAcks.checks {
		if ch.Disabled() {
			ticked = append(ticked, p.lastAcks.ids[i])
		}
	}
	slices.Sort(ticked)
	if !slices.Equal(ticked, secondReaders) {
		t.Errorf("the dialog of %q ticks %v, its readers are %v", second.Title, ticked, secondReaders)
	}
	if !containsText(a.lastForm.form.Object(), second.Title) {
		t.Errorf("the dialog does not name %q: %q", second.Title, texts(a.lastForm.form.Object()))
	}
	a.closeTopDialog()
}

func TestProcedureRegisterHeadersFitTheirColumnsInRussian(t *testing.T) {
	a := openProcedures(t, "ru")
	for _, c := range procedureColumns(a) {
		if need := widget.NewButton(c.Title, nil).MinSize().Width; need > c.Width {
			t.Errorf("header %q needs %.0f, its column is %.0f wide", c.Title, need, c.Width)
		}
	}
}
