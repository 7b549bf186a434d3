package ui

import (
	"fyne.io/fyne/v2/theme"

	"leadboard/charts"
)

// screenChartStyle draws charts in the current theme's colours, so a chart does not
// flash white in the dark theme.
func screenChartStyle(a *App) charts.Style {
	v := a.fyneApp.Settings().ThemeVariant()
	th := a.fyneApp.Settings().Theme()
	return charts.Screen(th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNameForeground, v),
		th.Color(theme.ColorNamePlaceHolder, v), a.win.Canvas().Scale())
}
