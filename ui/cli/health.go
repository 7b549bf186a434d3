package cli

import (
	"context"
	"fmt"
	"strings"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/health"
)

// whatHealth is the client health export: --view picks the chart and table.
const whatHealth = "client-health"

// The client health views; the first is the default. Some are tables only.
var (
	healthViews      = []string{"scores", "risks", "trend", "renewals", "pipeline", "opportunities", "settings"}
	healthTableViews = []string{"risks", "opportunities", "settings"}
)

// healthExport is what the client health views take besides the common flags.
type healthExport struct {
	view    string
	clients listFlag
	days    int
}

// exportHealth writes the clients' health (distribution chart, the table of
// scores), the risk list, a few clients' health month by month, the renewals
// calendar, the weighted pipeline, the opportunities or the score's settings.
func (e *env) exportHealth(args []string) int {
	var x chartExport
	var h healthExport
	fs := e.exportFlags(&x)
	fs.StringVar(&h.view, "view", healthViews[0], "")
	fs.Var(&h.clients, "client", "")
	fs.IntVar(&h.days, "days", 90, "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if !x.valid() || !oneOf(h.view, healthViews) || (h.days != 30 && h.days != 60 && h.days != 90) ||
		(h.view == "trend" && len(h.clients) == 0) {
		fmt.Fprintln(e.stderr, e.t("cli.export_health.usage", nil))
		return ExitUsage
	}
	if !e.pictureOf(h.view, healthTableViews, x.format) || !e.monthsGiven(x) {
		return ExitUsage
	}
	return e.exportView(x, func(ctx context.Context, st *data.Store) (exportedView, int, error) {
		v, err := e.healthView(ctx, st, h, x)
		if err != nil {
			return v, e.failExplained(err), err
		}
		return v, ExitOK, nil
	})
}

// monthsGiven checks --from and --to before the database is opened: each YYYY-MM,
// the first not after the second.
func (e *env) monthsGiven(x chartExport) bool {
	for _, v := range []string{x.from, x.to} {
		if _, err := monthFlag(v, 0); err != nil {
			fmt.Fprintln(e.stderr, e.t("kpi.err.month.not_month", map[string]any{"Value": v}))
			return false
		}
	}
	if x.from != "" && x.to != "" && x.from > x.to {
		fmt.Fprintln(e.stderr, e.t("cli.export_health.from_after_to", map[string]any{"From": x.from, "To": x.to}))
		return false
	}
	return true
}

func (e *env) healthView(ctx context.Context, st *data.Store, h healthExport, x chartExport) (exportedView, error) {
	settings, err := health.LoadSettings(ctx, st)
	if err != nil {
		return exportedView{}, err
	}
	today := st.Today()
	switch h.view {
	case "settings":
		return exportedView{table: health.SettingsTable(settings, e.lang)}, nil
	case "pipeline":
		p, err := health.Pipeline(ctx, st, today)
		return exportedView{health.PipelineChart(p, e.lang, charts.Print), health.PipelineTable(p, e.lang)}, err
	case "opportunities":
		list, err := st.Opportunities(ctx, data.OpportunityFilter{})
		return exportedView{table: health.OpportunitiesTable(list, e.lang)}, err
	case "trend":
		return e.healthTrendView(ctx, st, settings, h.clients, x)
	}
	scores, err := health.Scores(ctx, st, settings, today)
	if err != nil {
		return exportedView{}, err
	}
	switch h.view {
	case "risks":
		return exportedView{table: health.RiskTable(scores, 0, e.lang)}, nil
	case "renewals":
		byClient := map[int64]float64{}
		for _, s := range scores {
			byClient[s.ClientID] = s.Score
		}
		rs, err := health.Renewals(ctx, st, today, h.days, byClient, settings)
		return exportedView{health.RenewalsByMonthChart(rs, e.lang, charts.Print), health.RenewalsTable(rs, e.lang)}, err
	}
	return exportedView{health.DistributionChart(scores, settings, e.lang, charts.Print),
		health.ScoresTable(scores, e.lang)}, nil
}

// healthTrendView is the clients' health month by month (--from, --to; by default
// the last 12 months to this one).
func (e *env) healthTrendView(ctx context.Context, st *data.Store, settings health.Settings, names []string,
	x chartExport) (exportedView, error) {
	ids, byID, err := e.findClients(ctx, st, names)
	if err != nil {
		return exportedView{}, err
	}
	to, err := monthFlag(x.to, data.MonthOf(st.Today()))
	if err != nil {
		return exportedView{}, err
	}
	from, err := monthFlag(x.from, to-11)
	if err != nil {
		return exportedView{}, err
	}
	history, err := health.History(ctx, st, settings, ids, from, to)
	if err != nil {
		return exportedView{}, err
	}
	return exportedView{health.TrendChart(history, byID, settings, e.lang, charts.Print),
		health.HistoryTable(history, byID, e.lang)}, nil
}

// findClients finds clients by name, whatever the case, archived ones too; an
// unknown name is explained.
func (e *env) findClients(ctx context.Context, st *data.Store, names []string) ([]int64, map[int64]string, error) {
	var ids []int64
	byID := map[int64]string{}
	for _, name := range names {
		name = strings.TrimSpace(name)
		rows, err := st.ListClients(ctx, data.ClientFilter{Search: name, WithArchived: true})
		if err != nil {
			return nil, nil, err
		}
		found := false
		for _, r := range rows {
			if strings.EqualFold(r.Name, name) && byID[r.ID] == "" {
				ids, byID[r.ID], found = append(ids, r.ID), r.Name, true
			}
		}
		if !found {
			fmt.Fprintln(e.stderr, e.t("cli.export_health.unknown_client", map[string]any{"Name": name}))
			return nil, nil, errNotFound
		}
	}
	return ids, byID, nil
}
