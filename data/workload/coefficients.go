// Package workload measures how much work each account manager carries against
// what they can carry, and plans moving clients between them: the workload model,
// the view's figures, load over time, and redistribution plans (what-if moves,
// suggested moves, someone leaving).
package workload

import (
	"context"
	"encoding/json"
	"math"

	"leadboard/data"
)

// Coefficients are the weight formula's numbers; the lead edits them in Settings.
//
// A client's weight in points is
//
//	base × (1 + ComplexityStep × (complexity − 3))
//	  + ServicePoints × (services − 1)
//	  + ReportPoints[the most frequent reporting of its active contracts]
//	  + ComplaintPoints × complaints and escalations in the last 30 days
//	  + ContactPoints × log entries in the last 30 days
//
// where base is TierPoints[tier], or with Base "budget" PointsPerMillion × the
// monthly budget in millions of roubles (at least MinBase). A manager carries the
// full weight of the clients they lead and BackupShare of those they back up.
type Coefficients struct {
	Base             string             `json:"base"` // "tier" or "budget"
	TierPoints       map[string]float64 `json:"tier_points"`
	PointsPerMillion float64            `json:"points_per_million"`
	MinBase          float64            `json:"min_base"`
	ComplexityStep   float64            `json:"complexity_step"`
	ServicePoints    float64            `json:"service_points"`
	ReportPoints     map[string]float64 `json:"report_points"`
	ComplaintPoints  float64            `json:"complaint_points"`
	ContactPoints    float64            `json:"contact_points"`
	BackupShare      float64            `json:"backup_share"`
	// Utilization bands, in per cent: under below UnderBelow, over above OverAbove.
	UnderBelow float64 `json:"under_below"`
	OverAbove  float64 `json:"over_above"`
}

// Bases of the weight.
const (
	BaseTier   = "tier"
	BaseBudget = "budget"
)

// Defaults are calibrated so that a typical B client (complexity 3, three services,
// monthly reports, a quiet month) weighs about 2 points and a full-time middle
// manager (capacity 12) carries five or six such clients.
func Defaults() Coefficients {
	return Coefficients{
		Base:             BaseTier,
		TierPoints:       map[string]float64{"A": 3.0, "B": 1.7, "C": 1.0},
		PointsPerMillion: 0.5,
		MinBase:          1,
		ComplexityStep:   0.15,
		ServicePoints:    0.1,
		ReportPoints:     map[string]float64{"weekly": 0.4, "biweekly": 0.2, "monthly": 0.1, "quarterly": 0.05, "none": 0},
		ComplaintPoints:  0.25,
		ContactPoints:    0.01,
		BackupShare:      0.2,
		UnderBelow:       70,
		OverAbove:        100,
	}
}

// settingKey is where the coefficients are kept in the database.
const settingKey = "workload.coefficients"

// LoadCoefficients reads the department's coefficients, the defaults for any the
// lead never changed.
func LoadCoefficients(ctx context.Context, s *data.Store) (Coefficients, error) {
	c := Defaults()
	raw, found, err := s.Setting(ctx, settingKey)
	if err != nil || !found {
		return c, err
	}
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		return Defaults(), nil // a damaged value is not worth stopping the app for: the defaults apply
	}
	return c, nil
}

// SaveCoefficients checks and stores the coefficients.
func SaveCoefficients(ctx context.Context, s *data.Store, c Coefficients) error {
	if err := c.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return s.SaveSetting(ctx, settingKey, string(raw))
}

// Validate reports every number that cannot be used, by its JSON name.
func (c Coefficients) Validate() error {
	var errs []data.FieldError
	bad := func(field, code string, params ...any) {
		fe := data.FieldError{Field: field, Code: code}
		if len(params) == 2 {
			fe.Params = map[string]any{"Min": params[0], "Max": params[1]}
		}
		errs = append(errs, fe)
	}
	if c.Base != BaseTier && c.Base != BaseBudget {
		bad("base", "invalid_choice")
	}
	for _, tier := range data.Tiers {
		if !finiteNonNegative(c.TierPoints[tier]) {
			bad("tier_"+tier, "negative")
		}
	}
	for field, v := range map[string]float64{"points_per_million": c.PointsPerMillion, "min_base": c.MinBase,
		"service_points": c.ServicePoints, "complaint_points": c.ComplaintPoints, "contact_points": c.ContactPoints} {
		if !finiteNonNegative(v) {
			bad(field, "negative")
		}
	}
	for _, f := range data.ReportFrequencies {
		if !finiteNonNegative(c.ReportPoints[f]) {
			bad("report_"+f, "negative")
		}
	}
	if !(c.ComplexityStep >= 0 && c.ComplexityStep < 0.5) {
		bad("complexity_step", "range", 0, 0.49)
	}
	if !(c.BackupShare >= 0 && c.BackupShare <= 1) {
		bad("backup_share", "range", 0, 100) // typed in per cent
	}
	if !(c.OverAbove > 0 && c.OverAbove <= 300) {
		bad("over_above", "range", 1, 300)
	}
	if !(c.UnderBelow > 0 && c.UnderBelow < c.OverAbove) {
		bad("under_below", "range", 1, math.Max(1, c.OverAbove-1))
	}
	if len(errs) > 0 {
		return &data.ValidationError{Fields: errs}
	}
	return nil
}

func finiteNonNegative(v float64) bool { return v >= 0 && !math.IsInf(v, 0) && !math.IsNaN(v) }
