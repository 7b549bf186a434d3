package health

import (
	"math"
	"time"

	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/workload"
)

// The eight measures, each a pure function of a client's facts: a score 0-100
// (NaN: nothing to judge by) and, when the score is below ReasonsBelow, the
// reasons in figures. The package comment says what each one means.

// ReasonsBelow is the measure score under which a measure explains itself in the
// risk list.
const ReasonsBelow = 50

// Measure codes, also the keys of the weights.
const (
	MeasureKPI          = "kpi"
	MeasureSatisfaction = "satisfaction"
	MeasureComplaints   = "complaints"
	MeasureSLA          = "sla"
	MeasureReports      = "reports"
	MeasureBudget       = "budget"
	MeasureRenewal      = "renewal"
	MeasureCoverage     = "coverage"
)

// Measures in the order they are shown.
var Measures = []string{MeasureKPI, MeasureSatisfaction, MeasureComplaints, MeasureSLA, MeasureReports,
	MeasureBudget, MeasureRenewal, MeasureCoverage}

// Scoring constants; the package comment explains them.
const (
	satisfactionDropPoints = 20 // score points lost per rating point fallen
	complaintPoints        = 25 // score points per complaint (an escalation counts two)
	escalationWeight       = 2
	renewalDays            = 60 // a contract ending within this many days needs its renewal
	overloadedScore        = 50
	budgetZeroAt           = -0.5 // the budget growth that scores 0
)

type scorer func(f *facts, c *clientFacts) (float64, []Reason)

var scorers = map[string]scorer{
	MeasureKPI: scoreKPI, MeasureSatisfaction: scoreSatisfaction, MeasureComplaints: scoreComplaints,
	MeasureSLA: scoreSLA, MeasureReports: scoreReports, MeasureBudget: scoreBudget, MeasureRenewal: scoreRenewal,
	MeasureCoverage: scoreCoverage,
}

// explain keeps the reasons only for a score below ReasonsBelow.
func explain(score float64, reasons ...Reason) (float64, []Reason) {
	if math.IsNaN(score) || score >= ReasonsBelow {
		return score, nil
	}
	return score, reasons
}

func clamp(v float64) float64 { return math.Max(0, math.Min(100, v)) }

func scoreKPI(f *facts, c *clientFacts) (float64, []Reason) {
	a, ok := f.kpi[c.id]
	if !ok {
		return math.NaN(), nil
	}
	return explain(math.Min(100, a), Reason{Code: ReasonKPI, Value: a})
}

func scoreSatisfaction(_ *facts, c *clientFacts) (float64, []Reason) {
	if c.ratings.n == 0 {
		return math.NaN(), nil
	}
	avg := c.ratings.sum / c.ratings.n
	score := (avg - 1) / 4 * 100
	if c.earlier.n > 0 {
		if before := c.earlier.sum / c.earlier.n; before > avg {
			score -= satisfactionDropPoints * (before - avg)
			return explain(clamp(score), Reason{Code: ReasonSatisfactionFell, Before: before, Value: avg})
		}
	}
	return explain(clamp(score), Reason{Code: ReasonSatisfactionLow, Value: avg})
}

func scoreComplaints(_ *facts, c *clientFacts) (float64, []Reason) {
	weight := c.complaints + escalationWeight*c.escalations
	return explain(clamp(100-complaintPoints*float64(weight)),
		Reason{Code: ReasonComplaints, Count: c.complaints, Escalations: c.escalations})
}

func scoreSLA(f *facts, c *clientFacts) (float64, []Reason) {
	v := period(f.sla, c.id)
	return explain(v, Reason{Code: ReasonSLA, Value: v})
}

// scoreReports names the latest missing report's month (the month it covers: a
// report falls due in the month after it) or, when all were sent but late, the share
// on time.
func scoreReports(f *facts, c *clientFacts) (float64, []Reason) {
	v := period(f.onTime, c.id)
	missing := f.missing[c.id].Months
	for i := len(missing) - 1; i >= 0; i-- {
		if missing[i] > 0 {
			return explain(v, Reason{Code: ReasonReportMissing, Month: f.w.first + data.Month(i) - 1})
		}
	}
	return explain(v, Reason{Code: ReasonReportsLate, Value: v})
}

func scoreBudget(f *facts, c *clientFacts) (float64, []Reason) {
	if c.budgetThen <= 0 || c.budgetNow < 0 {
		return math.NaN(), nil // no budget to compare with
	}
	growth := (c.budgetNow - c.budgetThen) / c.budgetThen
	score := 100.0
	if growth < 0 {
		score = clamp(100 * (1 - growth/budgetZeroAt))
	}
	return explain(score, Reason{Code: ReasonBudget, Value: growth * 100})
}

// scoreRenewal looks at the contract in force that runs longest: one ending within
// renewalDays and not renewed is a risk, as is a client with no
// contract in force at all. A client paused today is spared the latter, but only
// today: the pause is the client's status now, not kept for past days, so past
// months judge a paused client as an active one.
func scoreRenewal(f *facts, c *clientFacts) (float64, []Reason) {
	asOf := f.w.asOf
	var current *contractSpan
	for i, k := range c.contracts {
		if !k.inForce(asOf, f.w.today) {
			continue
		}
		if current == nil || k.end.IsZero() || (!current.end.IsZero() && k.end.After(current.end)) {
			current = &c.contracts[i]
		}
	}
	switch {
	case current == nil && c.paused && f.w.today:
		return 100, nil
	case current == nil:
		return explain(0, Reason{Code: ReasonNoContract})
	case current.end.IsZero() || daysBetween(asOf, current.end) > renewalDays, renewed(c.contracts, current):
		return 100, nil
	}
	return explain(0, Reason{Code: ReasonContractEnds, Day: current.end})
}

// renewed is the renewals calendar's rule: another contract of the client starts
// on or after current's last day and is not terminated (a draft counts: the renewal
// is under way). A contract added mid-term renews nothing.
func renewed(contracts []contractSpan, current *contractSpan) bool {
	for i, k := range contracts {
		if &contracts[i] != current && !k.start.Before(current.end) && k.status != data.ContractTerminated {
			return true
		}
	}
	return false
}

// scoreCoverage: a client served by one person alone is at risk when that person
// is away or too busy. Leave is known only today; overload comes from data/workload.
func scoreCoverage(f *facts, c *clientFacts) (float64, []Reason) {
	score := 100.0
	var reasons []Reason
	zero := func(code string) {
		score = 0
		reasons = append(reasons, Reason{Code: code})
	}
	if c.lead == 0 {
		zero(ReasonNoLead)
	}
	if c.backup == 0 {
		zero(ReasonNoBackup)
	}
	if c.lead != 0 && f.w.today && c.leadOnLeave {
		zero(ReasonLeadOnLeave)
	}
	if u, ok := f.load[c.lead]; ok && c.lead != 0 && f.coeffs.BandOf(u) == workload.BandOver {
		score = math.Min(score, overloadedScore)
		reasons = append(reasons, Reason{Code: ReasonLeadOverloaded, Value: u})
	}
	return explain(score, reasons...)
}

func period(values map[int64]kpi.ClientSeries, id int64) float64 {
	if v, ok := values[id]; ok {
		return v.Period
	}
	return math.NaN()
}

func daysBetween(from, to time.Time) int { return int(math.Round(to.Sub(from).Hours() / 24)) }
