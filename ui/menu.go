package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"leadboard/data/transfer"
)

// searcher and adder are screens that have a search field (Ctrl+F) and can add a
// record (Ctrl+N).
type searcher interface{ focusSearch() }
type adder interface{ add() }

// mainMenu carries the keyboard shortcuts: menu shortcuts work wherever the focus is,
// even inside a text field.
func (a *App) mainMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, action)
		if key != "" {
			i.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: ctrl}
		}
		return i
	}
	file := fyne.NewMenu(T("menu.file"),
		item(T("db.open"), fyne.KeyO, a.chooseDatabase),
		item(T("db.new"), "", func() { a.newDatabaseDialog(false) }),
		item(T("db.new_demo"), "", func() { a.newDatabaseDialog(true) }),
		fyne.NewMenuItemSeparator(),
		item(T("import.open"), fyne.KeyI, a.importInCurrent),
	)
	edit := fyne.NewMenu(T("menu.edit"),
		item(T("menu.new_record"), fyne.KeyN, a.addInCurrent),
		item(T("menu.find"), fyne.KeyF, a.focusSearch),
	)
	view := fyne.NewMenu(T("menu.view"))
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i, s := range a.screens {
		var key fyne.KeyName
		if i < len(keys) {
			key = keys[i]
		}
		view.Items = append(view.Items, item(s.title(), key, func() { a.show(i) }))
	}
	return fyne.NewMainMenu(file, edit, view)
}

// addInCurrent adds a record in the current list (Ctrl+N). Menu shortcuts work even
// behind a dialog, so they wait until it is closed.
func (a *App) addInCurrent() {
	if s, ok := a.screens[a.current].(adder); ok && a.store() != nil && len(a.dialogs) == 0 {
		s.add()
	}
}

// importInCurrent opens the import for what the current screen lists (Ctrl+I).
func (a *App) importInCurrent() {
	if a.store() == nil || len(a.dialogs) > 0 {
		return
	}
	kind := transfer.Staff
	if a.screens[a.current] == a.clients {
		kind = transfer.Clients
	}
	a.openImport(kind)
}

// focusSearch puts the cursor in the current list's search field (Ctrl+F).
func (a *App) focusSearch() {
	if s, ok := a.screens[a.current].(searcher); ok && a.store() != nil && len(a.dialogs) == 0 {
		s.focusSearch()
	}
}
