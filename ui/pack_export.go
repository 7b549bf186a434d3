package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"leadboard/data"
	"leadboard/data/pack"
	"leadboard/ui/widgets"
)

// packFormat is a way to export the pack: a file, or a folder of slides.
type packFormat struct {
	button    string // translation keys: the button, the save dialog's title, the done and cancelled messages
	title     string
	written   string
	cancelled string
	ext       string // "" for the slides' folder
	write     func(ctx context.Context, path string, p pack.Pack, progress pack.Progress) error
}

var (
	packPDF = packFormat{button: "pack.screen.export_pdf", title: "pack.screen.save_pdf", written: "pack.screen.written_file",
		cancelled: "pack.screen.export_cancelled", ext: ".pdf", write: pack.WritePDFFile}
	packXLSX = packFormat{button: "pack.screen.export_xlsx", title: "pack.screen.save_xlsx",
		written: "pack.screen.written_file", cancelled: "pack.screen.export_cancelled", ext: ".xlsx",
		write: writePackXLSX}
	packSlides = packFormat{button: "pack.screen.export_slides", title: "pack.screen.save_slides",
		written: "pack.screen.written_folder", cancelled: "pack.screen.export_cancelled_slides",
		write: pack.WriteSlides}
)

var packFormats = []packFormat{packPDF, packXLSX, packSlides}

// writePackXLSX writes the workbook, which is one step.
func writePackXLSX(ctx context.Context, path string, p pack.Pack, progress pack.Progress) error {
	if err := pack.WriteXLSXFile(ctx, path, p); err != nil {
		return err
	}
	progress(1, 1)
	return nil
}

// askExport asks where the export goes, as the app's other exports do: a folder and
// a name (a new folder's name for the slides), then runs it.
func (s *packScreen) askExport(f packFormat) {
	a := s.app
	folder, folderRow := a.folderField(a.fyneApp.Preferences().StringWithFallback(prefExportFolder, homeFolder()))
	name := widgets.NewEntry()
	name.SetText(safeFileName(T("nav.pack")+" — "+s.period.value().Label(currentLang())) + f.ext)
	form := widgets.NewForm()
	nameLabel := T("field.file_name")
	if f.ext == "" {
		form.SetIntro(T("pack.screen.slides_intro"))
		nameLabel = T("pack.screen.slides_folder")
	}
	form.Add("folder", T("field.folder"), folderRow, true)
	form.Add("file_name", nameLabel, name, true)
	a.showFormDialog(T(f.title), form, 620, func(done func(error)) {
		path, err := filePath(folder.Text, strings.TrimSpace(name.Text), f.ext)
		if err != nil {
			done(err)
			return
		}
		if f.ext == "" {
			s.exportToFolder(f, path, done)
			return
		}
		a.replaceOrKeep(path, done, func() { s.exportTo(f, path) })
	})
}

// exportToFolder writes the slides into a new or empty folder: slides are never
// mixed with files already there.
func (s *packScreen) exportToFolder(f packFormat, dir string, done func(error)) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 || err != nil && fileExists(dir) {
		done(&data.ValidationError{Fields: []data.FieldError{{Field: "file_name", Code: "folder_not_empty"}}})
		return
	}
	done(nil)
	s.app.fyneApp.Preferences().SetString(prefExportFolder, filepath.Dir(dir))
	s.exportTo(f, dir)
}
