package ui

import (
	"testing"

	"leadboard/data"
	"leadboard/data/health"
)

// TestHealthScreenshots renders the Client health screen from demo data into the
// folder named by LEADBOARD_SCREENSHOTS; without it the test does nothing.
func TestHealthScreenshots(t *testing.T) {
	screenshots(t, func(a *App, shoot, _ func(name string)) {
		s := a.health
		a.showScreen(s)
		shoot("health-scores")
		for _, h := range s.scores.table.Rows() {
			if h.Band == health.BandRed {
				s.scores.choose(h.ClientID)
				break
			}
		}
		shoot("health-client")
		s.scores.client.editOverride()
		shoot("health-override")
		a.closeTopDialog()
		s.tabs.SelectIndex(healthTabRisks)
		s.risks.setDays(90)
		shoot("health-risks")
		s.tabs.SelectIndex(healthTabOpportunities)
		shoot("health-opportunities")
		s.opps.add(data.PersonRef{})
		shoot("health-opportunity-form")
		a.closeTopDialog()
		s.tabs.SelectIndex(healthTabSettings)
		shoot("health-settings")
	})
}
