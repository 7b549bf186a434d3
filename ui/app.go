// Package ui is Leadboard's window: navigation, screens, forms and dialogs. It talks
// to the database only through the data package's store API, always off the UI
// goroutine, and applies results with fyne.Do.
package ui

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"leadboard/assets"
	"leadboard/data"
)

// Options come from the command line.
type Options struct {
	DBPath string // database to open; "" means the remembered one or the default
	Lang   string // "ru" or "en" forces the language; "" means Settings, then the system
}

// Preference keys.
const (
	prefLanguage = "language"
	prefTheme    = "theme"
	prefDatabase = "database"
)

// screen is a page reached from the navigation.
type screen interface {
	title() string
	object() fyne.CanvasObject
	reload() // fetch the data again (in the background)
}

// App is the main window and what it shows.
type App struct {
	fyneApp fyne.App
	win     fyne.Window
	opts    Options

	db   atomic.Pointer[data.Store]
	busy sync.WaitGroup // background work in flight; tests wait on it

	dialogs    []dialog.Dialog // open dialogs, topmost last: Escape closes it
	lastForm   *formDialog     // the form dialog shown last (tests fill it in)
	lastImport *importDialog   // the import dialog shown last (tests drive it)

	nav       *widget.List
	selecting bool  // the code, not the user, is moving the navigation's selection
	openErr   error // why the last database could not be opened, while none is open
	body      *fyne.Container
	status    *widget.Label
	screens   []screen
	current   int
	overview  *overviewScreen
	staff     *staffScreen
	clients   *clientsScreen
	workload  *workloadScreen
	kpi       *kpiScreen
	reviews   *reviewsScreen
	grades    *gradesScreen
	audit     *auditScreen
	health    *healthScreen
	pack      *packScreen
	settings  *settingsScreen
}

// Run opens the main window and blocks until it is closed.
func Run(a fyne.App, opts Options) {
	New(a, opts).win.ShowAndRun()
}

// New builds the main window and starts opening the database in the background.
func New(a fyne.App, opts Options) *App {
	app := &App{fyneApp: a, opts: opts}
	language := opts.Lang
	if language == "" {
		language = a.Preferences().String(prefLanguage)
	}
	if err := setLanguage(language); err != nil {
		fyne.LogError("loading translations", err)
	}
	applyTheme(a, a.Preferences().StringWithFallback(prefTheme, themeSystem))
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	app.win = a.NewWindow("Leadboard")
	app.win.Resize(fyne.NewSize(1440, 880))
	app.win.Canvas().SetOnTypedKey(app.typedKey)
	app.win.SetOnClosed(func() {
		if st := app.store(); st != nil {
			st.Close()
		}
	})
	app.build()
	path, remembered := app.databasePath()
	// A --db file is not remembered. A remembered file that has gone (a removed
	// disk, say) is reported, not silently replaced by an empty one.
	app.openDatabase(path, opts.DBPath == "", !remembered)
	return app
}

// databasePath is the file to open at start: the command line's, the one opened
// last (remembered), or the default in the user's configuration folder.
func (a *App) databasePath() (path string, remembered bool) {
	if a.opts.DBPath != "" {
		return a.opts.DBPath, false
	}
	if p := a.fyneApp.Preferences().String(prefDatabase); p != "" {
		return p, true
	}
	p, err := data.DefaultPath()
	if err != nil {
		return "leadboard.db", false
	}
	return p, false
}

// today is the current date as the database sees it.
func (a *App) today() time.Time {
	if st := a.store(); st != nil {
		return st.Today()
	}
	return data.DateOf(time.Now())
}

// now is the current time to the minute, as the database sees it.
func (a *App) now() time.Time {
	t := time.Now()
	if st := a.store(); st != nil {
		t = st.Now()
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
}

// store is the open database, or nil while none is open.
func (a *App) store() *data.Store { return a.db.Load() }

// build creates the navigation and the screens in the current language.
func (a *App) build() {
	a.overview = newOverviewScreen(a)
	a.staff = newStaffScreen(a)
	a.clients = newClientsScreen(a)
	a.workload = newWorkloadScreen(a)
	a.kpi = newKPIScreen(a)
	a.reviews = newReviewsScreen(a)
	a.grades = newGradesScreen(a)
	a.audit = newAuditScreen(a)
	a.health = newHealthScreen(a)
	a.pack = newPackScreen(a)
	a.settings = newSettingsScreen(a)
	a.screens = []screen{a.overview, a.staff, a.clients, a.workload, a.kpi, a.reviews, a.grades, a.audit, a.health,
		a.pack, a.settings}

	a.nav = widget.NewList(
		func() int { return len(a.screens) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(a.screens[id].title()) })
	a.nav.OnSelected = func(id widget.ListItemID) {
		if !a.selecting {
			a.show(id)
		}
	}

	a.body = container.NewStack()
	a.status = widget.NewLabel("")
	a.status.Truncation = fyne.TextTruncateEllipsis
	split := container.NewHSplit(a.nav, a.body)
	split.Offset = 0.135
	a.win.SetContent(container.NewBorder(nil, a.status, nil, nil, split))
	a.win.SetMainMenu(a.mainMenu())
	a.updateStatus()
}

// rebuild recreates every screen, e.g. after the language changed.
func (a *App) rebuild() {
	current := a.current
	a.build()
	if a.store() == nil && a.screens[current] != a.settings {
		a.showOpenProblem()
		return
	}
	a.show(current)
}

// show switches to the screen at index i and refreshes its data. Without a
// database only Settings opens.
func (a *App) show(i int) {
	if i < 0 || i >= len(a.screens) {
		return
	}
	if a.store() == nil && a.screens[i] != a.settings {
		a.selectNav(-1)
		return
	}
	a.current = i
	a.selectNav(i)
	a.body.Objects = []fyne.CanvasObject{a.screens[i].object()}
	a.body.Refresh()
	a.screens[i].reload()
}

// selectNav marks the shown screen in the navigation (-1: none) without reacting
// to it as to a click.
func (a *App) selectNav(i int) {
	a.selecting = true
	defer func() { a.selecting = false }()
	if i < 0 {
		a.nav.UnselectAll()
		return
	}
	a.nav.Select(i)
}

func (a *App) showScreen(s screen) {
	for i, candidate := range a.screens {
		if candidate == s {
			a.show(i)
			return
		}
	}
}

func (a *App) updateStatus() {
	if st := a.store(); st != nil {
		a.status.SetText(Tf("status.database", map[string]any{"Path": st.Path()}))
	} else {
		a.status.SetText(T("status.no_database"))
	}
}

func (a *App) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		a.closeTopDialog()
	}
}

// showDialog shows d and keeps track of it so that Escape can close it.
func (a *App) showDialog(d dialog.Dialog) {
	a.dialogs = append(a.dialogs, d)
	d.SetOnClosed(func() {
		for i := len(a.dialogs) - 1; i >= 0; i-- {
			if a.dialogs[i] == d {
				a.dialogs = append(a.dialogs[:i], a.dialogs[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

func (a *App) closeTopDialog() {
	if n := len(a.dialogs); n > 0 {
		a.dialogs[n-1].Hide()
	}
}

// showError tells the user what went wrong in a dialog.
func (a *App) showError(err error) {
	msg := widget.NewLabel(describeError(err))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(T("error.title"), T("action.close"), container.NewGridWrap(fyne.NewSize(520, 120), msg), a.win)
	a.showDialog(d)
}

// onUI applies a background result on the UI goroutine. Tests swap it for a queue
// they drain on the test goroutine, so that every UI change happens there.
var onUI = fyne.Do

// background runs work off the UI goroutine, then apply on it. Tests wait for all
// of them with busy.
func (a *App) background(work func(), apply func()) {
	a.busy.Add(1)
	go func() {
		work()
		onUI(func() {
			defer a.busy.Done()
			apply()
		})
	}()
}

// load runs query off the UI goroutine and hands the result to apply on it. A result
// that arrives after the database was switched, or after a newer load by the same
// ticket holder, is dropped; an error is shown to the user.
func load[T any](a *App, t *ticket, query func(ctx context.Context, st *data.Store) (T, error), apply func(T)) {
	loadOr(a, t, query, apply, a.showError)
}

// loadOr is load with the error handed to failed instead of a dialog (a view that
// says what went wrong in place of what it would show).
func loadOr[T any](a *App, t *ticket, query func(ctx context.Context, st *data.Store) (T, error), apply func(T),
	failed func(error)) {
	st := a.store()
	if st == nil {
		return
	}
	n := t.next()
	var v T
	var err error
	a.background(func() { v, err = query(context.Background(), st) }, func() {
		if a.store() != st || !t.current(n) {
			return
		}
		if err != nil {
			failed(err)
			return
		}
		apply(v)
	})
}

// save runs a write off the UI goroutine; done gets its error on the UI goroutine.
func save(a *App, write func(ctx context.Context, st *data.Store) error, done func(error)) {
	st := a.store()
	if st == nil {
		done(errors.New(T("status.no_database")))
		return
	}
	var err error
	a.background(func() { err = write(context.Background(), st) }, func() { done(err) })
}

// ticket orders the loads of one view so that only the newest result is applied.
type ticket struct{ n atomic.Int64 }

func (t *ticket) next() int64          { return t.n.Add(1) }
func (t *ticket) current(n int64) bool { return t.n.Load() == n }
