package ui

import (
	"io"
	"strings"

	"leadboard/data/transfer"
	"leadboard/ui/widgets"
)

// chartSize is a size charts are saved at; the first is the slide default.
type chartSize struct{ width, height int }

var chartSizes = []chartSize{{1600, 900}, {1920, 1080}, {1200, 675}, {800, 450}}

func (s chartSize) label() string {
	return Tf("chart.size", map[string]any{"Width": s.width, "Height": s.height})
}

// chartExportDialog saves a chart as PNG or SVG at a chosen size, in the print
// style; the file appears only when complete.
func (a *App) chartExportDialog(title string, png, svg func(w io.Writer, width, height int) error) {
	folder, folderRow := a.folderField(a.fyneApp.Preferences().StringWithFallback(prefExportFolder, homeFolder()))
	name := widgets.NewEntry()
	name.SetText(safeFileName(title) + ".png")
	formats := newChoice([]string{".png", ".svg"}, chartFormatLabel,
		func(ext string) { name.SetText(withExtension(name.Text, ext)) })
	formats.setValueQuietly(".png")
	sizes := newChoice([]int{0, 1, 2, 3}, func(i int) string { return chartSizes[i].label() }, nil)
	sizes.setValueQuietly(0)
	form := widgets.NewForm()
	form.SetIntro(T("chart.export_intro"))
	form.Add("format", T("export.format"), formats, true)
	form.Add("size", T("chart.size_field"), sizes, true)
	form.Add("folder", T("field.folder"), folderRow, true)
	form.Add("file_name", T("field.file_name"), name, true)
	a.showFormDialog(T("chart.export_title"), form, 620, func(done func(error)) {
		ext := formats.value()
		fileName := strings.TrimSpace(name.Text)
		if fileName != "" {
			fileName = withExtension(fileName, ext)
		}
		path, err := filePath(folder.Text, fileName, ext)
		if err != nil {
			done(err)
			return
		}
		size := chartSizes[sizes.value()]
		draw := png
		if ext == ".svg" {
			draw = svg
		}
		a.replaceOrKeep(path, done, func() { a.saveChart(path, size, draw) })
	})
}

// saveChart renders and writes the chart in the background.
func (a *App) saveChart(path string, size chartSize, draw func(w io.Writer, width, height int) error) {
	var err error
	a.background(func() {
		err = transfer.WriteFile(path, func(w io.Writer) error { return draw(w, size.width, size.height) })
	}, func() {
		if err != nil {
			a.showError(err)
			return
		}
		a.showInfo(T("chart.export_title"), Tf("export.done", map[string]any{"Path": path}))
	})
}

func chartFormatLabel(ext string) string {
	if ext == ".svg" {
		return T("chart.format.svg")
	}
	return T("chart.format.png")
}
