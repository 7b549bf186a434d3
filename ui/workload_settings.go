package ui

import (
	"context"
	"maps"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/workload"
	"leadboard/ui/widgets"
)

// workloadFormulaButton opens the form of the workload formula's coefficients.
func (a *App) workloadFormulaButton() *widget.Button {
	return widget.NewButtonWithIcon(T("workload.formula"), theme.SettingsIcon(), func() {
		load(a, new(ticket), func(ctx context.Context, st *data.Store) (workload.Coefficients, error) {
			return workload.LoadCoefficients(ctx, st)
		}, a.editFormula)
	})
}

// formulaField is one number of the formula in the form.
type formulaField struct {
	key   string   // the Validate field name, also the translation's
	value *float64 // where it lives in the coefficients
	scale float64  // shown as value × scale (shares as per cent)
}

func formulaFields(c *workload.Coefficients) []formulaField {
	tier := func(t string) *float64 { v := c.TierPoints[t]; return &v }
	report := func(f string) *float64 { v := c.ReportPoints[f]; return &v }
	return []formulaField{
		{"tier_A", tier("A"), 1}, {"tier_B", tier("B"), 1}, {"tier_C", tier("C"), 1},
		{"points_per_million", &c.PointsPerMillion, 1}, {"min_base", &c.MinBase, 1},
		{"complexity_step", &c.ComplexityStep, 1}, {"service_points", &c.ServicePoints, 1},
		{"report_weekly", report("weekly"), 1}, {"report_biweekly", report("biweekly"), 1},
		{"report_monthly", report("monthly"), 1}, {"report_quarterly", report("quarterly"), 1},
		{"complaint_points", &c.ComplaintPoints, 1}, {"contact_points", &c.ContactPoints, 1},
		{"backup_share", &c.BackupShare, 100}, {"under_below", &c.UnderBelow, 1}, {"over_above", &c.OverAbove, 1},
	}
}

// editFormula shows the coefficients; saving checks them all and applies them to
// every workload figure.
func (a *App) editFormula(c workload.Coefficients) {
	form := widgets.NewForm()
	form.SetIntro(T("workload.formula_intro"))
	base := newChoice([]string{workload.BaseTier, workload.BaseBudget}, func(b string) string { return T("workload.base." + b) }, nil)
	base.setValueQuietly(c.Base)
	form.Add("base", T("workload.field.base"), base, true)
	fields := formulaFields(&c)
	entries := make([]*widgets.Entry, len(fields))
	for i, f := range fields {
		entries[i] = widgets.NewEntry()
		entries[i].SetText(number(*f.value*f.scale, 3))
		form.Add(f.key, T("workload.field."+f.key), entries[i], true)
	}
	reset := widget.NewButtonWithIcon(T("workload.defaults"), theme.HistoryIcon(), nil)
	form.Add("defaults", "", reset, false)
	reset.OnTapped = func() {
		d := workload.Defaults()
		base.setValue(d.Base)
		for i, f := range formulaFields(&d) {
			entries[i].SetText(number(*f.value*f.scale, 3))
		}
	}
	a.showFormDialog(T("workload.formula_title"), form, 560, func(done func(error)) {
		in := &inputs{form: form}
		edited := c
		edited.Base = base.value()
		edited.TierPoints, edited.ReportPoints = map[string]float64{}, maps.Clone(c.ReportPoints)
		read := formulaFields(&edited) // the same fields, pointing into edited
		for i, f := range read {
			*f.value = in.number(f.key, entries[i]) / f.scale
		}
		// Map entries were read into copies: put them back.
		for _, t := range data.Tiers {
			edited.TierPoints[t] = *read[indexOf(read, "tier_"+t)].value
		}
		for _, r := range data.ReportFrequencies {
			if i := indexOf(read, "report_"+r); i >= 0 {
				edited.ReportPoints[r] = *read[i].value
			}
		}
		if err := in.check(edited.Validate()); err != nil {
			done(err)
			return
		}
		save(a, func(ctx context.Context, st *data.Store) error {
			return workload.SaveCoefficients(ctx, st, edited)
		}, func(err error) {
			done(err)
			if err == nil && a.workload != nil {
				a.workload.reload()
			}
		})
	})
}

func indexOf(fields []formulaField, key string) int {
	for i, f := range fields {
		if f.key == key {
			return i
		}
	}
	return -1
}
