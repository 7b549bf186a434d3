package ui

import (
	"context"

	"leadboard/data"
	"leadboard/ui/widgets"
)

type staffFormData struct {
	grades []data.GradeLevel
	teams  []string
}

// editStaff opens the form for a new (ID 0) or existing person; onSaved gets the id.
func (a *App) editStaff(p data.Staff, onSaved func(id int64)) {
	var t ticket
	load(a, &t, func(ctx context.Context, st *data.Store) (staffFormData, error) {
		var d staffFormData
		var err error
		if d.grades, err = st.Grades(ctx); err != nil {
			return d, err
		}
		d.teams, err = st.Teams(ctx)
		return d, err
	}, func(d staffFormData) { a.showStaffForm(p, d, onSaved) })
}

func (a *App) showStaffForm(p data.Staff, d staffFormData, onSaved func(id int64)) {
	form := widgets.NewForm()
	name := widgets.NewEntry()
	name.SetText(p.FullName)
	position := widgets.NewEntry()
	position.SetText(p.Position)
	position.SetPlaceHolder(T("hint.position"))
	gradeIDs, gradeName := gradeOptions(d.grades)
	grade := newChoice(gradeIDs, gradeName, nil)
	grade.setValue(p.GradeID)
	team := widgets.NewSelectEntry(d.teams)
	team.SetText(p.Team)
	hire := newDateField()
	hire.SetDate(p.HireDate)
	fte := widgets.NewEntry()
	fte.SetText(number(p.FTE, 2))
	capacity := widgets.NewEntry()
	if p.CapacityOverride > 0 {
		capacity.SetText(number(p.CapacityOverride, 2))
	}
	capacity.SetPlaceHolder(T("hint.capacity_override"))
	status := newChoice(data.StaffStatuses, func(s data.StaffStatus) string { return T("staff.status." + string(s)) }, nil)
	status.setValue(p.Status)
	left := newDateField()
	left.SetDate(p.LeftDate)
	email := widgets.NewEntry()
	email.SetText(p.Email)
	phone := widgets.NewEntry()
	phone.SetText(p.Phone)
	phone.SetPlaceHolder("+7 (495) 123-45-67")
	notes := widgets.NewMultiLineEntry()
	notes.SetText(p.Notes)
	gradeDate := newDateField()
	gradeDate.SetDate(a.today())
	gradeReason := widgets.NewEntry()
	gradeReason.SetPlaceHolder(T("hint.grade_reason"))

	form.Add("full_name", T("field.full_name"), name, true)
	form.Add("position", T("field.position"), position, false)
	form.Add("grade", T("field.grade"), grade, true)
	form.Add("grade_date", T("field.grade_date"), gradeDate, true)
	form.Add("grade_reason", T("field.grade_reason"), gradeReason, true)
	form.Add("team", T("field.team"), team, false)
	form.Add("hire_date", T("field.hire_date"), hire, true)
	form.Add("fte", T("field.fte"), fte, true)
	form.Add("capacity_override", T("field.capacity_override"), capacity, false)
	form.Add("status", T("field.status"), status, true)
	form.Add("left_date", T("field.left_date"), left, true)
	form.Add("email", T("field.email"), email, false)
	form.Add("phone", T("field.phone"), phone, false)
	form.Add("notes", T("field.notes"), notes, false)

	// The grade change needs a date and a reason only when the grade of an existing
	// person changes; the date of leaving only when the status is "left".
	syncVisibility := func() {
		if p.ID != 0 && grade.value() != p.GradeID {
			form.Show("grade_date")
			form.Show("grade_reason")
		} else {
			form.Hide("grade_date")
			form.Hide("grade_reason")
		}
		if status.value() == data.StaffLeft {
			form.Show("left_date")
		} else {
			form.Hide("left_date")
		}
	}
	grade.OnChanged = func(string) { syncVisibility() }
	status.OnChanged = func(string) { syncVisibility() }
	syncVisibility()

	title := T("staff.new")
	if p.ID != 0 {
		title = T("staff.edit")
	}
	a.showFormDialog(title, form, 640, func(done func(error)) {
		in := inputs{form: form}
		edited := p
		edited.FullName = in.text(name)
		edited.Position = in.text(position)
		edited.GradeID = grade.value()
		edited.Team = team.Text
		edited.HireDate = in.date("hire_date", hire)
		edited.FTE = in.number("fte", fte)
		edited.CapacityOverride = 0
		if v := in.optionalNumber("capacity_override", capacity); v != nil {
			edited.CapacityOverride = *v
			if *v == 0 { // 0 would read as "none": a person without capacity is on leave
				in.errs = append(in.errs, data.FieldError{Field: "capacity_override", Code: "positive"})
			}
		}
		edited.Status = status.value()
		edited.LeftDate = in.date("left_date", left)
		edited.Email = in.text(email)
		edited.Phone = in.text(phone)
		edited.Notes = notes.Text
		change := data.GradeChange{Date: in.date("grade_date", gradeDate), Reason: in.text(gradeReason)}
		if err := in.check(data.ValidateStaff(edited)); err != nil {
			done(err)
			return
		}
		var id int64
		save(a, func(ctx context.Context, st *data.Store) error {
			var err error
			id, err = st.SaveStaff(ctx, edited, change)
			return err
		}, func(err error) {
			done(err)
			if err == nil {
				onSaved(id)
			}
		})
	})
}
