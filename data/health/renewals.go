package health

import (
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

// The renewals calendar: contracts in force that end within 30, 60 or 90 days, with
// the client's health and the budget at stake.

// Renewal is a contract in force ending soon.
type Renewal struct {
	ContractID, ClientID int64
	Client, Number, Lead string // Lead: the client's lead on the day asked about, "" none
	Ends                 time.Time
	MonthlyFee           int64 // the contract's fee, roubles
	Budget               int64 // the client's monthly budget on the day asked about: what is at stake
	DaysLeft             int   // from the day asked about to the last day of the contract
	Renewed              bool  // a later contract starts on or after its last day (a draft counts: renewal under way)
	Health               float64
	Band                 string // "red", "amber", "green", or "" without a score
}

// renewalBands are the bands in the order the chart stacks them, the clients
// without a score last.
var renewalBands = append(slices.Clone(Bands), BandNone)

// RenewalBucket is the window a contract falls in: 30 for up to 30 days left, 60 up to
// 60, 90 up to 90 (and on in steps of 30 for a longer window).
func RenewalBucket(daysLeft int) int { return max(1, (daysLeft+29)/30) * 30 }

// Renewals lists the contracts in force on asOf that end within days of it (asOf
// and the day `days` later included), of clients not archived, the soonest first.
// In force is the audit's reading (contractInForce there, inForce here): today an
// active contract; on a past day any but a draft, since the status it had then is
// not kept and one that has ended since was running. A successor renews a contract
// when it is on file now: whether it was already on file on a past asOf is not
// kept either. health maps a client to its score (missing: no score), placed in a
// band by st.
func Renewals(ctx context.Context, s *data.Store, asOf time.Time, days int, health map[int64]float64,
	st Settings) ([]Renewal, error) {
	asOf = data.DateOf(asOf)
	signed := `k.status <> 'draft'`
	if !asOf.Before(s.Today()) {
		signed = `k.status = 'active'`
	}
	var out []Renewal
	err := s.EachRow(ctx, `SELECT k.id, k.client_id, c.name, k.number, coalesce(m.full_name, ''), k.end_date,
			k.monthly_fee,
			coalesce((SELECT b.monthly_budget FROM client_budgets b WHERE b.client_id = k.client_id
				AND b.valid_from <= ?1 ORDER BY b.valid_from DESC LIMIT 1), c.monthly_budget),
			EXISTS (SELECT 1 FROM contracts n WHERE n.client_id = k.client_id AND n.id <> k.id
				AND n.start_date >= k.end_date AND n.status <> 'terminated')
		FROM contracts k
		JOIN clients c ON c.id = k.client_id
		LEFT JOIN assignments l ON l.id = `+pipelineLeadOnSQL("k.client_id")+`
		LEFT JOIN staff m ON m.id = l.staff_id
		WHERE `+signed+` AND k.end_date BETWEEN ?1 AND ?2 AND k.start_date <= ?1 AND c.archived_on IS NULL
		ORDER BY k.end_date, c.name_key, k.id`,
		[]any{asOf.Format(data.DateLayout), asOf.AddDate(0, 0, days).Format(data.DateLayout)},
		func(r *sql.Rows) error {
			var x Renewal
			var ends string
			if err := r.Scan(&x.ContractID, &x.ClientID, &x.Client, &x.Number, &x.Lead, &ends, &x.MonthlyFee,
				&x.Budget, &x.Renewed); err != nil {
				return err
			}
			var err error
			if x.Ends, err = time.Parse(data.DateLayout, ends); err != nil {
				return err
			}
			x.DaysLeft = int(x.Ends.Sub(asOf).Hours() / 24)
			x.Health = math.NaN()
			if score, ok := health[x.ClientID]; ok {
				x.Health = score
			}
			x.Band = st.Band(x.Health)
			out = append(out, x)
			return nil
		})
	return out, err
}

// RenewalsByMonthChart shows, month by month, the monthly budget of the clients whose
// contracts end that month, stacked by health band. A client with two contracts
// ending in one month counts once; months without renewals between the first and
// the last are shown empty.
func RenewalsByMonthChart(rs []Renewal, lang string, style charts.Style) charts.StackedBarChart {
	w := locale.Messages(lang)
	style.Palette = bandPalette(renewalBands)
	c := charts.StackedBarChart{Title: w.T("health.renewals.by_month", nil),
		Subtitle: w.T("health.renewals.by_month_subtitle", nil),
		Format:   func(v float64) string { return charts.FormatShort(lang, charts.UnitRoubles, v) },
		Empty:    w.T("health.renewals.empty", nil), Style: style}
	for _, b := range renewalBands {
		c.Segments = append(c.Segments, BandName(lang, b))
	}
	if len(rs) == 0 {
		return c
	}
	first, last := data.MonthOf(rs[0].Ends), data.MonthOf(rs[0].Ends)
	for _, r := range rs {
		first, last = min(first, data.MonthOf(r.Ends)), max(last, data.MonthOf(r.Ends))
	}
	c.Values = make([][]float64, last-first+1)
	for m := first; m <= last; m++ {
		c.Categories = append(c.Categories, charts.MonthLabel(lang, m.First()))
		c.Values[m-first] = make([]float64, len(renewalBands))
	}
	type clientMonth struct {
		client int64
		month  data.Month
	}
	counted := map[clientMonth]bool{}
	for _, r := range rs {
		key := clientMonth{r.ClientID, data.MonthOf(r.Ends)}
		if counted[key] {
			continue
		}
		counted[key] = true
		c.Values[key.month-first][renewalBandIndex(r.Band)] += float64(r.Budget)
	}
	return c
}

func renewalBandIndex(band string) int {
	if i := slices.Index(renewalBands, band); i >= 0 {
		return i
	}
	return len(renewalBands) - 1
}

var renewalTableColumns = []table.Column{
	{Key: "ends", TitleRU: "Окончание", TitleEN: "Ends", Kind: table.Date},
	{Key: "window", TitleRU: "Срок, дней", TitleEN: "Within, days", Kind: table.Integer},
	{Key: "days_left", TitleRU: "Осталось дней", TitleEN: "Days left", Kind: table.Integer},
	{Key: "client", TitleRU: "Клиент", TitleEN: "Client", Kind: table.Text},
	{Key: "contract", TitleRU: "Договор", TitleEN: "Contract", Kind: table.Text},
	{Key: "lead", TitleRU: "Ведущий", TitleEN: "Lead", Kind: table.Text},
	{Key: "fee", TitleRU: "Вознаграждение в месяц, ₽", TitleEN: "Fee per month, RUB", Kind: table.Money},
	{Key: "budget", TitleRU: "Бюджет в месяц, ₽", TitleEN: "Budget per month, RUB", Kind: table.Money},
	{Key: "renewed", TitleRU: "Продление заведено", TitleEN: "Renewal on file", Kind: table.Bool},
	{Key: "health", TitleRU: "Здоровье", TitleEN: "Health", Kind: table.Number},
	{Key: "band", TitleRU: "Зона", TitleEN: "Band", Kind: table.Text},
}

// RenewalsTable lists the renewals in the order given, each with its 30 / 60 / 90-day
// window.
func RenewalsTable(rs []Renewal, lang string) table.Table {
	w := locale.Messages(lang)
	rows := make([][]any, 0, len(rs))
	for _, r := range rs {
		var score any
		if !math.IsNaN(r.Health) {
			score = math.Round(r.Health)
		}
		rows = append(rows, []any{r.Ends, int64(RenewalBucket(r.DaysLeft)), int64(r.DaysLeft), r.Client, r.Number,
			r.Lead, r.MonthlyFee, r.Budget, r.Renewed, score, BandName(lang, r.Band)})
	}
	return table.FromRows(w.T("health.renewals.title", nil), renewalTableColumns, rows)
}
