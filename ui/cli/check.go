package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"leadboard/data"
)

// check runs the database's integrity and foreign-key checks and prints the count
// of every entity, without writing to the file.
func (e *env) check(args []string) int {
	fs := e.flags("check")
	db := fs.String("db", "", "")
	asJSON := fs.Bool("json", false, "")
	fs.String("lang", "", "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if *db == "" {
		fmt.Fprintln(e.stderr, e.t("cli.db_required", nil))
		return ExitUsage
	}
	st, err := data.Open(*db, data.Options{ReadOnly: true})
	if err == nil {
		defer st.Close()
		var report data.CheckReport
		report, err = st.Check(context.Background())
		if err == nil {
			return e.printReport(report, *asJSON)
		}
	}
	if *asJSON {
		e.printJSONFailure(err)
	}
	return e.fail(err)
}

func (e *env) printReport(r data.CheckReport, asJSON bool) int {
	code := ExitOK
	if !r.Healthy {
		code = ExitUnhealthy
	}
	if asJSON {
		out := map[string]any{"path": r.Path, "healthy": r.Healthy, "schema_version": r.SchemaVersion,
			"latest_schema": r.LatestSchema, "problems": nonNil(r.Problems)}
		for table, n := range r.Counts {
			out[table] = n // entity counts sit at the top level: {"staff": 14, ...}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return code
	}
	fmt.Fprintln(e.stdout, e.t("cli.check.file", map[string]any{"Path": r.Path}))
	schema := e.t("cli.check.schema_current", map[string]any{"Version": r.SchemaVersion})
	if r.SchemaVersion < r.LatestSchema {
		schema = e.t("cli.check.schema_old", map[string]any{"Version": r.SchemaVersion, "Latest": r.LatestSchema})
	}
	fmt.Fprintln(e.stdout, schema)
	if r.Healthy {
		fmt.Fprintln(e.stdout, e.t("cli.check.healthy", nil))
	} else {
		fmt.Fprintln(e.stdout, e.t("cli.check.unhealthy", map[string]any{"Count": len(r.Problems)}))
		for _, p := range r.Problems {
			fmt.Fprintln(e.stdout, "  - "+p)
		}
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, table := range data.CountedTables {
		if n, ok := r.Counts[table]; ok {
			fmt.Fprintf(tw, "  %s\t%d\n", e.t("cli.entity."+table, nil), n)
		}
	}
	tw.Flush()
	return code
}

func (e *env) printJSONFailure(err error) {
	out := map[string]any{"healthy": false, "error": err.Error()}
	if dbErr, ok := data.AsDBError(err); ok {
		out["problem"] = string(dbErr.Problem)
		out["path"] = dbErr.Path
		out["error"] = e.describeDBError(dbErr)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
