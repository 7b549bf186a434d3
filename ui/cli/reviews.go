package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/calibration"
)

// whatReviewScores is the review results view of the export command.
const whatReviewScores = "review-scores"

// reviewCharts are the charts --chart picks for a PNG or SVG of the results.
var reviewCharts = []string{"histogram", "heatmap", "ninebox", "gaps", "history"}

// exportReviews writes a cycle's scores (CSV, XLSX: one row per person with the
// score, band and every criterion's rating) or one of its charts (PNG, SVG).
func (e *env) exportReviews(args []string) int {
	var x chartExport
	fs := e.exportFlags(&x)
	cycle := fs.String("cycle", "", "")
	chart := fs.String("chart", reviewCharts[0], "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if !x.valid() || !slices.Contains(reviewCharts, *chart) {
		fmt.Fprintln(e.stderr, e.t("cli.export_reviews.usage", nil))
		return ExitUsage
	}
	return e.exportView(x, func(ctx context.Context, st *data.Store) (exportedView, int, error) {
		id, err := e.findCycle(ctx, st, *cycle)
		if err != nil {
			return exportedView{}, ExitUsage, err
		}
		r, err := calibration.Load(ctx, st, id)
		if err != nil {
			return exportedView{}, e.fail(err), err
		}
		view := exportedView{table: r.ScoresTable(e.lang)}
		switch *chart {
		case "heatmap":
			view.chart = r.HeatmapChart(e.lang, charts.Print)
		case "ninebox":
			view.chart = r.NineBoxChart(e.lang, charts.Print)
		case "gaps":
			view.chart = r.GapsChart(e.lang, charts.Print)
		case "history":
			all, err := calibration.Load(ctx, st, 0)
			if err != nil {
				return view, e.fail(err), err
			}
			people := r.DefaultHistoryPeople()
			if len(x.entities) > 0 {
				if people, err = e.reviewedPeople(all, x.entities); err != nil {
					return view, ExitUsage, err
				}
			}
			view.chart = all.History(people).Chart(e.lang, charts.Print)
		default:
			view.chart = r.HistogramChart(e.lang, charts.Print)
		}
		return view, ExitOK, nil
	})
}

// reviewedPeople finds the people named (--entity, whatever the case) among those
// reviewed; an unknown name is explained.
func (e *env) reviewedPeople(all calibration.Results, names []string) ([]int64, error) {
	var ids []int64
	for _, name := range names {
		found := false
		for _, v := range all.Reviews {
			if strings.EqualFold(v.Name, strings.TrimSpace(name)) {
				if !slices.Contains(ids, v.StaffID) {
					ids = append(ids, v.StaffID)
				}
				found = true
			}
		}
		if !found {
			fmt.Fprintln(e.stderr, e.t("cli.export_reviews.unknown_person", map[string]any{"Name": name}))
			return nil, errNotFound
		}
	}
	return ids[:min(len(ids), calibration.MaxHistoryPeople)], nil
}

// errNotFound: the cycle or person named is not there (already explained).
var errNotFound = fmt.Errorf("no such review cycle or person")

// findCycle finds a cycle by name, whatever the case; without a name, the one the
// window shows first (calibration.DefaultCycle). An unknown name is explained with
// the names there are.
func (e *env) findCycle(ctx context.Context, st *data.Store, name string) (int64, error) {
	cycles, err := st.ReviewCycles(ctx)
	if err != nil {
		return 0, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		if id := calibration.DefaultCycle(cycles); id != 0 {
			return id, nil
		}
		fmt.Fprintln(e.stderr, e.t("cli.export_reviews.no_cycles", nil))
		return 0, errNotFound
	}
	for _, c := range cycles {
		if strings.EqualFold(c.Name, name) {
			return c.ID, nil
		}
	}
	names := make([]string, len(cycles))
	for i, c := range cycles {
		names[i] = "«" + c.Name + "»"
	}
	fmt.Fprintln(e.stderr, e.t("cli.export_reviews.unknown_cycle", map[string]any{"Name": name,
		"Cycles": strings.Join(names, ", ")}))
	return 0, errNotFound
}
