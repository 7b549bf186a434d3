package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/health"
)

// risksShown is how many of the clients most at risk the Overview names.
const risksShown = 5

// atRisk scores every client served today and keeps the worst, red before amber.
func atRisk(ctx context.Context, st *data.Store) ([]health.ClientHealth, error) {
	settings, err := health.LoadSettings(ctx, st)
	if err != nil {
		return nil, err
	}
	scores, err := health.Scores(ctx, st, settings, st.Today())
	return health.AtRisk(scores, risksShown), err
}

// applyRisks shows the audit's overdue actions and the clients most at risk, each
// with its reasons in words; either opens its screen.
func (s *overviewScreen) applyRisks(overdue []data.Action, risks []health.ClientHealth) {
	var rows []fyne.CanvasObject
	if len(overdue) > 0 {
		first := overdue[0]
		rows = append(rows, container.NewGridWrap(tileSize, s.tileNoted("overdue_actions", integer(len(overdue)),
			T("overview.overdue_actions"), Tf("overview.overdue_action", map[string]any{"What": first.What,
				"Date": date(first.Due)}), widget.DangerImportance, s.app.audit.showActions)))
	}
	for _, h := range risks {
		rows = append(rows, s.riskRow(h))
	}
	if len(risks) > 0 {
		rows = append(rows, container.NewHBox(widget.NewButton(T("overview.all_risks"), s.app.health.showRisks)))
	}
	s.risksTitle.Hidden = len(rows) == 0
	s.risks.Objects = rows
	s.risks.Refresh()
}

// riskRow is a client at risk: its score coloured by band, its name and lead, and
// why, in words.
func (s *overviewScreen) riskRow(h health.ClientHealth) fyne.CanvasObject {
	score := widget.NewLabelWithStyle(integer(int(h.Score)), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	score.Importance = widget.WarningImportance
	if h.Band == health.BandRed {
		score.Importance = widget.DangerImportance
	}
	name := widget.NewLabelWithStyle(h.Client, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lead := widget.NewLabel(h.Lead) // in the text colour: a dimmed name is unreadable on the dark theme
	why := widget.NewLabel(h.ReasonText(currentLang()))
	why.Wrapping = fyne.TextWrapWord
	open := widget.NewButton("", func() { s.app.health.showClient(h.ClientID) })
	s.tiles["risk:"+h.Client] = open
	head := container.NewHBox(score, name, lead)
	return container.NewStack(open, container.NewVBox(head, why))
}
