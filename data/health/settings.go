package health

import (
	"context"
	"encoding/json"
	"math"

	"leadboard/data"
)

// Settings are the health score's weights and band thresholds; the lead edits
// them in Settings.
type Settings struct {
	// Weights by measure code (see Measures), each 0-100. Only the proportions
	// matter: a measure with nothing to judge by drops out and the others share its
	// weight.
	Weights map[string]float64 `json:"weights"`
	// A score below Red is red, below Amber amber, from Amber on green.
	Red   float64 `json:"red"`
	Amber float64 `json:"amber"`
}

// DefaultSettings weigh KPI attainment most, then what the client says
// (satisfaction, complaints), then the obligations and the risks around them.
func DefaultSettings() Settings {
	return Settings{
		Weights: map[string]float64{MeasureKPI: 20, MeasureSatisfaction: 15, MeasureComplaints: 15, MeasureSLA: 10,
			MeasureReports: 10, MeasureBudget: 10, MeasureRenewal: 10, MeasureCoverage: 10},
		Red:   50,
		Amber: 70,
	}
}

// settingKey is where the settings are kept in the database.
const settingKey = "health.settings"

// LoadSettings reads the department's settings, the defaults for any the lead
// never changed.
func LoadSettings(ctx context.Context, s *data.Store) (Settings, error) {
	st := DefaultSettings()
	raw, found, err := s.Setting(ctx, settingKey)
	if err != nil || !found {
		return st, err
	}
	saved := Settings{}
	if err := json.Unmarshal([]byte(raw), &saved); err != nil || saved.Validate() != nil {
		return st, nil // a damaged value is not worth stopping the app for: the defaults apply
	}
	for code, w := range saved.Weights {
		st.Weights[code] = w
	}
	st.Red, st.Amber = saved.Red, saved.Amber
	return st, nil
}

// SaveSettings checks and stores the settings.
func SaveSettings(ctx context.Context, s *data.Store, st Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.SaveSetting(ctx, settingKey, string(raw))
}

// The thresholds' bounds: every band keeps at least one whole score.
const (
	minRed, maxRed     = 1, 98
	minAmber, maxAmber = 2, 99
)

// Validate reports every number that cannot be used: a weight outside 0-100
// ("weight_<code>"), all weights zero ("weights"), red outside 1-98 ("red"), amber
// outside 2-99 or not above red ("amber").
func (st Settings) Validate() error {
	var errs []data.FieldError
	bad := func(field, code string, params map[string]any) {
		errs = append(errs, data.FieldError{Field: field, Code: code, Params: params})
	}
	total := 0.0
	for _, code := range Measures {
		w := st.Weights[code]
		if !(w >= 0 && w <= 100) {
			bad("weight_"+code, "range", map[string]any{"Min": 0, "Max": 100})
			continue
		}
		total += w
	}
	if total == 0 && len(errs) == 0 {
		bad("weights", "all_zero", nil)
	}
	if !(st.Red >= minRed && st.Red <= maxRed) {
		bad("red", "range", map[string]any{"Min": minRed, "Max": maxRed})
	}
	switch {
	case !(st.Amber >= minAmber && st.Amber <= maxAmber):
		bad("amber", "range", map[string]any{"Min": minAmber, "Max": maxAmber})
	case st.Amber <= st.Red:
		bad("amber", "not_above_red", map[string]any{"Red": st.Red})
	}
	if len(errs) > 0 {
		return &data.ValidationError{Fields: errs}
	}
	return nil
}

// Band places a score: "red", "amber", "green", or "" for no score.
func (st Settings) Band(score float64) string {
	switch {
	case math.IsNaN(score):
		return BandNone
	case score < st.Red:
		return BandRed
	case score < st.Amber:
		return BandAmber
	}
	return BandGreen
}

// Bands of a score.
const (
	BandNone  = ""
	BandRed   = "red"
	BandAmber = "amber"
	BandGreen = "green"
)

// Bands in the order they read, worst first.
var Bands = []string{BandRed, BandAmber, BandGreen}
