package parse

import "time"

// months maps month names, folded (lower case, ё→е) and without a final dot, to
// months: Russian nominative, genitive and the usual abbreviations (Excel's
// "мар", "сент", "нояб"), English full names and three-letter abbreviations.
var months = func() map[string]time.Month {
	names := [12][]string{
		{"январь", "января", "янв", "january", "jan"},
		{"февраль", "февраля", "фев", "февр", "february", "feb"},
		{"март", "марта", "мар", "march", "mar"},
		{"апрель", "апреля", "апр", "april", "apr"},
		{"май", "мая", "may"},
		{"июнь", "июня", "июн", "june", "jun"},
		{"июль", "июля", "июл", "july", "jul"},
		{"август", "августа", "авг", "august", "aug"},
		{"сентябрь", "сентября", "сен", "сент", "september", "sep", "sept"},
		{"октябрь", "октября", "окт", "october", "oct"},
		{"ноябрь", "ноября", "ноя", "нояб", "november", "nov"},
		{"декабрь", "декабря", "дек", "december", "dec"},
	}
	m := map[string]time.Month{}
	for i, ns := range names {
		for _, n := range ns {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

// yearWords may follow a year: "2026 г.", "2026 года".
var yearWords = map[string]bool{"г": true, "год": true, "года": true}
