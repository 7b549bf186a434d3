package cli

import (
	"context"
	"fmt"
	"strings"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/grades"
)

// Grade views the export command writes.
const (
	whatDistribution = "grade-distribution"
	whatProfile      = "competency-profile"
)

// exportGrades writes the people by grade (--by-team stacks the columns by team)
// or a person's competency profile (--staff NAME), as a chart or its table.
func (e *env) exportGrades(args []string) int {
	var x chartExport
	fs := e.exportFlags(&x)
	byTeam := fs.Bool("by-team", false, "")
	staff := fs.String("staff", "", "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if !x.valid() || (x.what == whatProfile && strings.TrimSpace(*staff) == "") {
		fmt.Fprintln(e.stderr, e.t("cli.export_grades.usage", nil))
		return ExitUsage
	}
	return e.exportView(x, func(ctx context.Context, st *data.Store) (exportedView, int, error) {
		if x.what == whatDistribution {
			d, err := grades.DistributionOf(ctx, st)
			if err != nil {
				return exportedView{}, e.fail(err), err
			}
			return exportedView{d.Chart(e.lang, *byTeam, charts.Print), d.Table(e.lang)}, ExitOK, nil
		}
		id, err := e.findPerson(ctx, st, *staff)
		if err != nil {
			return exportedView{}, ExitUsage, err
		}
		p, err := grades.ProfileOf(ctx, st, id)
		if err != nil {
			return exportedView{}, e.fail(err), err
		}
		return exportedView{p.Chart(e.lang, charts.Print), p.Table(e.lang)}, ExitOK, nil
	})
}

// findPerson finds someone by full name, whatever the case (people who left too).
func (e *env) findPerson(ctx context.Context, st *data.Store, name string) (int64, error) {
	people, err := st.ListStaff(ctx, data.StaffFilter{Search: strings.TrimSpace(name),
		Statuses: []data.StaffStatus{data.StaffActive, data.StaffOnLeave, data.StaffLeft}})
	if err != nil {
		return 0, err
	}
	for _, p := range people {
		if strings.EqualFold(p.FullName, strings.TrimSpace(name)) {
			return p.ID, nil
		}
	}
	fmt.Fprintln(e.stderr, e.t("cli.export_grades.unknown_person", map[string]any{"Name": name}))
	return 0, errNotFound
}
