package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"leadboard/data"
	"leadboard/data/sheet"
	"leadboard/data/transfer"
)

// importFile reads a CSV or XLSX file into the database: all rows or none.
func (e *env) importFile(args []string) int {
	fs := e.flags("import")
	db := fs.String("db", "", "")
	kind := fs.String("kind", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	sheetName := fs.String("sheet", "", "")
	fs.String("lang", "", "")
	sources, ok := parseInterleaved(fs, args)
	if !ok {
		return ExitUsage
	}
	if *db == "" || len(sources) != 1 {
		fmt.Fprintln(e.stderr, e.t("cli.import.usage", nil))
		return ExitUsage
	}
	k, ok := e.kind(*kind)
	if !ok {
		return ExitUsage
	}
	source := sources[0]
	if _, err := os.Stat(source); err != nil { // before a database is made for it
		return e.failFile(source, err)
	}
	created := !fileExists(*db)
	st, err := data.Open(*db, data.Options{Create: true})
	if err != nil {
		return e.fail(err)
	}
	progress, clearProgress := e.progressLine()
	rep, err := transfer.Import(context.Background(), st, source,
		transfer.Options{Kind: k, Sheet: *sheetName, DryRun: *dryRun, Lang: e.lang, Progress: progress})
	clearProgress()
	st.Close()
	if created && !rep.Written { // a check or a failed import leaves no new database behind
		data.RemoveFiles(*db)
	}
	if err != nil {
		return e.failFile(source, err)
	}
	for _, re := range rep.Errors {
		fmt.Fprintln(e.stderr, re.Describe(k, e.lang, e.t))
	}
	if rep.More > 0 {
		fmt.Fprintln(e.stderr, e.t("cli.import.more_errors", map[string]any{"Count": rep.More}))
	}
	e.printImportSummary(rep)
	if rep.Failed() {
		return ExitUsage
	}
	return ExitOK
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}

// progressLine shows an import's progress on a terminal's stderr, in place; it
// shows nothing when stderr is a file or a pipe (scripts read the errors there).
func (e *env) progressLine() (update func(fraction float64), clear func()) {
	none := func() {}
	f, ok := e.stderr.(*os.File)
	if !ok {
		return nil, none
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil, none
	}
	shown := -1
	update = func(fraction float64) {
		if percent := int(fraction * 100); percent != shown {
			shown = percent
			fmt.Fprint(f, "\r"+e.t("cli.import.progress", map[string]any{"Percent": percent}))
		}
	}
	clear = func() {
		if shown >= 0 {
			fmt.Fprint(f, "\r\033[K")
		}
	}
	return update, clear
}

// parseInterleaved reads flags wherever they stand among the positional arguments
// (Go's flag package stops at the first positional one: "import FILE --dry-run").
func parseInterleaved(fs *flag.FlagSet, args []string) (positional []string, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		if fs.NArg() == 0 {
			return positional, true
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func (e *env) kind(name string) (transfer.Kind, bool) {
	for _, k := range transfer.Kinds {
		if string(k) == name {
			return k, true
		}
	}
	names := make([]string, len(transfer.Kinds))
	for i, k := range transfer.Kinds {
		names[i] = string(k)
	}
	fmt.Fprintln(e.stderr, e.t("cli.bad_kind", map[string]any{"Kind": name, "Kinds": strings.Join(names, ", ")}))
	return "", false
}

func (e *env) printImportSummary(rep transfer.Report) {
	params := map[string]any{"Format": rep.Source.Describe(e.t), "Rows": rep.Rows, "Added": rep.Added, "Updated": rep.Updated,
		"Unchanged": rep.Unchanged, "Errors": len(rep.Errors) + rep.More}
	switch {
	case rep.Failed():
		fmt.Fprintln(e.stderr, e.t("cli.import.rejected", params))
	case rep.DryRun:
		fmt.Fprintln(e.stdout, e.t("cli.import.checked", params))
	default:
		fmt.Fprintln(e.stdout, e.t("cli.import.done", params))
	}
}

// failFile reports a file that cannot be read at all.
func (e *env) failFile(path string, err error) int {
	var fe *sheet.FormatError
	if errors.As(err, &fe) {
		fmt.Fprintln(e.stderr, e.t("cli.import.bad_file", map[string]any{"Path": path,
			"Reason": e.t("fileerr."+fe.Problem, map[string]any{"Detail": fe.Detail, "Line": fe.Line})}))
		return ExitUsage
	}
	if errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(e.stderr, e.t("cli.import.no_file", map[string]any{"Path": path}))
		return ExitUsage
	}
	return e.fail(err)
}

// exportFile writes a list to CSV or XLSX. The file appears only when complete.
func (e *env) exportFile(args []string) int {
	switch flagValue(args, "what") {
	case whatTrend, whatRanking:
		return e.exportKPI(args)
	case whatWorkload, whatPlan:
		return e.exportWorkload(args)
	case whatReviewScores:
		return e.exportReviews(args)
	case whatDistribution, whatProfile:
		return e.exportGrades(args)
	case whatAudit:
		return e.exportAudit(args)
	case whatHealth:
		return e.exportHealth(args)
	}
	fs := e.flags("export")
	db := fs.String("db", "", "")
	what := fs.String("what", "", "")
	format := fs.String("format", "", "")
	out := fs.String("out", "", "")
	delimiter := fs.String("delimiter", ";", "")
	fs.String("lang", "", "")
	if !e.parse(fs, args) {
		return ExitUsage
	}
	if *db == "" || *out == "" || (*format != "csv" && *format != "xlsx") || len([]rune(*delimiter)) != 1 {
		fmt.Fprintln(e.stderr, e.t("cli.export.usage", nil))
		return ExitUsage
	}
	k, ok := e.kind(*what)
	if !ok {
		return ExitUsage
	}
	st, err := data.Open(*db, data.Options{ReadOnly: true})
	if err != nil {
		return e.fail(err)
	}
	defer st.Close()
	t, err := transfer.WholeTable(context.Background(), st, k, e.lang)
	if err != nil {
		return e.fail(err)
	}
	err = transfer.Export(*out, t, transfer.Format(*format), e.lang, []rune(*delimiter)[0])
	if errors.Is(err, sheet.ErrTooManyRows) {
		fmt.Fprintln(e.stderr, e.t("export.too_many_rows", nil))
		return ExitFailed
	}
	if err != nil {
		return e.fail(err)
	}
	fmt.Fprintln(e.stdout, e.t("cli.export.done", map[string]any{"Path": *out}))
	return ExitOK
}
