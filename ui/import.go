package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/sheet"
	"leadboard/data/transfer"
	"leadboard/ui/widgets"
)

// importDialog walks through an import: choose the file and what it holds, see how
// its columns map (and change it), check, then import with progress and Cancel.
type importDialog struct {
	a        *App
	path     string
	kind     *choice[transfer.Kind]
	sheet    *choice[string] // a workbook's sheet; shown when it has several
	file     *widget.Label
	choose   *widget.Button
	format   *widget.Label
	mapping  *fyne.Container
	fields   []*choice[string] // one per column of the file
	missing  *widget.Label
	result   *widgets.Entry // the report; selectable, so it can be copied
	bar      *widget.ProgressBar
	stop     *widget.Button // cancels a running check or import
	progress *fyne.Container
	check    *widget.Button
	run      *widget.Button
	cancel   context.CancelFunc
	dlg      *dialog.CustomDialog
	loads    ticket
}

func (a *App) openImport(kind transfer.Kind) {
	d := &importDialog{a: a}
	d.kind = newChoice(transfer.Kinds, func(k transfer.Kind) string { return T("kind_name." + string(k)) },
		func(transfer.Kind) { d.preview() })
	d.kind.setValueQuietly(kind)
	d.sheet = newChoice([]string{""}, func(s string) string { return s }, func(string) { d.preview() })
	d.sheet.Hide()
	d.file = widget.NewLabel(T("import.choose"))
	d.file.Truncation = fyne.TextTruncateEllipsis
	d.choose = widget.NewButtonWithIcon(T("action.choose"), theme.FolderOpenIcon(), d.chooseFile)
	d.format = widget.NewLabel("")
	d.format.Wrapping = fyne.TextWrapWord
	d.mapping = container.NewVBox()
	d.missing = widget.NewLabel("")
	d.missing.Importance = widget.DangerImportance
	d.missing.Truncation = fyne.TextTruncateEllipsis
	d.missing.Hide()
	d.result = widgets.NewMultiLineEntry()
	d.bar = widget.NewProgressBar()
	d.stop = widget.NewButtonWithIcon(T("action.cancel"), theme.CancelIcon(), func() {
		if d.cancel != nil {
			d.cancel()
		}
	})
	progress := container.NewBorder(nil, nil, nil, d.stop, d.bar)
	progress.Hide()
	d.progress = progress
	d.check = widget.NewButton(T("import.check"), func() { d.start(true) })
	d.run = widget.NewButtonWithIcon(T("import.run"), theme.UploadIcon(), func() { d.start(false) })
	d.run.Importance = widget.HighImportance
	d.check.Disable()
	d.run.Disable()
	copyErrors := widget.NewButtonWithIcon(T("import.copy"), theme.ContentCopyIcon(), func() {
		a.win.Clipboard().SetContent(d.result.Text)
	})
	top := container.New(layout.NewFormLayout(),
		widget.NewLabel(T("import.file")), container.NewBorder(nil, nil, nil, d.choose, d.file),
		widget.NewLabel(T("import.kind")), container.NewGridWithColumns(2, d.kind, d.sheet))
	header := container.NewGridWithColumns(3, bold(T("import.column")), bold(T("import.field")), bold(T("import.sample")))
	content := container.NewBorder(container.NewVBox(top, d.format, header), container.NewVBox(d.missing, d.progress,
		container.NewGridWrap(fyne.NewSize(860, 140), d.result), copyErrors), nil, nil, container.NewVScroll(d.mapping))
	closeBtn := widget.NewButton(T("action.close"), func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons(T("import.title"), content, a.win)
	d.dlg.SetButtons([]fyne.CanvasObject{closeBtn, d.check, d.run})
	d.dlg.SetOnClosed(func() {
		if d.cancel != nil {
			d.cancel()
		}
	})
	d.dlg.Resize(fyne.NewSize(900, 680))
	a.lastImport = d
	a.showDialog(d.dlg)
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (d *importDialog) chooseFile() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		d.setFile(path)
	}, d.a.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".tsv", ".xlsx"}))
	d.a.showDialog(open)
}

func (d *importDialog) setFile(path string) {
	d.path = path
	d.file.SetText(path)
	d.sheet.setValues([]string{""}, func(s string) string { return s })
	d.sheet.setValueQuietly("")
	d.sheet.Hide()
	d.preview()
}

// preview reads the file's start in the background and shows the column mapping.
func (d *importDialog) preview() {
	if d.path == "" {
		return
	}
	path, kind, sheetName := d.path, d.kind.value(), d.sheet.value()
	d.result.SetText("")
	var p transfer.Preview
	var err error
	n := d.loads.next()
	d.a.background(func() { p, err = transfer.PreviewFile(path, kind, sheetName) }, func() {
		if !d.loads.current(n) {
			return
		}
		if err != nil {
			d.format.SetText(describeFileError(path, err))
			d.mapping.RemoveAll()
			d.check.Disable()
			d.run.Disable()
			return
		}
		d.showPreview(kind, p)
	})
}

func (d *importDialog) showPreview(kind transfer.Kind, p transfer.Preview) {
	d.format.SetText(Tf("import.read_as", map[string]any{"Format": p.Source.Describe(Tf), "Row": p.HeaderRow}))
	if len(p.Sheets) > 1 && !d.sheet.Visible() { // a workbook with several sheets: let the user pick one
		d.sheet.setValues(p.Sheets, func(s string) string { return s })
		d.sheet.setValueQuietly(p.Sheets[0])
		d.sheet.Show()
	}
	columns := transfer.Columns(kind)
	keys := []string{""}
	titles := map[string]string{"": T("import.skip")}
	for _, c := range columns {
		keys = append(keys, c.Key)
		titles[c.Key] = c.Title(currentLang())
	}
	d.mapping.RemoveAll()
	d.fields = nil
	for i, h := range p.Header {
		field := newChoice(keys, func(k string) string { return titles[k] }, func(key string) { d.mapped(i, key, kind) })
		field.setValueQuietly(p.Mapping[i])
		d.fields = append(d.fields, field)
		var samples []string
		for _, row := range p.Rows {
			if i < len(row) && strings.TrimSpace(row[i]) != "" && len(samples) < 3 {
				samples = append(samples, row[i])
			}
		}
		sample := widget.NewLabel(strings.Join(samples, " · "))
		sample.Truncation = fyne.TextTruncateEllipsis
		name := widget.NewLabel(h)
		name.Truncation = fyne.TextTruncateEllipsis
		d.mapping.Add(container.NewGridWithColumns(3, name, field, sample))
	}
	d.checkMissing(kind)
}

// currentMapping is the mapping as the user left it.
func (d *importDialog) currentMapping() transfer.Mapping {
	m := make(transfer.Mapping, len(d.fields))
	for i, f := range d.fields {
		m[i] = f.value()
	}
	return m
}

// mapped keeps one column per field: choosing a field for column i takes it
// away from the column that had it.
func (d *importDialog) mapped(i int, key string, kind transfer.Kind) {
	for j, f := range d.fields {
		if j != i && key != "" && f.value() == key {
			f.setValueQuietly("")
		}
	}
	d.checkMissing(kind)
}

// checkMissing names the required fields no column is mapped to, and allows the
// import only when there are none.
func (d *importDialog) checkMissing(kind transfer.Kind) {
	var missing []string
	for _, key := range transfer.Missing(kind, d.currentMapping()) {
		for _, c := range transfer.Columns(kind) {
			if c.Key == key {
				missing = append(missing, "«"+c.Title(currentLang())+"»")
			}
		}
	}
	d.check.Disable()
	d.run.Disable()
	if len(missing) > 0 {
		d.missing.SetText(Tf("import.missing", map[string]any{"Columns": strings.Join(missing, ", ")}))
		d.missing.Show()
		return
	}
	d.missing.Hide()
	d.check.Enable()
	d.run.Enable()
}

// setRunning locks what a running check or import reads (the file, its kind,
// sheet and mapping) and shows its progress and Cancel.
func (d *importDialog) setRunning(running bool) {
	inputs := []fyne.Disableable{d.choose, d.kind, d.sheet, d.check, d.run}
	for _, f := range d.fields {
		inputs = append(inputs, f)
	}
	for _, in := range inputs {
		if running {
			in.Disable()
		} else {
			in.Enable()
		}
	}
	if running {
		d.bar.SetValue(0)
		d.progress.Show()
	} else {
		d.progress.Hide()
	}
}

// start checks (dryRun) or imports the file in the background with progress; the
// dialog's Close cancels it, and a cancelled import writes nothing.
func (d *importDialog) start(dryRun bool) {
	st := d.a.store()
	if st == nil || d.path == "" {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	opt := transfer.Options{Kind: d.kind.value(), Sheet: d.sheet.value(), Mapping: d.currentMapping(), DryRun: dryRun,
		Lang:     currentLang(),
		Progress: func(f float64) { onUI(func() { d.bar.SetValue(f) }) }}
	d.setRunning(true)
	if dryRun {
		d.result.SetText(T("import.checking"))
	} else {
		d.result.SetText(T("import.running"))
	}
	path := d.path
	var rep transfer.Report
	var err error
	d.a.background(func() { rep, err = transfer.Import(ctx, st, path, opt) }, func() {
		cancel()
		d.cancel = nil
		d.setRunning(false)
		switch {
		case errors.Is(err, context.Canceled):
			d.result.SetText(T("import.cancelled"))
		case err != nil:
			d.result.SetText(describeFileError(path, err))
		default:
			d.result.SetText(d.describeReport(rep))
			if rep.Written {
				d.a.refreshAll()
			}
		}
	})
}

func (d *importDialog) describeReport(rep transfer.Report) string {
	params := map[string]any{"Rows": rep.Rows, "Added": rep.Added, "Updated": rep.Updated,
		"Unchanged": rep.Unchanged, "Errors": len(rep.Errors) + rep.More}
	var lines []string
	switch {
	case rep.Failed():
		lines = append(lines, Tf("import.rejected", params))
	case rep.DryRun:
		lines = append(lines, Tf("import.checked", params))
	default:
		lines = append(lines, Tf("import.done", params))
	}
	tr := func(key string, p map[string]any) string { return Tf(key, formatParams(p)) }
	for _, e := range rep.Errors {
		lines = append(lines, e.Describe(rep.Kind, currentLang(), tr))
	}
	if rep.More > 0 {
		lines = append(lines, Tf("import.more_errors", map[string]any{"Count": rep.More}))
	}
	return strings.Join(lines, "\n")
}

// describeFileError says why a file cannot be read at all.
func describeFileError(path string, err error) string {
	var fe *sheet.FormatError
	if errors.As(err, &fe) {
		return filepath.Base(path) + ": " + Tf("fileerr."+fe.Problem, map[string]any{"Detail": fe.Detail, "Line": fe.Line})
	}
	if _, ok := data.AsDBError(err); ok {
		return describeError(err)
	}
	return filepath.Base(path) + ": " + err.Error()
}

// refreshAll reloads the shown screen after the database changed under it.
func (a *App) refreshAll() {
	if a.current >= 0 && a.current < len(a.screens) {
		a.screens[a.current].reload()
	}
}
