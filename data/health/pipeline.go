package health

import (
	"cmp"
	"context"
	"database/sql"
	"math"
	"slices"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/table"
)

// The upsell and cross-sell pipeline per manager: open opportunities, in roubles and
// weighted by their probability, under the client's current lead.

// ManagerPipeline is one manager's open opportunities. ManagerID 0 (Manager "") is
// the row of clients without a lead.
type ManagerPipeline struct {
	ManagerID int64
	Manager   string
	Open      int
	Total     float64 // roubles
	Weighted  float64 // roubles times probability
	Upsell    float64 // weighted roubles of upsell
	CrossSell float64 // weighted roubles of cross-sell
}

// pipelineLeadOnSQL picks the lead of client `clientCol` on the day bound as ?1: the
// assignment in force that day, the latest started should two overlap.
func pipelineLeadOnSQL(clientCol string) string {
	return `(SELECT a.id FROM assignments a WHERE a.client_id = ` + clientCol + ` AND a.role = 'lead'
		AND a.start_date <= ?1 AND (a.end_date IS NULL OR a.end_date >= ?1) ORDER BY a.start_date DESC LIMIT 1)`
}

// Pipeline sums the opportunities open on asOf (created by then, not archived with
// their client) by the client's lead on asOf: the largest weighted pipeline first,
// the clients without a lead last.
func Pipeline(ctx context.Context, s *data.Store, asOf time.Time) ([]ManagerPipeline, error) {
	var out []ManagerPipeline
	err := s.EachRow(ctx, `SELECT coalesce(l.staff_id, 0), coalesce(m.full_name, ''), count(*), sum(o.amount),
			sum(o.amount * o.probability) / 100.0,
			coalesce(sum(CASE WHEN o.kind = 'upsell' THEN o.amount * o.probability END), 0) / 100.0,
			coalesce(sum(CASE WHEN o.kind = 'cross_sell' THEN o.amount * o.probability END), 0) / 100.0
		FROM opportunities o
		JOIN clients c ON c.id = o.client_id
		LEFT JOIN assignments l ON l.id = `+pipelineLeadOnSQL("o.client_id")+`
		LEFT JOIN staff m ON m.id = l.staff_id
		WHERE o.status = 'open' AND o.created_on <= ?1 AND (c.archived_on IS NULL OR c.archived_on > ?1)
		GROUP BY coalesce(l.staff_id, 0)`, []any{data.DateOf(asOf).Format(data.DateLayout)},
		func(r *sql.Rows) error {
			var p ManagerPipeline
			if err := r.Scan(&p.ManagerID, &p.Manager, &p.Open, &p.Total, &p.Weighted, &p.Upsell,
				&p.CrossSell); err != nil {
				return err
			}
			out = append(out, p)
			return nil
		})
	slices.SortFunc(out, func(a, b ManagerPipeline) int {
		return cmp.Or(cmp.Compare(pipelineNoLead(a), pipelineNoLead(b)), cmp.Compare(b.Weighted, a.Weighted),
			cmp.Compare(a.Manager, b.Manager))
	})
	return out, err
}

func pipelineNoLead(p ManagerPipeline) int {
	if p.ManagerID == 0 {
		return 1
	}
	return 0
}

// pipelineManagerName is the row's manager, or "no lead" in the language.
func pipelineManagerName(p ManagerPipeline, lang string) string {
	if p.ManagerID == 0 {
		return locale.Messages(lang).T("health.pipeline.no_lead", nil)
	}
	return p.Manager
}

// PipelineChart stacks each manager's weighted pipeline by kind: upsell, then
// cross-sell.
func PipelineChart(p []ManagerPipeline, lang string, style charts.Style) charts.StackedBarChart {
	w := locale.Messages(lang)
	c := charts.StackedBarChart{Title: w.T("health.pipeline.title", nil),
		Subtitle: w.T("health.pipeline.subtitle", nil),
		Segments: []string{w.T("opportunity.kind.upsell", nil), w.T("opportunity.kind.cross_sell", nil)},
		Format:   func(v float64) string { return charts.FormatShort(lang, charts.UnitRoubles, v) },
		Empty:    w.T("health.pipeline.empty", nil), Style: style}
	for _, m := range p {
		c.Categories = append(c.Categories, pipelineManagerName(m, lang))
		c.Values = append(c.Values, []float64{m.Upsell, m.CrossSell})
	}
	return c
}

var pipelineTableColumns = []table.Column{
	{Key: "manager", TitleRU: "Менеджер", TitleEN: "Manager", Kind: table.Text},
	{Key: "open", TitleRU: "Открытых возможностей", TitleEN: "Open opportunities", Kind: table.Integer},
	{Key: "total", TitleRU: "Сумма, ₽", TitleEN: "Total, RUB", Kind: table.Money},
	{Key: "weighted", TitleRU: "С учётом вероятности, ₽", TitleEN: "Weighted, RUB", Kind: table.Money},
	{Key: "upsell", TitleRU: "Допродажа с учётом вероятности, ₽", TitleEN: "Upsell weighted, RUB", Kind: table.Money},
	{Key: "cross_sell", TitleRU: "Кросс-продажа с учётом вероятности, ₽", TitleEN: "Cross-sell weighted, RUB",
		Kind: table.Money},
}

// PipelineTable lists the pipeline per manager in the order of Pipeline.
func PipelineTable(p []ManagerPipeline, lang string) table.Table {
	rows := make([][]any, 0, len(p))
	for _, m := range p {
		rows = append(rows, []any{pipelineManagerName(m, lang), int64(m.Open), pipelineRoubles(m.Total), pipelineRoubles(m.Weighted),
			pipelineRoubles(m.Upsell), pipelineRoubles(m.CrossSell)})
	}
	return table.FromRows(locale.Messages(lang).T("health.pipeline.title", nil), pipelineTableColumns, rows)
}

// pipelineRoubles rounds a sum for a Money cell.
func pipelineRoubles(v float64) int64 { return int64(math.Round(v)) }

var opportunityTableColumns = []table.Column{
	{Key: "client", TitleRU: "Клиент", TitleEN: "Client", Kind: table.Text},
	{Key: "service", TitleRU: "Услуга", TitleEN: "Service", Kind: table.Text},
	{Key: "kind", TitleRU: "Вид", TitleEN: "Kind", Kind: table.Text},
	{Key: "amount", TitleRU: "Сумма, ₽", TitleEN: "Amount, RUB", Kind: table.Money},
	{Key: "probability", TitleRU: "Вероятность", TitleEN: "Probability", Kind: table.Percent},
	{Key: "weighted", TitleRU: "С учётом вероятности, ₽", TitleEN: "Weighted, RUB", Kind: table.Money},
	{Key: "expected", TitleRU: "Ожидается", TitleEN: "Expected on", Kind: table.Date},
	{Key: "status", TitleRU: "Состояние", TitleEN: "Status", Kind: table.Text},
	{Key: "created", TitleRU: "Заведена", TitleEN: "Created on", Kind: table.Date},
}

// OpportunitiesTable lists opportunities as given (see data.Store.Opportunities).
func OpportunitiesTable(list []data.Opportunity, lang string) table.Table {
	w := locale.Messages(lang)
	rows := make([][]any, 0, len(list))
	for _, o := range list {
		rows = append(rows, []any{o.Client, opportunityServiceName(o.Service, lang), w.T("opportunity.kind."+o.Kind, nil),
			o.Amount, float64(o.Probability) / 100, pipelineRoubles(o.Weighted()), table.DateValue(o.ExpectedOn),
			w.T("opportunity.status."+o.Status, nil), table.DateValue(o.CreatedOn)})
	}
	return table.FromRows(w.T("health.opportunities.title", nil), opportunityTableColumns, rows)
}

// opportunityServiceName translates a service of the catalogue and keeps one written in words.
func opportunityServiceName(service, lang string) string {
	if slices.Contains(data.Services, service) {
		return locale.Messages(lang).T("service."+service, nil)
	}
	return service
}
