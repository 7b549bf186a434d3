package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"leadboard/data"
	"leadboard/data/pack"
)

// Pack formats: a PDF, a workbook, or a folder of PNG and SVG slides.
const (
	packPDF    = "pdf"
	packXLSX   = "xlsx"
	packSlides = "png"
)

var packFormats = []string{packPDF, packXLSX, packSlides}

// reportRequest is the command line of `leadboard report`.
type reportRequest struct {
	db, period, format, out, department, author string
	sections                                    listFlag
}

// report writes the management meeting pack of a period, built by the same code
// as the window's Meeting pack screen. An interrupt cancels it and leaves no file.
func (e *env) report(args []string) int {
	var r reportRequest
	fs := e.flags("report")
	fs.StringVar(&r.db, "db", "", "")
	fs.StringVar(&r.period, "period", "", "")
	fs.Var(&r.sections, "sections", "")
	fs.StringVar(&r.format, "format", "", "")
	fs.StringVar(&r.out, "out", "", "")
	fs.StringVar(&r.department, "department", "", "")
	fs.StringVar(&r.author, "author", "", "")
	lang := fs.String("lang", "", "")
	if !e.parse(fs, args) || !e.validLang(*lang) {
		return ExitUsage
	}
	if r.db == "" || r.period == "" || r.format == "" || r.out == "" {
		fmt.Fprintln(e.stderr, e.t("cli.report.usage", map[string]any{"Sections": strings.Join(pack.Sections, ", ")}))
		return ExitUsage
	}
	period, ok := e.reportPeriod(r.period)
	ok = e.validPackSections(r.sections) && ok
	ok = e.validPackFormat(r.format) && ok
	if !ok {
		return ExitUsage
	}
	if code := e.checkReportOut(r); code != ExitOK {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return e.writeReport(ctx, r, period)
}

// writeReport opens the database read-only, builds the pack and writes it.
func (e *env) writeReport(ctx context.Context, r reportRequest, period pack.Period) int {
	st, err := data.Open(r.db, data.Options{ReadOnly: true})
	if err != nil {
		return e.fail(err)
	}
	defer st.Close()
	opt, err := e.packOptions(ctx, st, r)
	if err != nil {
		return e.failReport(ctx, r, err)
	}
	building, writing, clearProgress := e.packProgress()
	p, err := pack.Build(ctx, st, period, r.sections, opt, building)
	if err != nil {
		clearProgress()
		return e.failReport(ctx, r, err)
	}
	err = writePack(ctx, p, r, writing)
	clearProgress()
	if err != nil {
		return e.failWrite(ctx, r, err)
	}
	e.printReportDone(p, r)
	return ExitOK
}

func writePack(ctx context.Context, p pack.Pack, r reportRequest, progress pack.Progress) error {
	switch r.format {
	case packPDF:
		return pack.WritePDFFile(ctx, r.out, p, progress)
	case packXLSX:
		return pack.WriteXLSXFile(ctx, r.out, p)
	}
	return pack.WriteSlides(ctx, r.out, p, progress)
}

// packOptions fills the title page: the flags, else the department's settings
// (pack.Title: the default department name and no author when none are saved).
func (e *env) packOptions(ctx context.Context, st *data.Store, r reportRequest) (pack.Options, error) {
	department, author, err := pack.Title(ctx, st, e.lang)
	if given := strings.TrimSpace(r.department); given != "" {
		department = given
	}
	if given := strings.TrimSpace(r.author); given != "" {
		author = given
	}
	return pack.Options{Lang: e.lang, Department: department, Author: author}, err
}

// reportPeriod reads --period: a period that has begun, since one still ahead
// would make a pack of empty slides.
func (e *env) reportPeriod(value string) (pack.Period, bool) {
	period, err := pack.ParsePeriod(value)
	if err != nil {
		fmt.Fprintln(e.stderr, e.t("cli.report.bad_period", map[string]any{"Value": value}))
		return pack.Period{}, false
	}
	if current := data.MonthOf(time.Now()); period.From > current {
		fmt.Fprintln(e.stderr, e.t("cli.report.future_period", map[string]any{"Period": period.Label(e.lang),
			"Month": pack.MonthPeriod(current).Label(e.lang)}))
		return pack.Period{}, false
	}
	return period, true
}

// checkReportOut refuses, before anything is built, an --out the pack cannot go
// to: in a folder that does not exist, a folder where a file is wanted, or a
// slides folder already in use (the same refusal as when writing finds it so).
func (e *env) checkReportOut(r reportRequest) int {
	folder := filepath.Dir(r.out)
	if info, err := os.Stat(folder); err != nil || !info.IsDir() {
		fmt.Fprintln(e.stderr, e.t("cli.report.no_folder", map[string]any{"Path": folder}))
		return ExitUsage
	}
	info, err := os.Stat(r.out)
	switch {
	case err != nil: // nothing there yet: the usual case
	case r.format != packSlides && info.IsDir():
		fmt.Fprintln(e.stderr, e.t("cli.report.out_is_folder", map[string]any{"Path": r.out,
			"Example": filepath.Join(r.out, "pack."+r.format)}))
		return ExitUsage
	case r.format == packSlides && (!info.IsDir() || !emptyFolder(r.out)):
		fmt.Fprintln(e.stderr, e.t("cli.report.folder_taken", map[string]any{"Path": r.out}))
		return ExitFailed
	}
	return ExitOK
}

func emptyFolder(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}

// validPackSections names every unknown section, then lists the codes with their titles.
func (e *env) validPackSections(codes []string) bool {
	valid := true
	for _, code := range codes {
		if !slices.Contains(pack.Sections, code) {
			fmt.Fprintln(e.stderr, e.t("cli.report.bad_section", map[string]any{"Value": code}))
			valid = false
		}
	}
	if !valid {
		fmt.Fprintln(e.stderr, e.t("cli.report.sections", nil))
		for _, code := range pack.Sections {
			fmt.Fprintf(e.stderr, "  %-10s %s\n", code, e.t("pack.section."+code, nil))
		}
	}
	return valid
}

func (e *env) validPackFormat(format string) bool {
	if slices.Contains(packFormats, format) {
		return true
	}
	fmt.Fprintln(e.stderr, e.t("cli.report.bad_format", map[string]any{"Value": format}))
	return false
}

// failReport explains an interrupt and a slides folder already in use; other
// failures as every command does.
func (e *env) failReport(ctx context.Context, r reportRequest, err error) int {
	switch {
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		fmt.Fprintln(e.stderr, e.t("cli.report.cancelled", nil))
		return ExitFailed
	case errors.Is(err, pack.ErrFolderTaken):
		fmt.Fprintln(e.stderr, e.t("cli.report.folder_taken", map[string]any{"Path": r.out}))
		return ExitFailed
	}
	return e.fail(err)
}

// failWrite explains a failure to write the pack in terms of --out: the writers'
// errors name the temporary file beside it, which the user never asked for.
func (e *env) failWrite(ctx context.Context, r reportRequest, err error) int {
	switch {
	case ctx.Err() != nil && errors.Is(err, ctx.Err()), errors.Is(err, pack.ErrFolderTaken):
		// failReport says these already in terms of --out
	case errors.Is(err, fs.ErrPermission):
		fmt.Fprintln(e.stderr, e.t("cli.report.no_permission", map[string]any{"Path": r.out}))
		return ExitFailed
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintln(e.stderr, e.t("cli.report.out_gone", map[string]any{"Path": r.out}))
		return ExitFailed
	}
	return e.failReport(ctx, r, err)
}

func (e *env) printReportDone(p pack.Pack, r reportRequest) {
	path, err := filepath.Abs(r.out)
	if err != nil {
		path = r.out
	}
	key := "cli.report.done"
	if r.format == packSlides {
		key = "cli.report.done_slides"
	}
	fmt.Fprintln(e.stdout, e.t(key, map[string]any{"Period": p.Period.Label(p.Lang), "Path": path,
		"Sections": len(p.Sections), "Slides": p.SlideCount()}))
}

// packProgress shows on a terminal's stderr, in place, how far the pack is:
// building the sections is the first half, writing the file the second. It shows
// nothing when stderr is a file or a pipe.
func (e *env) packProgress() (building, writing pack.Progress, clear func()) {
	f, ok := e.stderr.(*os.File)
	if !ok {
		return nil, nil, func() {}
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil, nil, func() {}
	}
	shown := -1
	half := func(first int) pack.Progress {
		return func(done, total int) {
			if percent := first + 50*done/max(total, 1); percent != shown {
				shown = percent
				fmt.Fprint(f, "\r"+e.t("cli.report.progress", map[string]any{"Percent": percent}))
			}
		}
	}
	clear = func() {
		if shown >= 0 {
			fmt.Fprint(f, "\r\033[K")
		}
	}
	return half(0), half(50), clear
}
