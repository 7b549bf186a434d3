package ui

import (
	"context"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/calibration"
	"leadboard/data/review"
	"leadboard/ui/widgets"
)

// reviewsScreen runs performance reviews: the cycles and who is where in them, a
// person's review, the team's results side by side, and the criteria templates.
type reviewsScreen struct {
	app    *App
	loads  ticket
	cycles []data.CycleSummary
	bands  review.Bands
	chosen int64 // the cycle whose participants are listed

	cycleList    *widgets.Table[data.CycleSummary]
	participants *widgets.Table[data.Participant]
	cycleInfo    *widget.Label
	editCycle    *widget.Button
	addPeople    *widget.Button
	cyclesPage   fyne.CanvasObject
	cyclesTab    *fyne.Container // the cycles, or a review opened from them
	form         *reviewForm     // the review shown, nil when none
	evidence     *evidenceCache
	team         *teamTab
	templates    *templatesTab
	tabs         *container.AppTabs
}

func newReviewsScreen(a *App) *reviewsScreen {
	s := &reviewsScreen{app: a, bands: review.DefaultBands()}
	s.cycleList = widgets.NewTable(cycleColumns(a), T("reviews.no_cycles"))
	s.cycleList.OnSelected = func(c data.CycleSummary) { s.chooseCycle(c.ID) }
	s.participants = widgets.NewTable(participantColumns(func() review.Bands { return s.bands }), T("reviews.no_participants"))
	s.participants.OnSelected = func(p data.Participant) { s.openReview(p.ReviewID) }
	s.cycleInfo = widget.NewLabel("")
	s.cycleInfo.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(T("reviews.new_cycle"), theme.ContentAddIcon(), func() {
		s.editCycleForm(data.ReviewCycle{Status: data.CyclePlanned})
	})
	s.editCycle = widget.NewButtonWithIcon(T("action.edit"), theme.DocumentCreateIcon(), func() {
		if c, ok := s.chosenCycle(); ok {
			s.editCycleForm(c.ReviewCycle)
		}
	})
	s.addPeople = widget.NewButtonWithIcon(T("reviews.add_participants"), theme.ContentAddIcon(), s.askParticipants)
	s.editCycle.Disable()
	s.addPeople.Disable()
	exportScores := widget.NewButtonWithIcon(T("export.open"), theme.DownloadIcon(), s.exportScores)
	left := container.NewBorder(container.NewHBox(widget.NewLabelWithStyle(T("reviews.cycles"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), layout.NewSpacer(), add), nil, nil, nil, s.cycleList)
	right := container.NewBorder(container.NewVBox(container.NewHBox(s.editCycle, s.addPeople, exportScores), s.cycleInfo),
		nil, nil, nil, s.participants)
	split := container.NewHSplit(left, right)
	split.Offset = 0.37
	s.cyclesPage = split
	s.cyclesTab = container.NewStack(split)
	s.team = newTeamTab(s)
	s.templates = newTemplatesTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("reviews.tab.cycles"), s.cyclesTab),
		container.NewTabItem(T("reviews.tab.team"), s.team.root),
		container.NewTabItem(T("reviews.tab.templates"), s.templates.root),
	)
	s.tabs.OnSelected = func(t *container.TabItem) { s.reloadTab() }
	return s
}

func (s *reviewsScreen) title() string             { return T("nav.reviews") }
func (s *reviewsScreen) object() fyne.CanvasObject { return s.tabs }

// reload fetches the open tab again; a review being written stays as it is.
func (s *reviewsScreen) reload() {
	if s.form != nil {
		return
	}
	s.evidence = nil // the log may have changed since: figure again
	s.reloadTab()
}

// reloadTab fetches what the open tab shows.
func (s *reviewsScreen) reloadTab() {
	switch s.tabs.SelectedIndex() {
	case 1:
		s.team.reload()
	case 2:
		s.templates.reload()
	default:
		s.reloadCycles()
	}
}

type cyclesData struct {
	cycles       []data.CycleSummary
	bands        review.Bands
	participants []data.Participant
}

// reloadCycles reads the cycles and the chosen one's participants (the latest
// cycle when none is chosen).
func (s *reviewsScreen) reloadCycles() {
	chosen := s.chosen
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) (cyclesData, error) {
		var d cyclesData
		var err error
		if d.cycles, err = st.ReviewCycles(ctx); err != nil {
			return d, err
		}
		if d.bands, err = st.ReviewBands(ctx); err != nil {
			return d, err
		}
		if chosen == 0 && len(d.cycles) > 0 {
			chosen = d.cycles[0].ID
		}
		if chosen != 0 {
			d.participants, err = st.CycleParticipants(ctx, chosen)
		}
		return d, err
	}, func(d cyclesData) {
		s.cycles, s.bands, s.chosen = d.cycles, d.bands, chosen
		s.cycleList.SetRows(d.cycles)
		s.participants.SetRows(d.participants)
		s.showCycleInfo(d.participants)
	})
}

func (s *reviewsScreen) chooseCycle(id int64) {
	s.chosen = id
	s.reloadCycles()
}

func (s *reviewsScreen) chosenCycle() (data.CycleSummary, bool) {
	for _, c := range s.cycles {
		if c.ID == s.chosen {
			return c, true
		}
	}
	return data.CycleSummary{}, false
}

// showCycleInfo sums up the chosen cycle: its period, due date and how many
// reviews stand where.
func (s *reviewsScreen) showCycleInfo(people []data.Participant) {
	c, ok := s.chosenCycle()
	setEnabled(s.editCycle, ok)
	setEnabled(s.addPeople, ok && c.Status != data.CycleClosed)
	if !ok {
		s.cycleInfo.SetText(T("reviews.choose_cycle"))
		return
	}
	states := map[string]int{}
	for _, p := range people {
		states[p.State()]++
	}
	text := Tf("reviews.cycle_info", map[string]any{"Name": c.Name, "From": date(c.From), "To": date(c.To),
		"Due": date(c.Due), "Status": T("reviews.status." + c.Status), "NotStarted": states[data.StateNotStarted],
		"SelfDone": states[data.StateSelfDone], "InProgress": states[data.StateInProgress], "Final": states[data.StateFinal]})
	if c.Overdue(s.app.today()) {
		text += "\n" + Tf("reviews.overdue", map[string]any{"Count": c.Participants - c.Final})
	}
	s.cycleInfo.SetText(text)
}

func (s *reviewsScreen) exportScores() {
	cycle := s.chosen
	var t ticket
	load(s.app, &t, func(ctx context.Context, st *data.Store) (calibration.Results, error) {
		return calibration.Load(ctx, st, cycle)
	}, func(r calibration.Results) { s.app.exportDialog(r.ScoresTable(currentLang()), len(r.Reviews)) })
}

func cycleColumns(a *App) []widgets.Column[data.CycleSummary] {
	return []widgets.Column[data.CycleSummary]{
		{Title: T("field.name"), Width: 290, Text: func(c data.CycleSummary) string { return c.Name }},
		{Title: T("reviews.col.status"), Width: 96, Text: func(c data.CycleSummary) string {
			if c.Overdue(a.today()) {
				return T("reviews.overdue_short")
			}
			return T("reviews.status." + c.Status)
		}, Importance: func(c data.CycleSummary) widget.Importance {
			if c.Overdue(a.today()) {
				return widget.DangerImportance
			}
			return widget.MediumImportance
		}},
		{Title: T("reviews.col.done"), Width: 70, Align: fyne.TextAlignTrailing,
			Text: func(c data.CycleSummary) string { return integer(c.Final) + " / " + integer(c.Participants) }},
	}
}

func participantColumns(bands func() review.Bands) []widgets.Column[data.Participant] {
	return []widgets.Column[data.Participant]{
		{Title: T("field.full_name"), Width: 250, Text: func(p data.Participant) string {
			if p.Left {
				return p.Name + " (" + T("staff.status.left") + ")"
			}
			return p.Name
		},
			Less: func(a, b data.Participant) bool { return a.Name < b.Name }},
		{Title: T("field.grade"), Width: 210, Text: func(p data.Participant) string { return p.Grade.Name(currentLang()) },
			Less: func(a, b data.Participant) bool { return a.Grade.Rank < b.Grade.Rank }},
		{Title: T("reviews.col.state"), Width: 190, Text: func(p data.Participant) string { return T("reviews.state." + p.State()) },
			Less:       func(a, b data.Participant) bool { return stateOrder[a.State()] < stateOrder[b.State()] },
			Importance: stateImportance},
		{Title: T("reviews.col.result"), Width: 330, Text: func(p data.Participant) string { return resultText(p, bands()) },
			Less: func(a, b data.Participant) bool { return lessNaN(a.Score, b.Score) }},
	}
}

var stateOrder = map[string]int{data.StateNotStarted: 0, data.StateSelfDone: 1, data.StateInProgress: 2, data.StateFinal: 3}

func stateImportance(p data.Participant) widget.Importance {
	if p.State() == data.StateFinal {
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

// missingText says what a review still lacks before it can be final.
func missingText(p data.Participant) string {
	if p.Final {
		return ""
	}
	var parts []string
	if left := p.Criteria - p.LeadRated; left > 0 {
		parts = append(parts, Tf("reviews.missing_ratings", map[string]any{"Left": left, "Total": p.Criteria}))
	}
	if !p.SelfDone {
		parts = append(parts, T("reviews.missing_self"))
	}
	if p.Potential == "" {
		parts = append(parts, T("reviews.missing_potential"))
	}
	return strings.Join(parts, "; ")
}

// resultText is a final review's score and band ("3,85 — Выше ожиданий"), or
// what a draft still lacks.
func resultText(p data.Participant, bands review.Bands) string {
	if !p.Final {
		return missingText(p)
	}
	if math.IsNaN(p.Score) {
		return T("reviews.no_score")
	}
	return number(p.Score, 2) + " — " + calibration.BandName(currentLang(), bands.Of(p.Score))
}

// showCycle opens the screen on a cycle's participants (0: the latest cycle); a
// review with changes not saved stays open.
func (s *reviewsScreen) showCycle(id int64) {
	if s.form != nil && !s.form.changed() {
		s.closeReview()
	}
	if s.form == nil {
		s.chosen = id
		s.tabs.SelectIndex(0)
	}
	s.app.showScreen(s)
}
