package kpi

import (
	"math"

	"leadboard/data"
)

// Budget growth is not pooled from parts: it compares the budget under management
// at the end of a period with the budget a period (or a year) earlier, for the same
// client, manager or department.

func isGrowth(code string) bool { return code == "budget_mom" || code == "budget_yoy" }

// growthLag is how many months back a growth KPI looks from the period's end:
// one period for "on the month before" (a quarter for quarters), twelve for a year.
func growthLag(code string, p Period) int {
	switch code {
	case "budget_mom":
		return int(p.length())
	case "budget_yoy":
		return 12
	}
	return 0
}

// growth is the change, in per cent, of the budget at the period's end against
// lag months earlier; NaN when there was no budget to compare with.
func (m measured) growth(entity int64, p Period, lag int) float64 {
	now := m.e.finalize(m.cells.over(entity, MonthPeriod(p.To), data.CombineLast))
	then := m.e.finalize(m.cells.over(entity, MonthPeriod(p.To-data.Month(lag)), data.CombineLast))
	if math.IsNaN(now) || math.IsNaN(then) || then == 0 {
		return math.NaN()
	}
	return (now/then - 1) * 100
}
