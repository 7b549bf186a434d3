package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"leadboard/charts"
	"leadboard/data"
	"leadboard/data/kpi"
	"leadboard/data/sheet"
	"leadboard/data/table"
	"leadboard/data/transfer"
)

// KPI views the export command writes besides the lists.
const (
	whatTrend   = "kpi-trend"
	whatRanking = "kpi-ranking"
)

// listFlag collects a flag given several times or as a comma-separated list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}

// chartExport is the command line of a chart or table export (KPI, workload).
type chartExport struct {
	db, what, level, granularity, from, to, period, format, out, delimiter string
	kpis, entities                                                         listFlag
	width, height                                                          int
	average                                                                bool
}

func (e *env) exportFlags(x *chartExport) *flag.FlagSet {
	fs := e.flags("export")
	fs.StringVar(&x.db, "db", "", "")
	fs.StringVar(&x.what, "what", "", "")
	fs.Var(&x.kpis, "kpi", "")
	fs.StringVar(&x.level, "level", data.LevelDepartment, "")
	fs.Var(&x.entities, "entity", "")
	fs.StringVar(&x.from, "from", "", "")
	fs.StringVar(&x.to, "to", "", "")
	fs.StringVar(&x.period, "period", "", "")
	fs.StringVar(&x.granularity, "granularity", string(kpi.Monthly), "")
	fs.StringVar(&x.format, "format", "", "")
	fs.StringVar(&x.out, "out", "", "")
	fs.StringVar(&x.delimiter, "delimiter", ";", "")
	fs.IntVar(&x.width, "width", 1600, "")
	fs.IntVar(&x.height, "height", 900, "")
	fs.BoolVar(&x.average, "average", false, "")
	fs.String("lang", "", "")
	return fs
}

// exportKPI writes a KPI trend or ranking as a chart (PNG, SVG) or its table
// (CSV, XLSX), computed exactly as the window computes it.
func (e *env) exportKPI(args []string) int {
	var x chartExport
	if !e.parse(e.exportFlags(&x), args) {
		return ExitUsage
	}
	if len(x.kpis) == 0 || !x.valid() {
		fmt.Fprintln(e.stderr, e.t("cli.export_kpi.usage", nil))
		return ExitUsage
	}
	return e.exportView(x, func(ctx context.Context, st *data.Store) (exportedView, int, error) {
		view, err := e.exportedView(ctx, st, x)
		if err != nil {
			return view, e.failKPI(ctx, st, err), err
		}
		return view, ExitOK, nil
	})
}

// valid checks the flags every chart or table export needs.
func (x chartExport) valid() bool {
	return x.db != "" && x.out != "" && validKPIFormat(x.format) && x.width >= 200 && x.height >= 150 &&
		len([]rune(x.delimiter)) == 1
}

// exportView opens the database read-only, builds the view (a failure comes with
// its exit code, already explained) and writes the file, atomically.
func (e *env) exportView(x chartExport, build func(ctx context.Context, st *data.Store) (exportedView, int, error)) int {
	st, err := data.Open(x.db, data.Options{ReadOnly: true})
	if err != nil {
		return e.fail(err)
	}
	defer st.Close()
	view, code, err := build(context.Background(), st)
	if err != nil {
		return code
	}
	if err := e.writeKPI(view, x); err != nil {
		if errors.Is(err, sheet.ErrTooManyRows) {
			fmt.Fprintln(e.stderr, e.t("export.too_many_rows", nil))
			return ExitFailed
		}
		return e.fail(err)
	}
	fmt.Fprintln(e.stdout, e.t("cli.export.done", map[string]any{"Path": x.out}))
	return ExitOK
}

func validKPIFormat(f string) bool { return f == "png" || f == "svg" || f == "csv" || f == "xlsx" }

// exportedView is a computed view (a KPI trend or ranking, the workload, review
// results) as its chart and its table.
type exportedView struct {
	chart interface {
		PNG(w io.Writer, width, height int) error
		SVG(w io.Writer, width, height int) error
	}
	table table.Table
}

func (e *env) exportedView(ctx context.Context, st *data.Store, x chartExport) (exportedView, error) {
	last := data.MonthOf(st.Today()) - 1 // the last full month
	if x.what == whatRanking {
		p, err := monthFlag(x.period, last)
		if err != nil {
			return exportedView{}, err
		}
		r, err := kpi.RankingOf(ctx, st, x.kpis[0], x.level, kpi.Period{From: p, To: p})
		return exportedView{r.Chart(e.lang, charts.Print, x.height), r.Table(e.lang)}, err
	}
	to, err := monthFlag(x.to, last)
	if err != nil {
		return exportedView{}, err
	}
	from, err := monthFlag(x.from, to-11)
	if err != nil {
		return exportedView{}, err
	}
	ids, err := kpi.FindEntities(ctx, st, x.level, x.entities)
	if err != nil {
		return exportedView{}, err
	}
	t, err := kpi.TrendOf(ctx, st, kpi.Query{KPIs: x.kpis, Level: x.level, Entities: ids, From: from, To: to,
		Granularity: kpi.Granularity(x.granularity)})
	chart := t.Chart(e.lang, kpi.ChartOptions{MovingAverage: x.average, Style: charts.Print})
	return exportedView{chart, t.Table(e.lang)}, err
}

// monthFlag reads YYYY-MM, or gives the default for an empty flag.
func monthFlag(v string, def data.Month) (data.Month, error) {
	if v == "" {
		return def, nil
	}
	m, err := data.ParseMonth(v)
	if err != nil || len(v) != 7 {
		return 0, &data.ValidationError{Fields: []data.FieldError{{Field: "month", Code: "not_month",
			Params: map[string]any{"Value": v}}}}
	}
	return m, nil
}

func (e *env) writeKPI(v exportedView, x chartExport) error {
	return transfer.WriteFile(x.out, func(w io.Writer) error {
		switch x.format {
		case "png":
			return v.chart.PNG(w, x.width, x.height)
		case "svg":
			return v.chart.SVG(w, x.width, x.height)
		case "xlsx":
			return sheet.WriteXLSX(w, v.table, e.lang)
		}
		return sheet.WriteCSV(w, v.table, e.lang, sheet.CSVOptions{Delimiter: []rune(x.delimiter)[0]})
	})
}

// failKPI explains a refused query in the user's language; an unknown KPI comes
// with the list of codes.
func (e *env) failKPI(ctx context.Context, st *data.Store, err error) int {
	v, ok := data.AsValidation(err)
	if !ok {
		return e.fail(err)
	}
	for _, f := range v.Fields {
		fmt.Fprintln(e.stderr, e.t("kpi.err."+f.Field+"."+f.Code, f.Params))
		if f.Field == "kpi" && f.Code == "invalid_choice" {
			e.printKPICodes(ctx, st)
		}
	}
	return ExitUsage
}

func (e *env) printKPICodes(ctx context.Context, st *data.Store) {
	kpis, err := st.KPIs(ctx)
	if err != nil {
		return
	}
	fmt.Fprintln(e.stderr, e.t("cli.export_kpi.codes", nil))
	for _, k := range kpis {
		fmt.Fprintf(e.stderr, "  %-20s %s (%s)\n", k.Code, k.Name(e.lang), strings.Join(k.Levels(), ", "))
	}
}
