package cli

import (
	"cmp"
	"context"
	"fmt"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/workload"
)

// Workload views the export command writes.
const (
	whatWorkload = "workload"
	whatPlan     = "workload-plan"
)

// exportWorkload writes the workload chart (PNG, SVG) or table (CSV, XLSX), or the
// plan Suggest makes for today's data (CSV, XLSX; PNG, SVG: before and after).
func (e *env) exportWorkload(args []string) int {
	var x chartExport // --kpi, --entity and the like are not used here
	fs := e.exportFlags(&x)
	byTier := fs.Bool("by-tier", false, "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if !x.valid() {
		fmt.Fprintln(e.stderr, e.t("cli.export_workload.usage", nil))
		return ExitUsage
	}
	return e.exportView(x, func(ctx context.Context, st *data.Store) (exportedView, int, error) {
		view, err := e.workloadView(ctx, st, x.what, *byTier)
		if err != nil {
			return view, e.fail(err), err
		}
		return view, ExitOK, nil
	})
}

func (e *env) workloadView(ctx context.Context, st *data.Store, what string, byTier bool) (exportedView, error) {
	coeffs, err := workload.LoadCoefficients(ctx, st)
	if err != nil {
		return exportedView{}, err
	}
	snap, err := workload.Take(ctx, st, coeffs)
	if err != nil {
		return exportedView{}, err
	}
	msg := e.msg
	if what == whatPlan {
		plan := workload.Suggest(snap, workload.Locks{})
		if !plan.Reached {
			fmt.Fprintln(e.stderr, e.t("workload.not_reached."+cmp.Or(plan.Reason, "other"), nil))
		}
		chart := workload.PairChart(snap, plan.Moves, e.lang, charts.Print)
		return exportedView{chart, workload.PlanTable(snap, plan.Moves, e.lang, msg.T("workload.plan_table", nil))}, nil
	}
	loads := snap.Loads()
	workload.SortFullestFirst(loads)
	chart := workload.ChartOf(loads, coeffs, e.lang, byTier, charts.Print)
	return exportedView{chart, workload.LoadTable(loads, e.lang, msg.T("workload.table", nil))}, nil
}
