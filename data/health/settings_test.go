package health

import (
	"math"
	"slices"
	"testing"

	"leadboard/data"
)

func fieldCodes(err error) []string {
	v, ok := data.AsValidation(err)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range v.Fields {
		out = append(out, f.Field+" "+f.Code)
	}
	return out
}

// Every unusable number is reported by its field.
func TestSettingsValidation(t *testing.T) {
	edit := func(fn func(st *Settings)) Settings {
		st := DefaultSettings()
		fn(&st)
		return st
	}
	cases := []struct {
		name string
		st   Settings
		want []string
	}{
		{"defaults", DefaultSettings(), nil},
		{"weights out of range", edit(func(st *Settings) {
			st.Weights[MeasureKPI], st.Weights[MeasureSLA], st.Weights[MeasureCoverage] = -1, 101, math.NaN()
		}), []string{"weight_kpi range", "weight_sla range", "weight_coverage range"}},
		{"weights at their edges", edit(func(st *Settings) { st.Weights[MeasureKPI], st.Weights[MeasureSLA] = 0, 100 }), nil},
		{"all zero", edit(func(st *Settings) {
			for code := range st.Weights {
				st.Weights[code] = 0
			}
		}), []string{"weights all_zero"}},
		{"a weight missing counts as zero", edit(func(st *Settings) { delete(st.Weights, MeasureBudget) }), nil},
		{"red at zero", edit(func(st *Settings) { st.Red = 0 }), []string{"red range"}},
		{"amber at 100", edit(func(st *Settings) { st.Amber = 100 }), []string{"amber range"}},
		{"amber equal to red", edit(func(st *Settings) { st.Amber = 50 }), []string{"amber not_above_red"}},
		{"amber below red", edit(func(st *Settings) { st.Red, st.Amber = 60, 55 }), []string{"amber not_above_red"}},
		{"narrow but ordered", edit(func(st *Settings) { st.Red, st.Amber = 1, 99 }), nil},
		// The bounds are the message's: red 1-98, amber 2-99.
		{"red below 1", edit(func(st *Settings) { st.Red = 0.5 }), []string{"red range"}},
		{"red above 98", edit(func(st *Settings) { st.Red, st.Amber = 98.5, 99 }), []string{"red range"}},
		{"amber below 2", edit(func(st *Settings) { st.Red, st.Amber = 1, 1.5 }), []string{"amber range"}},
		{"amber above 99", edit(func(st *Settings) { st.Amber = 99.5 }), []string{"amber range"}},
		{"lowest pair", edit(func(st *Settings) { st.Red, st.Amber = 1, 2 }), nil},
		{"highest pair", edit(func(st *Settings) { st.Red, st.Amber = 98, 99 }), nil},
	}
	for _, c := range cases {
		if got := fieldCodes(c.st.Validate()); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// Saved settings come back; invalid ones are not saved; what was never saved is
// the default.
func TestSettingsSaveAndLoad(t *testing.T) {
	f := newFixture(t)
	st, err := LoadSettings(f.ctx, f.s)
	if err != nil || st.Red != 50 || st.Amber != 70 || st.Weights[MeasureKPI] != 20 {
		t.Fatalf("defaults: %+v %v", st, err)
	}
	st.Weights[MeasureKPI], st.Red, st.Amber = 40, 40, 60
	if err := SaveSettings(f.ctx, f.s, st); err != nil {
		t.Fatal(err)
	}
	bad := DefaultSettings()
	bad.Amber = 10
	if got := fieldCodes(SaveSettings(f.ctx, f.s, bad)); !slices.Equal(got, []string{"amber not_above_red"}) {
		t.Errorf("saving invalid settings: %v", got)
	}
	back, err := LoadSettings(f.ctx, f.s)
	if err != nil || back.Weights[MeasureKPI] != 40 || back.Red != 40 || back.Amber != 60 ||
		back.Weights[MeasureCoverage] != 10 {
		t.Errorf("loaded %+v, %v", back, err)
	}
	// The weights change the score: Альфа with KPI weighing 40 of 120.
	hs, err := ScoresOf(f.ctx, f.s, back, today, []int64{f.alfa})
	if err != nil {
		t.Fatal(err)
	}
	if want := math.Round((40*90 + 15*87.5 + 15*75 + 10*200.0/3*2 + 3000) / 120); hs[0].Computed != want {
		t.Errorf("Альфа under the saved weights: %v, want %v", hs[0].Computed, want)
	}
}
