package demo

import (
	"math"

	"leadboard/data"
)

// Campaign results, the entered KPIs, month by month while a client is served. They
// are drawn so that they agree with each other as a client's report would: the
// spend follows the budget in force, leads are the spend over a cost per lead,
// sales are leads times the conversion, and return on marketing investment is what
// the sales earned over the spend. Prices follow the auction's year (dear before New
// Year, cheap in January and summer) and rise with inflation.

// econ is what a client's advertising costs and brings, at the window's first prices.
type econ struct {
	cpl    float64 // rubles per lead
	conv   float64 // per cent of leads that buy
	ctr    float64 // per cent of impressions clicked
	cpm    float64 // rubles per thousand impressions
	freq   float64 // impressions per person reached
	profit float64 // gross profit per sale, rubles
	use    float64 // share of the budget usually spent
}

// industryEcon: typical cost per lead, conversion to sale and click-through rate of
// an industry's campaigns.
var industryEcon = map[string]struct{ cpl, conv, ctr float64 }{
	"Ритейл": {650, 22, 0.9},
	"Товары повседневного спроса":   {380, 28, 0.7},
	"Интернет-торговля":             {480, 32, 1.2},
	"Банки":                         {2400, 12, 0.8},
	"Страхование":                   {1700, 16, 0.9},
	"Телеком":                       {1200, 20, 1.0},
	"Электроника и бытовая техника": {950, 17, 1.1},
	"Фармацевтика":                  {700, 18, 0.6},
	"Медицина":                      {1500, 30, 1.3},
	"Автомобили":                    {3200, 7, 0.9},
	"Девелопмент":                   {5500, 4, 0.7},
	"Рестораны":                     {400, 38, 1.4},
	"Туризм":                        {1100, 14, 1.2},
	"Красота и уход":                {520, 27, 1.1},
	"Образование":                   {1300, 11, 1.0},
	"Логистика":                     {2100, 13, 0.8},
}

var (
	// spendSeason is the share of the month's budget that gets spent: the New Year
	// and May holidays leave campaigns idle for days.
	spendSeason = [13]float64{0, 0.82, 0.97, 1, 1, 0.93, 0.97, 0.95, 0.96, 1, 1, 1, 0.98}
	// auction is the price of a lead or an impression against the year's average.
	auction = [13]float64{0, 0.9, 0.95, 1, 1, 0.98, 0.94, 0.92, 0.95, 1.03, 1.07, 1.12, 1.15}
)

// inflation is the yearly rise of advertising prices (log).
const inflation = 0.1

// pausedShare is how much of its budget a paused client still spends: an always-on
// search campaign keeps running while the rest waits.
const pausedShare = 0.1

func (g *gen) planCampaigns() {
	for _, c := range g.clients {
		if c.status == data.ClientProspect {
			continue
		}
		ind := industryEcon[c.industry.name]
		e := econ{cpl: ind.cpl * g.camp.noise(0.25), conv: ind.conv * g.camp.noise(0.2), ctr: ind.ctr * g.camp.noise(0.2),
			cpm: g.camp.uniform(180, 420), freq: g.camp.uniform(2.2, 4.2), use: g.camp.uniform(0.9, 1)}
		// The profit per sale is set so that a typical month returns 30-200% on the spend.
		e.profit = e.cpl / (e.conv / 100) * (1 + g.camp.uniform(0.3, 2))
		c.econ = e
	}
}

// planMonths names the window's months, "YYYY-MM", as kpi_values stores them.
func (g *gen) planMonths() {
	for m := g.ws; m <= g.asOf; m = m.addMonths(1) {
		g.months = append(g.months, monthKey(m))
	}
}

// monthResult is a client's campaign results for one month of the window.
type monthResult struct {
	month                          int // index in g.months
	spend, leads, cpl, romi, reach float64
	ctr, conversion, sales         float64
}

// results appends to buf[:0] the client's results for every finished month of the
// window in which it was served at least a day.
func (g *gen) results(c *client, buf []monthResult) []monthResult {
	buf = buf[:0]
	if c.status == data.ClientProspect {
		return buf
	}
	for i, m := 0, g.ws; m.monthEnd() < g.asOf; i, m = i+1, m.addMonths(1) {
		if m.monthEnd() < c.start || (c.churn != 0 && c.churn <= m) {
			continue
		}
		if active, paused := c.servedDays(m, m.monthEnd()); active+paused > 0 {
			buf = append(buf, g.monthResult(c, i, m, active, paused))
		}
	}
	return buf
}

func (g *gen) monthResult(c *client, i int, m day, active, paused int) monthResult {
	y, mm, _ := m.civil()
	days := daysIn(y, mm)
	mid := m + day(days/2)
	e, r := c.econ, g.camp
	infl := math.Exp(inflation * float64(mid-g.ws) / 365.25)
	prices := infl * auction[mm]
	cplBy, convBy, ctrBy := 1.0, 1.0, 1.0
	switch p := c.trend.progress(mid); c.trend.story {
	case star:
		cplBy, convBy, ctrBy = 1-0.5*p, 1+0.2*p, 1+0.15*p
	case decliner:
		cplBy, convBy, ctrBy = 1+0.5*p, 1-0.25*p, 1-0.15*p
	}
	if c.leaving(mid) { // results slip before a client leaves
		cplBy, convBy = cplBy*1.12, convBy*0.92
	}
	share := (float64(active) + pausedShare*float64(paused)) / float64(days)
	spend := math.Max(1, math.Round(float64(c.budgetOn(mid))*share*e.use*spendSeason[mm]*r.noise(0.05)))
	leads := math.Max(1, math.Round(spend/(e.cpl*prices*cplBy*r.noise(0.08))))
	conv := min(90, e.conv*convBy*r.noise(0.1))
	sales := float64(r.count(leads * conv / 100))
	return monthResult{
		month:      i,
		spend:      spend,
		leads:      leads,
		cpl:        math.Round(spend / leads),
		romi:       math.Round(10*100*(sales*e.profit*infl-spend)/spend) / 10,
		reach:      math.Round(spend / (e.cpm * prices) * 1000 / (e.freq * r.noise(0.05))),
		ctr:        math.Round(100*e.ctr*ctrBy*r.noise(0.07)) / 100,
		conversion: math.Round(100*100*sales/leads) / 100,
		sales:      sales,
	}
}
