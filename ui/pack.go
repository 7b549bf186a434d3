package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/pack"
	"leadboard/ui/widgets"
)

// packScreen makes the management meeting pack: the user chooses the period and the
// sections, previews the slides and exports them as a PDF, a workbook or a folder
// of slide images. Nothing is built until the user asks for a preview or an export.
type packScreen struct {
	app      *App
	settings *packSettings
	loaded   bool // the periods and the remembered settings are in place
	// visits counts the times the screen was shown: the data may have changed
	// elsewhere in between, so a preview made on an earlier visit is out of date.
	visits int

	kind       *choice[pack.PeriodKind]
	period     *choice[pack.Period]
	sections   []*widget.Check // in the order of pack.Sections
	department *settingEntry
	author     *settingEntry

	previewButton *widget.Button
	exportButtons []*widget.Button
	bar           *widget.ProgressBar
	stop          *widget.Button
	progress      *fyne.Container
	status        *widget.Label

	preview *packPreview
	job     *packJob // the build or export running, or nil
	// onStep, when set (tests), is called off the UI goroutine after each step of a
	// job with the job's cancel.
	onStep func(cancel func())

	root fyne.CanvasObject
}

func newPackScreen(a *App) *packScreen {
	s := &packScreen{app: a, settings: newPackSettings(a)}
	s.kind = newChoice(packPeriodKinds, periodKindLabel, s.kindChanged)
	s.kind.setValueQuietly(pack.Month)
	s.period = newChoice([]pack.Period{}, packPeriodLabel, func(pack.Period) { s.choiceChanged() })
	for _, code := range pack.Sections {
		check := widget.NewCheck(T("pack.section."+code), nil)
		check.SetChecked(true)
		check.OnChanged = func(bool) { s.choiceChanged() }
		s.sections = append(s.sections, check)
	}
	s.department = newSettingEntry(func(text string) { s.remember(pack.SettingDepartment, text) })
	s.author = newSettingEntry(func(text string) { s.remember(pack.SettingAuthor, text) })
	s.author.SetPlaceHolder(T("pack.screen.author_hint"))
	s.preview = newPackPreview(a)
	s.root = container.NewHSplit(s.choices(), container.NewBorder(s.actions(), nil, nil, nil, s.preview.object()))
	s.root.(*container.Split).Offset = 0.24
	return s
}

// choices is the left column: the period, the sections and the title page.
func (s *packScreen) choices() fyne.CanvasObject {
	checks := container.NewVBox()
	for _, c := range s.sections {
		checks.Add(c)
	}
	titlePage := container.New(layout.NewFormLayout(),
		widget.NewLabel(T("pack.screen.department")), s.department,
		widget.NewLabel(T("pack.screen.author")), s.author)
	return container.NewVScroll(container.NewVBox(
		sectionLabel(T("pack.screen.period")), s.kind, s.period,
		sectionLabel(T("pack.screen.sections")), checks,
		sectionLabel(T("pack.screen.title_page")), titlePage))
}

// actions is the row above the preview: Preview, the exports, the progress of the
// job running and the status.
func (s *packScreen) actions() fyne.CanvasObject {
	s.previewButton = widget.NewButtonWithIcon(T("pack.screen.preview"), theme.VisibilityIcon(), s.buildPreview)
	s.previewButton.Importance = widget.HighImportance
	for _, f := range packFormats {
		s.exportButtons = append(s.exportButtons,
			widget.NewButtonWithIcon(T(f.button), theme.DownloadIcon(), func() { s.askExport(f) }))
	}
	s.bar = widget.NewProgressBar()
	s.stop = widget.NewButtonWithIcon(T("action.cancel"), theme.CancelIcon(), s.cancelJob)
	s.progress = container.NewBorder(nil, nil, nil, s.stop, s.bar)
	s.progress.Hide()
	s.status = widget.NewLabel(T("pack.screen.intro"))
	s.status.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(s.previewButton, widget.NewSeparator(), widget.NewLabel(T("pack.screen.export")))
	for _, b := range s.exportButtons {
		buttons.Add(b)
	}
	return container.NewVBox(buttons, s.progress, s.status)
}

func (s *packScreen) title() string             { return T("nav.pack") }
func (s *packScreen) object() fyne.CanvasObject { return s.root }

// reload offers the periods up to today and fills in the remembered department and
// author, once: the screen keeps what the user chose while it is away. Each visit
// marks the preview out of date, since a plan saved or values imported meanwhile
// change the slides.
func (s *packScreen) reload() {
	s.visits++
	if s.app.store() == nil {
		return
	}
	if s.loaded {
		s.choiceChanged()
		return
	}
	s.loaded = true
	s.showPeriods(periodOfKind(pack.Month, data.MonthOf(s.app.today())-1)) // the last full month
	s.settings.load(func(department, author string) {
		s.department.SetText(department)
		s.author.SetText(author)
	})
}

// showPeriods offers the recent periods of chosen's kind and chooses it, or the
// nearest offered when it is older or newer than any: December of the running
// year becomes the last full month.
func (s *packScreen) showPeriods(chosen pack.Period) {
	periods := recentPeriods(chosen.Kind, data.MonthOf(s.app.today()))
	if oldest := periods[len(periods)-1]; chosen.From < oldest.From {
		chosen = oldest
	}
	if newest := periods[0]; chosen.From > newest.From {
		chosen = newest
		if chosen.Kind == pack.Month {
			chosen = periods[1] // the last full month
		}
	}
	s.period.setValues(periods, packPeriodLabel)
	s.period.setValueQuietly(chosen)
	s.choiceChanged()
}

// kindChanged offers the periods of the new kind, choosing the one that holds the
// period chosen before.
func (s *packScreen) kindChanged(kind pack.PeriodKind) {
	last := data.MonthOf(s.app.today()) - 1
	if p := s.period.value(); p.Kind != "" {
		last = p.To
	}
	s.showPeriods(periodOfKind(kind, last))
}

// chosenSections are the codes of the sections ticked, in the pack's order.
func (s *packScreen) chosenSections() []string {
	var out []string
	for i, c := range s.sections {
		if c.Checked {
			out = append(out, pack.Sections[i])
		}
	}
	return out
}

// packChoice is what a pack is built from, as the screen shows it now.
type packChoice struct {
	period   pack.Period
	sections []string
	options  pack.Options
	asOf     string // the screen's visit and today's date: the data the pack reads
}

func (s *packScreen) choice() packChoice {
	return packChoice{period: s.period.value(), sections: s.chosenSections(), options: pack.Options{Lang: currentLang(),
		Department: strings.TrimSpace(s.department.Text), Author: strings.TrimSpace(s.author.Text)},
		asOf: strconv.Itoa(s.visits) + "@" + s.app.today().Format(time.DateOnly)}
}

// selection names what the user chose that the slides depend on: the title page
// is not among them.
func (c packChoice) selection() string {
	return c.period.String() + "|" + strings.Join(c.sections, ",") + "|" + c.options.Lang
}

// key names everything the slides depend on: the selection and the data as of
// when it was read.
func (c packChoice) key() string { return c.selection() + "|" + c.asOf }

// choiceChanged marks the preview out of date and allows building only with a
// period and at least one section.
func (s *packScreen) choiceChanged() {
	c := s.choice()
	ready := c.period.Kind != "" && len(c.sections) > 0
	for _, b := range append([]*widget.Button{s.previewButton}, s.exportButtons...) {
		if ready && s.job == nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	switch {
	case s.job != nil:
	case len(c.sections) == 0:
		s.say(T("pack.screen.no_sections"), widget.WarningImportance)
	case s.preview.built() && s.preview.isFor(c.key()):
		s.say(s.preview.describe(), widget.MediumImportance)
	case s.preview.built() && s.preview.isOf(c.selection()):
		s.say(T("pack.screen.stale_data"), widget.WarningImportance)
	case s.preview.built():
		s.say(T("pack.screen.stale"), widget.WarningImportance)
	}
}

// say puts a message in the status line.
func (s *packScreen) say(message string, importance widget.Importance) {
	s.status.Importance = importance
	s.status.SetText(message)
}

// remember saves a title-page field the user changed.
func (s *packScreen) remember(key, text string) {
	s.settings.remember(key, strings.TrimSpace(text), func(err error) {
		s.say(describeError(err), widget.DangerImportance)
	})
}

// rememberTitlePage saves both title-page fields before they go into a pack.
func (s *packScreen) rememberTitlePage() {
	s.remember(pack.SettingDepartment, s.department.Text)
	s.remember(pack.SettingAuthor, s.author.Text)
}

// settingEntry is an entry whose value is saved when the user leaves it or
// presses Enter.
type settingEntry struct {
	widgets.Entry
	left func(text string)
}

func newSettingEntry(left func(text string)) *settingEntry {
	e := &settingEntry{left: left}
	e.OnSubmitted = left
	e.ExtendBaseWidget(e)
	return e
}

func (e *settingEntry) FocusLost() {
	e.Entry.FocusLost()
	e.left(e.Text)
}
