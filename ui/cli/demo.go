package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"leadboard/data"
	"leadboard/data/demo"
)

// demo writes the demo agency into a new (or empty) database file.
func (e *env) demo(args []string) int {
	fs := e.flags("demo")
	db := fs.String("db", "", "")
	scale := fs.String("scale", "small", "")
	seed := fs.Int64("seed", 1, "")
	asOf := fs.String("as-of", "", "")
	fs.String("lang", "", "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if *db == "" {
		fmt.Fprintln(e.stderr, e.t("cli.db_required", nil))
		return ExitUsage
	}
	if !slices.Contains(demo.Scales, demo.Scale(*scale)) {
		fmt.Fprintln(e.stderr, e.t("cli.bad_scale", map[string]any{"Scale": *scale}))
		return ExitUsage
	}
	var end time.Time
	if *asOf != "" {
		var err error
		if end, err = data.ParseDate(*asOf); err != nil {
			fmt.Fprintln(e.stderr, e.t("cli.bad_date", map[string]any{"Value": *asOf}))
			return ExitUsage
		}
	}
	_, statErr := os.Stat(*db)
	created := errors.Is(statErr, os.ErrNotExist)
	st, err := data.Open(*db, data.Options{Create: true})
	if err != nil {
		return e.fail(err)
	}
	started := time.Now()
	lastShown := -1
	sum, err := demo.Generate(context.Background(), st, demo.Options{
		Scale: demo.Scale(*scale), Seed: *seed, AsOf: end,
		Progress: func(f float64) {
			if pct := int(f * 10); pct > lastShown && *scale == "large" {
				lastShown = pct
				fmt.Fprintf(e.stderr, "%d%%\n", pct*10)
			}
		},
	})
	path := st.Path()
	st.Close()
	if err != nil {
		if created { // leave nothing half-made behind
			data.RemoveFiles(path)
		}
		return e.fail(err)
	}
	fmt.Fprintln(e.stdout, e.t("cli.demo.done", map[string]any{
		"Path": path, "Staff": sum.Staff, "Clients": sum.Clients, "Contacts": sum.Contacts,
		"Contracts": sum.Contracts, "Assignments": sum.Assignments, "Interactions": sum.Interactions,
		"KPIValues": sum.KPIValues, "KPITargets": sum.KPITargets,
		"ReviewCycles": sum.ReviewCycles, "Reviews": sum.Reviews, "Feedback": sum.Feedback,
		"Seconds": fmt.Sprintf("%.1f", time.Since(started).Seconds()),
	}))
	return ExitOK
}
