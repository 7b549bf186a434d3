package pack_test

// The meeting pack of a month on the large demo database (320 staff, 5,000
// clients, 1.7 million log entries, 1.9 million KPI values). They run only with
// -bench:
//
//	go test -tags migrated_fynedo -run '^$' -bench . -benchtime 3x ./data/pack/
//
// "build" is every section's figures, charts and summaries, as the window's
// preview and `leadboard report` make them; "build-<section>" each section alone. "pdf" writes that pack; its floor,
// "charts", renders the same charts to PNG at the same size and nothing else:
// drawing the charts is the part of the PDF no layout can avoid (a typical page
// renders its chart at about 1800 x 900).

import (
	"context"
	"io"
	"testing"

	"leadboard/data"
	"leadboard/data/internal/benchdb"
	"leadboard/data/pack"
)

func BenchmarkPack(b *testing.B) {
	s := benchdb.Store(b)
	ctx := context.Background()
	period := pack.MonthPeriod(data.MonthOf(s.Today()) - 1)
	var p pack.Pack
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			var err error
			if p, err = pack.Build(ctx, s, period, nil, pack.Options{Lang: "ru"}, nil); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(p.SlideCount()), "slides")
	})
	for _, code := range pack.Sections { // where the build's time goes
		b.Run("build-"+code, func(b *testing.B) {
			for b.Loop() {
				if _, err := pack.Build(ctx, s, period, []string{code}, pack.Options{Lang: "ru"}, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if err := p.WritePDF(ctx, io.Discard, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("charts", func(b *testing.B) {
		for b.Loop() {
			for _, sec := range p.Sections {
				for _, sl := range sec.Slides {
					if sl.Chart != nil {
						if err := sl.Chart.PNG(io.Discard, 1800, 900); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		}
	})
}
