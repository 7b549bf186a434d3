package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/demo"
	"leadboard/ui/widgets"
)

// openDatabase opens the file in the background, creating it when create is set.
// While it opens the window says so; when it fails the window says why and offers
// a way out. remember makes it the file to open at the next start.
func (a *App) openDatabase(path string, remember, create bool) {
	a.showMessagePage(T("status.opening"), path, false)
	var st *data.Store
	var err error
	a.background(func() { st, err = data.Open(path, data.Options{Create: create}) }, func() {
		if err != nil {
			a.openErr = err
			a.showOpenProblem()
			return
		}
		a.useStore(st, remember)
	})
}

// showOpenProblem says why the database could not be opened and offers a way out.
func (a *App) showOpenProblem() {
	a.showMessagePage(T("open.failed"), describeError(a.openErr), true)
}

// useStore makes st the open database and shows the Overview.
// Forms, cards and filters of the previous file are closed: nothing typed for one
// file can be saved into another.
func (a *App) useStore(st *data.Store, remember bool) {
	a.pack.cancelJob() // an export must not go on reading the file being closed, its screen gone
	for len(a.dialogs) > 0 {
		a.closeTopDialog()
	}
	if old := a.db.Swap(st); old != nil {
		go old.Close() // loads still running on it fail quietly: their results are dropped
	}
	a.openErr = nil
	if remember {
		a.fyneApp.Preferences().SetString(prefDatabase, st.Path())
	}
	a.build()
	a.show(0)
}

// showMessagePage fills the window with a message, e.g. while opening or after a
// failure; withActions adds the ways to open another database.
func (a *App) showMessagePage(title, detail string, withActions bool) {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(detail)
	text.Wrapping = fyne.TextWrapWord
	text.Alignment = fyne.TextAlignCenter
	items := []fyne.CanvasObject{heading, text}
	if withActions {
		items = append(items, container.NewCenter(container.NewHBox(a.databaseButtons()...)))
	} else {
		items = append(items, widget.NewProgressBarInfinite())
	}
	page := container.NewVBox(items...)
	a.body.Objects = []fyne.CanvasObject{container.NewCenter(container.NewGridWrap(fyne.NewSize(640, page.MinSize().Height), page))}
	a.body.Refresh()
}

// databaseButtons are the ways to switch files, shared by Settings and the error page.
func (a *App) databaseButtons() []fyne.CanvasObject {
	return []fyne.CanvasObject{
		widget.NewButtonWithIcon(T("db.open"), theme.FolderOpenIcon(), a.chooseDatabase),
		widget.NewButtonWithIcon(T("db.new"), theme.DocumentCreateIcon(), func() { a.newDatabaseDialog(false) }),
		widget.NewButtonWithIcon(T("db.new_demo"), theme.ContentAddIcon(), func() { a.newDatabaseDialog(true) }),
	}
}

// chooseDatabase lets the user pick an existing database file.
func (a *App) chooseDatabase() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		a.openDatabase(path, true, false)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
	a.showDialog(d)
}

// newDatabaseDialog asks for a folder and a file name for a new database, optionally
// filled with demo data. It never overwrites an existing file.
func (a *App) newDatabaseDialog(withDemo bool) {
	form := widgets.NewForm()
	folder, folderRow := a.folderField(homeFolder())
	name := widgets.NewEntry()
	name.SetText("leadboard.db")
	title := T("db.new")
	if withDemo {
		name.SetText("leadboard-demo.db")
		title = T("db.new_demo")
	}
	form.Add("folder", T("field.folder"), folderRow, true)
	form.Add("file_name", T("field.file_name"), name, true)
	var dlg *dialog.CustomDialog
	create := widget.NewButtonWithIcon(T("action.create"), theme.ConfirmIcon(), func() {
		path, err := newDatabasePath(folder.Text, name.Text)
		if err != nil {
			showFormError(form, err)
			return
		}
		dlg.Hide()
		a.createDatabase(path, withDemo)
	})
	create.Importance = widget.HighImportance
	cancel := widget.NewButton(T("action.cancel"), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(title, form.Object(), a.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, create})
	dlg.Resize(fyne.NewSize(620, dlg.MinSize().Height))
	a.showDialog(dlg)
}

// newDatabasePath checks the folder and name typed for a new database.
func newDatabasePath(folder, name string) (string, error) {
	path, err := filePath(folder, name, ".db")
	if err == nil && fileExists(path) {
		return "", errFileExists
	}
	return path, err
}

// createDatabase makes a new file (with demo data if asked) with a progress dialog,
// then switches to it. A failed or cancelled demo leaves no file behind.
func (a *App) createDatabase(path string, withDemo bool) {
	bar := widget.NewProgressBar()
	ctx, cancel := context.WithCancel(context.Background())
	progress := dialog.NewCustom(T("db.creating"), T("action.cancel"),
		container.NewVBox(widget.NewLabel(path), bar), a.win)
	progress.SetOnClosed(cancel)
	progress.Resize(fyne.NewSize(520, progress.MinSize().Height))
	a.showDialog(progress)
	var st *data.Store
	var err error
	a.background(func() {
		st, err = data.Create(path)
		if err == nil && withDemo {
			_, err = demo.Generate(ctx, st, demo.Options{Scale: demo.Small, Seed: 1,
				Progress: func(f float64) { onUI(func() { bar.SetValue(f) }) }})
			if err != nil { // the file is ours: leave nothing half-made behind
				st.Close()
				data.RemoveFiles(path)
			}
		}
	}, func() {
		progress.Hide()
		switch {
		case errors.Is(err, context.Canceled):
		case err != nil:
			a.showError(err)
		default:
			a.useStore(st, true)
		}
	})
}
