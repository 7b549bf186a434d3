package calibration

import (
	"testing"

	"leadboard/charts"
)

var chartsPrint = charts.Print

// Every chart of the views renders on the fixture, in both languages.
func TestChartsRender(t *testing.T) {
	r := team()
	for _, lang := range []string{"ru", "en"} {
		images := map[string]func() error{
			"histogram": func() error { _, err := r.HistogramChart(lang, chartsPrint).Image(800, 500); return err },
			"heatmap":   func() error { _, err := r.HeatmapChart(lang, chartsPrint).Image(800, 500); return err },
			"ninebox":   func() error { _, err := r.NineBoxChart(lang, chartsPrint).Image(800, 500); return err },
			"gaps":      func() error { _, err := r.GapsChart(lang, chartsPrint).Image(800, 500); return err },
		}
		for name, draw := range images {
			if err := draw(); err != nil {
				t.Errorf("%s (%s): %v", name, lang, err)
			}
		}
	}
}
