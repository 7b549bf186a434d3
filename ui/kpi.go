package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"leadboard/data"
)

// kpiScreen is the KPI section: trends against targets, the ranking of managers
// or clients, the catalogue with its definitions, and the month x KPI grid where
// values and targets are typed.
type kpiScreen struct {
	app       *App
	loads     ticket
	catalogue []data.KPI
	tabs      *container.AppTabs
	trend     *kpiTrendTab
	ranking   *kpiRankingTab
	list      *kpiCatalogueTab
	grid      *kpiGridTab
}

func newKPIScreen(a *App) *kpiScreen {
	s := &kpiScreen{app: a}
	s.trend = newKPITrendTab(s)
	s.ranking = newKPIRankingTab(s)
	s.list = newKPICatalogueTab(s)
	s.grid = newKPIGridTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(T("kpi.tab.trend"), s.trend.root),
		container.NewTabItem(T("kpi.tab.ranking"), s.ranking.root),
		container.NewTabItem(T("kpi.tab.grid"), s.grid.root),
		container.NewTabItem(T("kpi.tab.catalogue"), s.list.root),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.refreshTab() }
	return s
}

func (s *kpiScreen) title() string             { return T("nav.kpi") }
func (s *kpiScreen) object() fyne.CanvasObject { return s.tabs }

// reload fetches the catalogue, then refreshes the tab shown.
func (s *kpiScreen) reload() {
	load(s.app, &s.loads, func(ctx context.Context, st *data.Store) ([]data.KPI, error) {
		return st.KPIs(ctx)
	}, func(kpis []data.KPI) {
		s.catalogue = kpis
		s.ranking.period.setValues(s.ranking.periods(), periodLabel) // a new month may have ended
		s.trend.setCatalogue(kpis)
		s.ranking.setCatalogue(kpis)
		s.list.setCatalogue(kpis)
		s.grid.setCatalogue(kpis)
		s.refreshTab()
	})
}

func (s *kpiScreen) refreshTab() {
	switch s.tabs.SelectedIndex() {
	case 0:
		s.trend.refresh()
	case 1:
		s.ranking.refresh()
	case 2:
		s.grid.refresh()
	}
}

// showing reports whether a tab's content is the one shown (hidden tabs wait for
// their turn instead of querying).
func (s *kpiScreen) showing(tab fyne.CanvasObject) bool {
	if s.tabs == nil {
		return false
	}
	item := s.tabs.Selected()
	return item != nil && item.Content == tab
}

// kpiByCode finds a catalogue entry (the zero KPI when absent).
func (s *kpiScreen) kpiByCode(code string) data.KPI {
	if i := slices.IndexFunc(s.catalogue, func(k data.KPI) bool { return k.Code == code }); i >= 0 {
		return s.catalogue[i]
	}
	return data.KPI{}
}

// activeCodes lists the codes of the KPIs not archived, derived first.
func activeCodes(kpis []data.KPI, keep func(data.KPI) bool) []string {
	var out []string
	for _, k := range kpis {
		if k.ArchivedOn.IsZero() && (keep == nil || keep(k)) {
			out = append(out, k.Code)
		}
	}
	return out
}

// lastFullMonth is the month before the current one: the latest with complete figures.
func (a *App) lastFullMonth() data.Month { return data.MonthOf(a.today()) - 1 }

// showTrend opens the trend of a KPI for the department (from the Overview).
func (s *kpiScreen) showTrend(code string) {
	s.trend.wanted = code // applied when the catalogue has loaded
	s.trend.level.setValueQuietly(data.LevelDepartment)
	s.tabs.SelectIndex(0)
	s.app.showScreen(s)
}
