package demo

import (
	"fmt"

	"leadboard/data"
)

// The entered KPIs: campaign results that account managers type in, or import, each
// month from the clients' and the ad platforms' reports. The migration seeds the
// derived KPIs (computed from the database); the demo adds the entered ones, a value
// of each for every month a client was served, and the targets.

type kpiDef struct {
	code, nameRU, nameEN, unit, direction, combine, defRU, defEN string
}

// enteredKPIs, in the order of monthResult.values.
var enteredKPIs = []kpiDef{
	{"leads", "Заявки", "Leads", data.UnitCount, data.HigherIsBetter, data.CombineSum,
		"Заявки, которые реклама принесла клиенту за месяц: звонки, формы на сайте, сообщения.",
		"Leads the client's advertising brought in the month: calls, web forms, messages."},
	{"cpl", "Стоимость заявки", "Cost per lead", data.UnitRoubles, data.LowerIsBetter, data.CombineAverage,
		"Расход на рекламу за месяц, делённый на число заявок, в рублях.",
		"The month's ad spend divided by its leads, in roubles."},
	{"spend", "Расход на рекламу", "Ad spend", data.UnitRoubles, data.HigherIsBetter, data.CombineSum,
		"Деньги клиента, потраченные на размещение рекламы за месяц, без вознаграждения агентства.",
		"The client's money spent on ad placements in the month, without the agency's fee."},
	{"romi", "Окупаемость вложений в рекламу", "Return on marketing investment (ROMI)", data.UnitPercent, data.HigherIsBetter, data.CombineAverage,
		"Валовая прибыль от продаж по заявкам с рекламы минус расход на рекламу, делённые на этот расход, в процентах.",
		"Gross profit from the sales that came from advertising leads, less the ad spend, divided by the ad spend, in per cent."},
	{"reach", "Охват", "Reach", data.UnitCount, data.HigherIsBetter, data.CombineSum,
		"Сколько человек видели рекламу клиента хотя бы раз за месяц.",
		"People who saw the client's ads at least once in the month."},
	{"ctr", "Доля переходов по рекламе", "Click-through rate", data.UnitPercent, data.HigherIsBetter, data.CombineAverage,
		"Переходы по объявлениям, делённые на их показы, в процентах.",
		"Clicks on the ads divided by their impressions, in per cent."},
	{"conversion", "Конверсия в продажу", "Conversion to sale", data.UnitPercent, data.HigherIsBetter, data.CombineAverage,
		"Доля заявок месяца, которые закончились продажей, в процентах.",
		"Share of the month's leads that ended in a sale, in per cent."},
	{"sales", "Продажи", "Sales", data.UnitCount, data.HigherIsBetter, data.CombineSum,
		"Продажи клиента по заявкам с рекламы за месяц.",
		"The client's sales from advertising leads in the month."},
}

func (r monthResult) values() [8]float64 {
	return [8]float64{r.leads, r.cpl, r.spend, r.romi, r.reach, r.ctr, r.conversion, r.sales}
}

// valueBatch is how many KPI values one INSERT carries.
const valueBatch = 256

// writeKPIs writes the entered KPIs, their values and the targets. The values are
// drawn client by client (the targets need a client's whole history) and written in
// the primary key's order, KPI by KPI and month by month, so that the table only
// ever grows at its end.
func (g *gen) writeKPIs(w *writer, sum *Summary) error {
	ids := g.writeCatalogue(w)
	t := &targetPlan{ids: ids, deptLeads: map[int]float64{}}
	results := make([][]monthResult, len(g.clients))
	type ref struct{ client, result int32 }
	byMonth := make([][]ref, len(g.months)) // in client order
	for i, c := range g.clients {
		results[i] = g.results(c, nil)
		for j, r := range results[i] {
			byMonth[r.month] = append(byMonth[r.month], ref{int32(i), int32(j)})
		}
		g.clientTargets(t, c, results[i])
	}
	g.report(0.52)
	values := w.batch(`INSERT INTO kpi_values (kpi_id, month, entity_id, value) VALUES `, 4, valueBatch)
	for k, kpi := range enteredKPIs {
		id := any(ids[kpi.code]) // boxed once: the same few values go into two million rows
		for m, refs := range byMonth {
			if err := w.ctx.Err(); err != nil {
				return err
			}
			if w.err != nil {
				return w.err
			}
			month := any(g.months[m])
			for _, r := range refs {
				values.add(id, month, g.clients[r.client].id, results[r.client][r.result].values()[k])
			}
			sum.KPIValues += len(refs)
		}
		g.report(0.52 + 0.13*float64(k+1)/float64(len(enteredKPIs)))
	}
	values.flush()
	g.staffTargets(t)
	g.departmentTargets(t)
	sum.KPITargets = g.writeTargets(w, t)
	if w.err != nil {
		return w.err
	}
	return w.ctx.Err()
}

// writeCatalogue adds the entered KPIs and returns the ids of all KPIs by code.
func (g *gen) writeCatalogue(w *writer) map[string]int64 {
	st := w.prep(`INSERT INTO kpis (code, name_ru, name_en, unit, direction, combine, level, source,
		definition_ru, definition_en) VALUES (?, ?, ?, ?, ?, ?, 'client', 'entered', ?, ?)`)
	for _, k := range enteredKPIs {
		w.exec(st, k.code, k.nameRU, k.nameEN, k.unit, k.direction, k.combine, k.defRU, k.defEN)
	}
	ids := map[string]int64{}
	if w.err != nil {
		return ids
	}
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, code FROM kpis`)
	if err != nil {
		w.err = err
		return ids
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var code string
		if w.err = rows.Scan(&id, &code); w.err != nil {
			return ids
		}
		ids[code] = id
	}
	if w.err = rows.Err(); w.err == nil {
		for _, code := range targetCodes {
			if ids[code] == 0 {
				w.err = fmt.Errorf("no KPI %q to set targets for", code)
			}
		}
	}
	return ids
}
