// Package grades shows where the team stands on the grade ladder: how many at
// each grade (by team), who is ready for the next, who is due an assessment, the
// team's latest observed levels by competency, and one person's profile against
// their grade. Each view converts to a table and a chart, shared by the window,
// the export and the meeting pack.
package grades

import (
	"leadboard/assets/locale"
	"leadboard/data/competency"
)

func words(lang string) locale.Catalog { return locale.Messages(lang) }

// AdviceName names a recommendation in a language.
func AdviceName(lang, advice string) string {
	if advice == "" {
		return ""
	}
	return words(lang).T("grades.advice."+advice, nil)
}

// Advices in the order they read.
var Advices = []string{competency.Promote, competency.Develop, competency.Concern}
