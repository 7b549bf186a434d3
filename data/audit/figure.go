package audit

import (
	"math"

	"leadboard/assets/locale"
	"leadboard/charts"
)

// Evidence codes: the figures from the data an item of the checklist can show next
// to its rating. Each is computed as of the audit's day (see evidence.go); how, in
// words, is the translation "audit.evidence.<code>.how".
const (
	ClientsWithContract    = "clients_contract"        // active clients with a contract in force, share
	ClientsWithContacts    = "clients_contacts"        // active clients with at least one contact, share
	ClientsWithLead        = "clients_lead"            // active clients with a lead manager, share
	ClientsWithBackup      = "clients_backup"          // active clients with a backup manager, share
	ClientsWithDocuments   = "clients_documents"       // active clients with contract, brief and reporting documents linked, share
	ClientsInTouch         = "clients_in_touch"        // active clients with a log entry in the last 30 days, share
	ContractsWithTargets   = "contracts_targets"       // contracts in force with a KPI target (the contract's or its client's), share
	ReportsOnTime          = "reports_on_time"         // reports due in the last full quarter sent on time, share
	ResponseWithinSLA      = "response_sla"            // first responses in the last full quarter within the contract SLA, share
	ComplaintsWithinSLA    = "complaints_sla"          // complaints and escalations of the last full quarter resolved within SLA, share
	Satisfaction           = "satisfaction"            // average client satisfaction (1-5), last full quarter
	StaffReviewed          = "staff_reviewed"          // active staff with a finished review in the last 12 months, share
	StaffAssessed          = "staff_assessed"          // active staff with a finished grade assessment in the last 6 months, share
	GradesDescribed        = "grades_described"        // competency x grade expectations of the current matrix written, share
	ProceduresReviewed     = "procedures_reviewed"     // procedures in force reviewed within their interval, share
	ProceduresAcknowledged = "procedures_acknowledged" // staff x procedure (current version) acknowledged, share
	DepartmentFeedback     = "department_feedback"     // other departments' feedback on the team, average 1-5, last 12 months
	WorkloadSpread         = "workload_spread"         // spread of utilization across managers, percentage points
	Overloaded             = "overloaded"              // managers over capacity, count
	Retention              = "retention"               // clients kept over the last full quarter, share
	BudgetGrowth           = "budget_growth"           // budget under management against a year before, per cent
	ActionsOverdue         = "actions_overdue"         // follow-up actions open past their due date, count
)

// EvidenceCodes lists every evidence code, in the order the audit screen explains them.
var EvidenceCodes = []string{ClientsWithContract, ClientsWithContacts, ClientsWithLead, ClientsWithBackup,
	ClientsWithDocuments, ClientsInTouch, ContractsWithTargets, ReportsOnTime, ResponseWithinSLA, ComplaintsWithinSLA,
	Satisfaction, StaffReviewed, StaffAssessed, GradesDescribed, ProceduresReviewed, ProceduresAcknowledged,
	DepartmentFeedback, WorkloadSpread, Overloaded, Retention, BudgetGrowth, ActionsOverdue}

// Figure is one evidence figure as of an audit's day.
type Figure struct {
	Code  string
	Value float64 // NaN: nothing to judge by (no clients, no reports due, ...)
	Unit  string  // a charts unit: charts.UnitPercent (Value 0-100), UnitScore, UnitHours, UnitCount, "pp"
	// Part of Whole: the counts behind a share ("41 of 50"); Whole 0 when the figure is
	// not a share of counted things.
	Part, Whole int
}

// None is a figure without data.
func None(code, unit string) Figure { return Figure{Code: code, Value: math.NaN(), Unit: unit} }

// Share is Part of Whole in per cent; NaN of nothing.
func Share(code string, part, whole int) Figure {
	f := Figure{Code: code, Unit: charts.UnitPercent, Part: part, Whole: whole, Value: math.NaN()}
	if whole > 0 {
		f.Value = 100 * float64(part) / float64(whole)
	}
	return f
}

// HasValue is false when there was nothing to judge by.
func (f Figure) HasValue() bool { return !math.IsNaN(f.Value) }

// Text writes the figure for a reader: "82 % (41 из 50)", "4,2", "12,5 п. п.", "нет данных".
func (f Figure) Text(lang string) string {
	w := locale.Messages(lang)
	if !f.HasValue() {
		return w.T("audit.evidence.no_data", nil)
	}
	var text string
	switch f.Unit {
	case "pp":
		text = w.T("audit.evidence.points", map[string]any{"Value": charts.FormatValue(lang, charts.UnitScore, f.Value)})
	default:
		text = charts.FormatValue(lang, f.Unit, f.Value)
	}
	if f.Whole > 0 {
		text += " " + w.T("audit.evidence.of", map[string]any{"Part": locale.Int(lang, int64(f.Part)),
			"Whole": locale.Int(lang, int64(f.Whole))})
	}
	return text
}

// Name is what the figure measures, in a few words.
func (f Figure) Name(lang string) string {
	return locale.Messages(lang).T("audit.evidence."+f.Code+".name", nil)
}

// How says how the figure was computed.
func (f Figure) How(lang string) string {
	return locale.Messages(lang).T("audit.evidence."+f.Code+".how", nil)
}
