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
	return e.exportView(x, func(ctx context.Context, st *data.Store) (kpiView, int, error) {
		id, err := e.findCycle(ctx, st, *cycle)
		if err != nil {
			return kpiView{}, ExitUsage, err
		}
		r, err := calibration.Load(ctx, st, id)
		if err != nil {
			return kpiView{}, e.fail(err), err
		}
		view := kpiView{table: r.ScoresTable(e.lang)}
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
			view.chart = all.History(r.DefaultHistoryPeople()).Chart(e.lang, charts.Print)
		default:
			view.chart = r.HistogramChart(e.lang, charts.Print)
		}
		return view, ExitOK, nil
	})
}

// errNoCycle: the cycle named does not exist (the names were listed).
var errNoCycle = fmt.Errorf("no such review cycle")

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
		return 0, errNoCycle
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
	return 0, errNoCycle
}
