package kpi

import (
	"math"

	"leadboard/data"
)

// Budget growth is not pooled from parts: it compares the budget under management
// at the end of a period with the budget some months before it, for the same
// client, manager or department.

// lags say how far back growth looks from a period's end.
func onPeriodBefore(p Period) data.Month { return p.length() } // the month, or the quarter, before
func onYearBefore(Period) data.Month     { return 12 }

// growth is the change, in per cent, of the budget at the period's end against lag
// months earlier; NaN when there was no budget to compare with.
func growth(lag func(Period) data.Month) func(m measured, entity int64, p Period) float64 {
	return func(m measured, entity int64, p Period) float64 {
		now := count(m.cells.over(entity, MonthPeriod(p.To), data.CombineLast)) // budgets, as fillBudget sums them
		then := count(m.cells.over(entity, MonthPeriod(p.To-lag(p)), data.CombineLast))
		if math.IsNaN(now) || math.IsNaN(then) || then == 0 {
			return math.NaN()
		}
		return (now/then - 1) * 100
	}
}

// lookBack is how many months before the window a KPI needs (a year for growth).
func lookBack(code string) data.Month {
	if code == "budget_mom" || code == "budget_yoy" {
		return 12
	}
	return 0
}
