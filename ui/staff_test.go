package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"leadboard/data"
	"leadboard/ui/widgets"
)

func showStaff(t *testing.T, a *App) *staffScreen {
	t.Helper()
	a.show(1)
	settle(a)
	if a.screens[a.current] != a.staff {
		t.Fatal("the staff screen is not shown")
	}
	return a.staff
}

func TestStaffListMatchesTheDatabase(t *testing.T) {
	a := openDemo(t, "en")
	s := showStaff(t, a)
	want, err := a.store().ListStaff(ctx(), data.StaffFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.table.Rows()); got != len(want) || got < 10 {
		t.Fatalf("list shows %d people, the database has %d", got, len(want))
	}
	if !strings.Contains(s.count.Text, "people") {
		t.Errorf("count label %q", s.count.Text)
	}
}

func TestStaffSearchIgnoresCase(t *testing.T) {
	a := openDemo(t, "en")
	s := showStaff(t, a)
	first := s.table.Rows()[0].FullName
	part := strings.ToLower(strings.Fields(first)[0])
	test.Type(s.search, part)
	settle(a)
	rows := s.table.Rows()
	if len(rows) == 0 {
		t.Fatalf("search %q found nobody", part)
	}
	for _, r := range rows {
		hay := strings.ToLower(r.FullName + r.Position + r.Team + r.Email + r.Phone)
		if !strings.Contains(hay, part) {
			t.Errorf("%q does not match %q", r.FullName, part)
		}
	}
	s.search.SetText("")
	test.Type(s.search, "нет такого человека")
	settle(a)
	if len(s.table.Rows()) != 0 {
		t.Error("a search for nobody still lists people")
	}
}

func TestStaffSortByClickingHeaders(t *testing.T) {
	a := openDemo(t, "en")
	s := showStaff(t, a)
	header := findButton(t, s.table, "Leads")
	test.Tap(header)
	rows := s.table.Rows()
	for i := 1; i < len(rows); i++ {
		if rows[i-1].LeadClients > rows[i].LeadClients {
			t.Fatalf("not ascending at %d: %d > %d", i, rows[i-1].LeadClients, rows[i].LeadClients)
		}
	}
	test.Tap(findButton(t, s.table, "Leads ▲"))
	rows = s.table.Rows()
	for i := 1; i < len(rows); i++ {
		if rows[i-1].LeadClients < rows[i].LeadClients {
			t.Fatalf("not descending at %d", i)
		}
	}
	if col, desc := s.table.SortColumn(); col != 4 || !desc {
		t.Errorf("sort state %d %v", col, desc)
	}
}

func TestStaffAddShowsFieldErrorsThenSaves(t *testing.T) {
	a := openDemo(t, "en")
	s := showStaff(t, a)
	before := len(s.table.Rows())
	a.addInCurrent() // Ctrl+N
	settle(a)
	fd := a.lastForm
	if fd == nil || len(a.dialogs) != 1 {
		t.Fatal("Ctrl+N did not open the form")
	}
	fill(t, a, fd, "fte", "полставки")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("full_name"); got != "Required" {
		t.Errorf("full name error %q", got)
	}
	if got := fd.form.Error("grade"); got == "" {
		t.Error("no error for the missing grade")
	}
	if got := fd.form.Error("fte"); got != "Enter a number" {
		t.Errorf("FTE error %q", got)
	}
	fill(t, a, fd, "fte", "1,5")
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("fte"); !strings.Contains(got, "0.1") || !strings.Contains(got, "1") {
		t.Errorf("FTE range error %q", got)
	}
	if len(a.dialogs) != 1 {
		t.Fatal("the form closed although it has errors")
	}

	fill(t, a, fd, "full_name", "Морозова Алина Игоревна")
	choose(t, a, fd, "grade", 0)
	fill(t, a, fd, "fte", "0,5")
	fill(t, a, fd, "email", "a.morozova@agency.ru")
	test.Tap(fd.save)
	settle(a)
	if fd.form.HasErrors() || len(a.dialogs) != 0 {
		t.Fatalf("valid person not saved: %q", texts(fd.form.Object()))
	}
	rows, _ := a.store().ListStaff(ctx(), data.StaffFilter{Search: "Морозова Алина"})
	if len(rows) != 1 || rows[0].FTE != 0.5 {
		t.Fatalf("saved rows %+v", rows)
	}
	if s.detail == nil || s.detail.heading.Text != "Морозова Алина Игоревна" {
		t.Error("the new person's card is not open")
	}
	s.closeDetail()
	if len(s.table.Rows()) != before+1 {
		t.Errorf("list has %d rows, want %d", len(s.table.Rows()), before+1)
	}
}

func TestStaffArchive(t *testing.T) {
	a := openDemo(t, "en")
	s := showStaff(t, a)
	var leader, free data.StaffRow
	for _, r := range s.table.Rows() {
		if r.LeadClients > 0 && leader.ID == 0 {
			leader = r
		}
		if r.LeadClients == 0 && free.ID == 0 {
			free = r
		}
	}
	if leader.ID == 0 || free.ID == 0 {
		t.Fatal("demo data lacks a person with and one without clients")
	}

	// Someone who still leads clients cannot leave: the error says so and nothing changes.
	s.openDetail(leader.ID)
	settle(a)
	s.detail.askArchive()
	fd := a.lastForm
	test.Tap(fd.save)
	settle(a)
	if msg := fd.form.GeneralError(); !strings.Contains(msg, "leads") && !strings.Contains(msg, "hand them") {
		t.Errorf("archive of a lead: %q", msg)
	}
	fd.dlg.Hide()
	if p, _ := a.store().GetStaff(ctx(), leader.ID); p.Status == data.StaffLeft {
		t.Fatal("a lead of clients was archived")
	}

	s.openDetail(free.ID)
	settle(a)
	test.Tap(s.detail.archive)
	settle(a)
	test.Tap(a.lastForm.save)
	settle(a)
	if p, _ := a.store().GetStaff(ctx(), free.ID); p.Status != data.StaffLeft {
		t.Fatalf("not archived: %+v", p)
	}
	s.closeDetail()
	for _, r := range s.table.Rows() {
		if r.ID == free.ID {
			t.Error("a person who left is still in the default list")
		}
	}
	s.statusSel.setValue(string(data.StaffLeft))
	settle(a)
	found := false
	for _, r := range s.table.Rows() {
		found = found || r.ID == free.ID
	}
	if !found {
		t.Error("the person is not in the Left filter")
	}
}

func TestEscapeClosesDialogs(t *testing.T) {
	a := openDemo(t, "en")
	showStaff(t, a)
	a.addInCurrent()
	settle(a)
	name := a.lastForm.form.Input("full_name").(*widgets.Entry)
	a.win.Canvas().Focus(name)
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(a.dialogs) != 0 {
		t.Fatal("Escape in a field did not close the dialog")
	}
	a.addInCurrent()
	settle(a)
	a.win.Canvas().Unfocus()
	a.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(a.dialogs) != 0 {
		t.Fatal("Escape did not close the dialog")
	}
}

func TestCtrlFFocusesSearch(t *testing.T) {
	a := openDemo(t, "en")
	s := showStaff(t, a)
	a.focusSearch()
	if a.win.Canvas().Focused() != s.search {
		t.Error("Ctrl+F did not focus the staff search")
	}
}

func TestGradeChangeAsksForDateAndReason(t *testing.T) {
	a := openDemo(t, "en")
	s := showStaff(t, a)
	var p data.StaffRow
	for _, r := range s.table.Rows() {
		if r.Grade.Rank == 1 {
			p = r
			break
		}
	}
	s.openDetail(p.ID)
	settle(a)
	test.Tap(s.detail.edit)
	settle(a)
	fd := a.lastForm
	if fd.form.Shown("grade_reason") || fd.form.Shown("grade_date") {
		t.Error("the reason for a grade change is asked before the grade changed")
	}
	choose(t, a, fd, "grade", 1) // one step up the ladder
	if !fd.form.Shown("grade_reason") || !fd.form.Shown("grade_date") {
		t.Fatal("changing the grade does not ask for the reason")
	}
	test.Tap(fd.save)
	settle(a)
	if got := fd.form.Error("grade_reason"); got != "Required" {
		t.Errorf("reason error %q", got)
	}
	fill(t, a, fd, "grade_reason", "По итогам оценки")
	test.Tap(fd.save)
	settle(a)
	if len(a.dialogs) != 0 {
		t.Fatalf("not saved: %q", texts(fd.form.Object()))
	}
	d, _ := a.store().StaffDetail(ctx(), p.ID)
	if d.Grade.Rank != 2 || len(d.GradeHistory) < 2 || d.GradeHistory[0].Reason != "По итогам оценки" {
		t.Fatalf("grade %d, history %+v", d.Grade.Rank, d.GradeHistory)
	}
	if !containsText(s.detail.root, d.Grade.NameEN) {
		t.Error("the card does not show the new grade")
	}
}
