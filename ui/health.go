package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/health"
)

// healthScreen shows the clients' health, the risks, renewals and opportunities.
// The scores of every served client are computed once per reload, off the UI
// goroutine, and shared by the tabs that show them.
type healthScreen struct {
	app     *App
	loads   ticket
	current healthData
	gen     int // bumped whenever the scores change: views drawn from older ones redraw
	busy    *widget.ProgressBarInfinite
	scores  *healthScoresTab
	risks   *healthRisksTab
	opps    *opportunitiesTab
	setup   *healthSettingsTab
	tabs    *container.AppTabs
	root    *fyne.Container
}

// healthData is what the health and risk tabs draw, computed together.
type healthData struct {
	settings health.Settings
	scores   []health.ClientHealth
	asOf     time.Time
}

// Tabs of the screen, in order.
const (
	healthTabScores = iota
	healthTabRisks
	healthTabOpportunities
	healthTabSettings
)

func newHealthScreen(a *App) *healthScreen {
	s := &healthScreen{app: a}
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Stop()
	s.busy.Hide()
	s.scores = newHealthScoresTab(s)
	s.risks = newHealthRisksTab(s)
	s.opps = newOpportunitiesTab(s)
	s.setup = newHealthSettingsTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("health.tab.scores"), s.scores.root),
		container.NewTabItem(T("health.tab.risks"), s.risks.root),
		container.NewTabItem(T("health.tab.opportunities"), s.opps.root),
		container.NewTabItem(T("health.tab.settings"), s.setup.root),
	)
	s.root = container.NewBorder(s.busy, nil, nil, nil, s.tabs)
	return s
}

func (s *healthScreen) title() string             { return T("nav.health") }
func (s *healthScreen) object() fyne.CanvasObject { return s.root }

// reload computes every client's health again (the progress bar runs meanwhile)
// and reads the opportunities.
func (s *healthScreen) reload() {
	s.setBusy(true)
	loadOr(s.app, &s.loads, func(ctx context.Context, st *data.Store) (healthData, error) {
		d := healthData{asOf: st.Today()}
		var err error
		if d.settings, err = health.LoadSettings(ctx, st); err != nil {
			return d, err
		}
		d.scores, err = health.Scores(ctx, st, d.settings, d.asOf)
		return d, err
	}, s.apply, func(err error) {
		s.setBusy(false)
		s.app.showError(err)
	})
	s.opps.reload()
}

func (s *healthScreen) apply(d healthData) {
	s.setBusy(false)
	s.current = d
	s.gen++
	s.scores.show()
	s.risks.show()
	s.setup.set(d.settings)
}

func (s *healthScreen) setBusy(on bool) {
	if on {
		s.busy.Show()
		s.busy.Start()
		return
	}
	s.busy.Stop()
	s.busy.Hide()
}

// replaceScore puts a client's recomputed health in place (after an override was
// set or ended) and redraws what shows it.
func (s *healthScreen) replaceScore(h health.ClientHealth) {
	// A copy: charts drawn in the background still read the slice they were given.
	scores := slices.Clone(s.current.scores)
	for i := range scores {
		if scores[i].ClientID == h.ClientID {
			scores[i] = h
		}
	}
	s.current.scores = scores
	s.gen++
	s.scores.show()
	s.risks.show()
}

// refreshClient computes one client's health again, with the settings in use. A
// reload started meanwhile computes every score anew, perhaps with other settings:
// then this result is stale and dropped.
func (s *healthScreen) refreshClient(id int64) {
	settings, asOf := s.current.settings, s.current.asOf
	reloads := s.loads.n.Load()
	load(s.app, new(ticket), func(ctx context.Context, st *data.Store) ([]health.ClientHealth, error) {
		return health.ScoresOf(ctx, st, settings, asOf, []int64{id})
	}, func(hs []health.ClientHealth) {
		if s.loads.n.Load() != reloads {
			return
		}
		for _, h := range hs {
			s.replaceScore(h)
		}
	})
}

// showClient opens a client on the health tab (from a risk list), coming to the
// screen first when elsewhere.
func (s *healthScreen) showClient(id int64) {
	s.scores.wanted = id
	s.tabs.SelectIndex(healthTabScores)
	if !s.showing() {
		s.app.showScreen(s) // the reload chooses the client
		return
	}
	s.scores.choose(id)
}

// showRisks comes to the risk list and the renewals.
func (s *healthScreen) showRisks() {
	s.tabs.SelectIndex(healthTabRisks)
	if !s.showing() {
		s.app.showScreen(s)
	}
}

func (s *healthScreen) showing() bool {
	return s.app.current >= 0 && s.app.current < len(s.app.screens) && s.app.screens[s.app.current] == s
}

// add adds an opportunity (Ctrl+N), prefilled with the client chosen on the health tab.
func (s *healthScreen) add() {
	s.tabs.SelectIndex(healthTabOpportunities)
	s.opps.add(s.scores.chosenRef())
}

// focusSearch puts the cursor in the search of the health tab (Ctrl+F).
func (s *healthScreen) focusSearch() {
	s.tabs.SelectIndex(healthTabScores)
	s.app.win.Canvas().Focus(s.scores.search)
}
