package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/ui/widgets"
)

// Where a new file goes is asked as a folder and a name in our own form: the
// system save dialog would create (or empty) the file before we write it.

// folderField is a folder the user types or picks in the folder dialog.
func (a *App) folderField(start string) (*widgets.Entry, fyne.CanvasObject) {
	folder := widgets.NewEntry()
	folder.SetText(start)
	browse := widget.NewButtonWithIcon("", theme.FolderOpenIcon(), func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder.SetText(u.Path())
			}
		}, a.win)
		if at, err := storage.ListerForURI(storage.NewFileURI(strings.TrimSpace(folder.Text))); err == nil {
			fd.SetLocation(at)
		}
		a.showDialog(fd)
	})
	return folder, container.NewBorder(nil, nil, nil, browse, folder)
}

// homeFolder is where files go when the user has not chosen yet.
func homeFolder() string {
	home, _ := os.UserHomeDir()
	return home
}

// filePath checks the folder and the file name typed in a form ("folder" and
// "file_name" fields) and joins them, adding ext to a name without one.
func filePath(folder, name, ext string) (string, error) {
	var problems []data.FieldError
	folder, name = strings.TrimSpace(folder), strings.TrimSpace(name)
	if info, err := os.Stat(folder); folder == "" || err != nil || !info.IsDir() {
		problems = append(problems, data.FieldError{Field: "folder", Code: "no_folder"})
	}
	if name == "" || strings.ContainsAny(name, `/\?#`) {
		problems = append(problems, data.FieldError{Field: "file_name", Code: "bad_file_name"})
	}
	if len(problems) > 0 {
		return "", &data.ValidationError{Fields: problems}
	}
	if filepath.Ext(name) == "" {
		name += ext
	}
	return filepath.Join(folder, name), nil
}

// fileExists is true when path names something already there (or unreadable).
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}

// errFileExists keeps a form open on its file name.
var errFileExists = &data.ValidationError{Fields: []data.FieldError{{Field: "file_name", Code: "file_exists"}}}
