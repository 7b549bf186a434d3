package health

import (
	"math"
	"strings"
	"time"

	"leadboard/assets/locale"
	"leadboard/charts"
	"leadboard/data"
)

// Reason is why a client is at risk, with the figures, as the risk list writes it:
// «3 жалобы за 90 дней», «договор заканчивается 15.12».
type Reason struct {
	Code        string     // one of the Reason* codes
	Count       int        // complaints (ReasonComplaints)
	Escalations int        // escalations (ReasonComplaints)
	Value       float64    // the figure: per cent, or a rating 1-5
	Before      float64    // the rating of the 90 days before (ReasonSatisfactionFell)
	Day         time.Time  // the contract's last day (ReasonContractEnds)
	Month       data.Month // the month the missing report covers (ReasonReportMissing)
}

// Reason codes; each has a text "health.reason.<code>".
const (
	ReasonKPI              = "kpi"               // KPI attainment, Value %
	ReasonSatisfactionFell = "satisfaction_fell" // from Before to Value
	ReasonSatisfactionLow  = "satisfaction_low"  // Value
	ReasonComplaints       = "complaints"        // Count complaints and Escalations in 90 days
	ReasonSLA              = "sla"               // responses within SLA, Value %
	ReasonReportMissing    = "report_missing"    // no report for Month
	ReasonReportsLate      = "reports_late"      // reports on time, Value %
	ReasonBudget           = "budget"            // budget change over 3 months, Value %
	ReasonContractEnds     = "contract_ends"     // the contract ends on Day, not renewed
	ReasonNoContract       = "no_contract"
	ReasonNoLead           = "no_lead"
	ReasonNoBackup         = "no_backup"
	ReasonLeadOnLeave      = "lead_on_leave"
	ReasonLeadOverloaded   = "lead_overloaded" // utilization Value %
)

// Text writes the reason in a language.
func (r Reason) Text(lang string) string {
	w := words(lang)
	params := map[string]any{}
	switch r.Code {
	case ReasonKPI, ReasonSLA, ReasonReportsLate, ReasonBudget, ReasonLeadOverloaded:
		params["Value"] = charts.FormatAxis(lang, charts.UnitPercent, math.Round(r.Value))
	case ReasonSatisfactionFell, ReasonSatisfactionLow:
		params["Value"] = ratingText(lang, r.Value)
		params["Before"] = ratingText(lang, r.Before)
	case ReasonComplaints:
		params["What"] = complaintsText(lang, r.Count, r.Escalations)
	case ReasonReportMissing:
		params["Month"] = w.T("health.month."+monthNumber(r.Month), nil)
	case ReasonContractEnds:
		params["Date"] = dayMonth(lang, r.Day)
	}
	return w.T("health.reason."+r.Code, params)
}

// ReasonText joins the client's reasons with "; ".
func (h ClientHealth) ReasonText(lang string) string {
	parts := make([]string, len(h.Reasons))
	for i, r := range h.Reasons {
		parts[i] = r.Text(lang)
	}
	return strings.Join(parts, "; ")
}

// rating writes a 1-5 rating with one decimal at most: «4,5», «3».
func ratingText(lang string, v float64) string {
	return charts.FormatAxis(lang, charts.UnitScore, math.Round(v*10)/10)
}

// complaintsText counts complaints and escalations: «2 жалобы и 1 эскалация».
func complaintsText(lang string, complaints, escalations int) string {
	w := words(lang)
	var parts []string
	for _, c := range []struct {
		key string
		n   int
	}{{"health.count.complaint", complaints}, {"health.count.escalation", escalations}} {
		if c.n > 0 {
			parts = append(parts, w.T(c.key+"."+locale.PluralForm(lang, c.n),
				map[string]any{"Count": locale.Int(lang, int64(c.n))}))
		}
	}
	return strings.Join(parts, " "+w.T("health.and", nil)+" ")
}

func monthNumber(m data.Month) string {
	return [...]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}[m.Number()-1]
}

// dayMonth writes a date without its year, the way people say it: «15.12» / "Dec 15".
func dayMonth(lang string, t time.Time) string {
	if lang == locale.Russian {
		return t.Format("02.01")
	}
	return t.Format("Jan 2")
}
