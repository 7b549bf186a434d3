package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data/table"
	"leadboard/data/transfer"
	"leadboard/ui/widgets"
)

// prefExportFolder remembers where the last export went.
const prefExportFolder = "export_folder"

// exportList is an Export button for a list: it exports the rows as the list
// shows them (its filter and order) with headers in the UI language.
func exportList[R any](a *App, list *widgets.Table[R], build func(rows []R, lang string) table.Table) *widget.Button {
	return widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), func() {
		rows := list.Rows()
		a.exportDialog(build(rows, currentLang()), len(rows))
	})
}

// withTools puts a row of buttons above a list.
func withTools(content fyne.CanvasObject, tools ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(container.NewHBox(tools...), nil, nil, nil, content)
}

type exportFormat struct {
	format    transfer.Format
	delimiter rune
	ext       string
}

var exportFormats = []exportFormat{{transfer.XLSX, 0, ".xlsx"}, {transfer.CSV, ';', ".csv"}, {transfer.CSV, ',', ".csv"}}

func (f exportFormat) label() string {
	switch {
	case f.format == transfer.XLSX:
		return T("export.format.xlsx")
	case f.delimiter == ',':
		return T("export.format.csv_comma")
	}
	return T("export.format.csv")
}

// exportDialog asks for the format, the folder and the file name, confirms
// replacing an existing file, and writes the table in the background.
func (a *App) exportDialog(t table.Table, rows int) {
	lang := currentLang()
	folder, folderRow := a.folderField(a.fyneApp.Preferences().StringWithFallback(prefExportFolder, homeFolder()))
	name := widgets.NewEntry()
	name.SetText(safeFileName(t.Name) + exportFormats[0].ext)
	formats := newChoice([]int{0, 1, 2}, func(i int) string { return exportFormats[i].label() }, func(i int) {
		name.SetText(withExtension(name.Text, exportFormats[i].ext))
	})
	formats.setValueQuietly(0)
	form := widgets.NewForm()
	form.SetIntro(Tf("export.rows", map[string]any{"Count": rows}))
	form.Add("format", T("export.format"), formats, true)
	form.Add("folder", T("field.folder"), folderRow, true)
	form.Add("file_name", T("field.file_name"), name, true)
	a.showFormDialog(T("export.title"), form, 620, func(done func(error)) {
		f := exportFormats[formats.value()]
		fileName := strings.TrimSpace(name.Text)
		if fileName != "" {
			fileName = withExtension(fileName, f.ext)
		}
		path, err := filePath(folder.Text, fileName, f.ext)
		if err != nil {
			done(err)
			return
		}
		a.replaceOrKeep(path, done, func() { a.exportTo(path, t, f, lang) })
	})
}

// replaceOrKeep runs write when path is free, or when the user agrees to replace
// the file there; done learns whether the dialog may close.
func (a *App) replaceOrKeep(path string, done func(error), write func()) {
	run := func() {
		done(nil)
		a.fyneApp.Preferences().SetString(prefExportFolder, filepath.Dir(path))
		write()
	}
	if !fileExists(path) {
		run()
		return
	}
	a.showDialog(dialog.NewCustomConfirm(T("export.replace_title"),
		T("export.replace_yes"), T("action.cancel"),
		widget.NewLabel(Tf("export.replace", map[string]any{"Name": filepath.Base(path)})),
		func(replace bool) {
			if replace {
				run()
			} else {
				done(errFileExists)
			}
		}, a.win))
}

// withExtension makes a file name end in its format's extension, swapping the
// other format's.
func withExtension(name, ext string) string {
	switch filepath.Ext(name) {
	case ".csv", ".xlsx", ".png", ".svg":
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return name + ext
}

// exportTo writes the table in the background. The file appears only when
// complete, so a failure leaves an existing file as it was.
func (a *App) exportTo(path string, t table.Table, f exportFormat, lang string) {
	var err error
	a.background(func() { err = transfer.Export(path, t, f.format, lang, f.delimiter) }, func() {
		if err != nil {
			a.showError(err)
			return
		}
		a.showInfo(T("export.title"), Tf("export.done", map[string]any{"Path": path}))
	})
}

func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
}

// showInfo tells the user something went well.
func (a *App) showInfo(title, message string) {
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	a.showDialog(dialog.NewCustom(title, T("action.close"), container.NewGridWrap(fyne.NewSize(520, 80), l), a.win))
}
