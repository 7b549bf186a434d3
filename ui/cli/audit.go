package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/audit"
)

// whatAudit is the department audit's export: --view picks the chart and table.
const whatAudit = "audit"

// The audit's views; the first is the default. Some are tables only.
var (
	auditViews      = []string{"sections", "items", "trend", "compare", "actions", "procedures"}
	auditTableViews = []string{"actions", "procedures"}
)

// exportAudit writes an audit's section scores (its chart or table), its checklist
// with the figures from the data, the trend across audits, the comparison of two
// audits, the action items or the procedures register.
func (e *env) exportAudit(args []string) int {
	var x chartExport
	fs := e.exportFlags(&x)
	on := fs.String("audit", "", "")
	against := fs.String("compare", "", "")
	view := fs.String("view", auditViews[0], "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if !x.valid() || !oneOf(*view, auditViews) {
		fmt.Fprintln(e.stderr, e.t("cli.export_audit.usage", nil))
		return ExitUsage
	}
	if !e.pictureOf(*view, auditTableViews, x.format) {
		return ExitUsage
	}
	return e.exportView(x, func(ctx context.Context, st *data.Store) (exportedView, int, error) {
		v, err := e.auditView(ctx, st, *view, *on, *against)
		if err != nil {
			return v, e.failExplained(err), err
		}
		return v, ExitOK, nil
	})
}

// pictureOf refuses, with what to do instead, a PNG or SVG of a view that is a
// table only.
func (e *env) pictureOf(view string, tableViews []string, format string) bool {
	if oneOf(view, tableViews) && (format == "png" || format == "svg") {
		fmt.Fprintln(e.stderr, e.t("cli.export_audit.table_only", map[string]any{"View": view}))
		return false
	}
	return true
}

func (e *env) auditView(ctx context.Context, st *data.Store, view, on, against string) (exportedView, error) {
	today := st.Today()
	switch view {
	case "actions":
		actions, err := st.Actions(ctx)
		return exportedView{table: audit.ActionsTable(actions, nil, today, e.lang)}, err
	case "procedures":
		return e.proceduresView(ctx, st)
	}
	results, err := audit.Results(ctx, st)
	if err != nil {
		return exportedView{}, err
	}
	if view == "trend" {
		return exportedView{audit.TrendChart(results, e.lang, charts.Print), audit.TrendTable(results, e.lang)}, nil
	}
	r, err := e.chosenAudit(results, on, len(results)-1)
	if err != nil {
		return exportedView{}, err
	}
	switch view {
	case "items":
		return e.auditItemsView(ctx, st, r)
	case "compare":
		return e.comparisonView(ctx, st, results, r, against)
	}
	return exportedView{audit.SectionChart(r, e.lang, charts.Print), audit.SectionsTable(r, e.lang)}, nil
}

// chosenAudit is the audit held on the day given, or the one at index def when no
// day is given; a day without an audit is explained with the days there are.
func (e *env) chosenAudit(results []audit.Result, day string, def int) (audit.Result, error) {
	if strings.TrimSpace(day) == "" {
		if def < 0 || def >= len(results) {
			fmt.Fprintln(e.stderr, e.t("cli.export_audit.none", nil))
			return audit.Result{}, errNotFound
		}
		return results[def], nil
	}
	t, err := data.ParseDate(day)
	if err == nil {
		if r, ok := audit.ResultOn(results, t); ok {
			return r, nil
		}
	}
	var days []string
	for _, r := range results {
		days = append(days, r.Audit.HeldOn.Format(time.DateOnly))
	}
	fmt.Fprintln(e.stderr, e.t("cli.export_audit.unknown", map[string]any{"Day": day, "Days": strings.Join(days, ", ")}))
	return audit.Result{}, errNotFound
}

func (e *env) auditItemsView(ctx context.Context, st *data.Store, r audit.Result) (exportedView, error) {
	items, err := st.AuditItems(ctx, r.Audit.ID)
	if err != nil {
		return exportedView{}, err
	}
	evidence, err := audit.Evidence(ctx, st, r.Audit.HeldOn)
	if err != nil {
		return exportedView{}, err
	}
	owners, err := staffNames(ctx, st)
	if err != nil {
		return exportedView{}, err
	}
	return exportedView{audit.SectionChart(r, e.lang, charts.Print),
		audit.ItemsTable(r, items, evidence, owners, e.lang)}, nil
}

// comparisonView compares an audit with an earlier one (--compare DAY; by default
// the audit before it).
func (e *env) comparisonView(ctx context.Context, st *data.Store, results []audit.Result, after audit.Result,
	against string) (exportedView, error) {
	before := -1
	for i, r := range results {
		if r.Audit.ID == after.Audit.ID {
			before = i - 1
		}
	}
	if before < 0 && strings.TrimSpace(against) == "" {
		fmt.Fprintln(e.stderr, e.t("cli.export_audit.nothing_to_compare", nil))
		return exportedView{}, errNotFound
	}
	b, err := e.chosenAudit(results, against, before)
	if err != nil {
		return exportedView{}, err
	}
	switch {
	case b.Audit.ID == after.Audit.ID:
		fmt.Fprintln(e.stderr, e.t("cli.export_audit.same", nil))
		return exportedView{}, errNotFound
	case b.Audit.HeldOn.After(after.Audit.HeldOn):
		b, after = after, b // the earlier audit is always "before"
	}
	all, err := st.AllAuditItems(ctx)
	if err != nil {
		return exportedView{}, err
	}
	c := audit.Compare(b, after, all[b.Audit.ID], all[after.Audit.ID])
	return exportedView{audit.ComparisonChart(c, e.lang, charts.Print), audit.ComparisonTable(c, e.lang)}, nil
}

// failExplained gives the exit code of a failure already explained (a day without
// an audit, an unknown client) or explains any other.
func (e *env) failExplained(err error) int {
	if err == errNotFound {
		return ExitUsage
	}
	return e.fail(err)
}

func oneOf(v string, choices []string) bool {
	for _, c := range choices {
		if v == c {
			return true
		}
	}
	return false
}

// staffNames maps everyone, people who left included, to their full names.
func staffNames(ctx context.Context, st *data.Store) (map[int64]string, error) {
	people, err := st.ListStaff(ctx, data.StaffFilter{Statuses: []data.StaffStatus{data.StaffActive, data.StaffOnLeave,
		data.StaffLeft}})
	names := map[int64]string{}
	for _, p := range people {
		names[p.ID] = p.FullName
	}
	return names, err
}

// proceduresView is the procedures register, reviews overdue marked.
func (e *env) proceduresView(ctx context.Context, st *data.Store) (exportedView, error) {
	ps, err := st.Procedures(ctx)
	return exportedView{table: audit.ProceduresTable(ps, st.Today(), e.lang)}, err
}
