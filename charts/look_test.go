package charts

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestLook renders the example charts to $CHARTS_LOOK_DIR for a person to look at
// (CHARTS_LOOK_DIR=/tmp/charts-look go test -run TestLook ./charts/); without the
// variable it does nothing. The examples are what a meeting sees; the other tests use
// their data too.
func TestLook(t *testing.T) {
	dir := os.Getenv("CHARTS_LOOK_DIR")
	if dir == "" {
		t.Skip("set CHARTS_LOOK_DIR to render the example charts")
	}
	dark2 := darkScreen
	dark2.Scale = 2
	crowded := retentionChart("ru", Print)
	crowded.Series = eightManagers()
	single := retentionChart("ru", Print)
	single.XLabels = single.XLabels[23:]
	for i := range single.Series {
		single.Series[i].Values = single.Series[i].Values[23:]
	}
	looks := []struct {
		name string
		c    interface {
			PNG(out io.Writer, width, height int) error
		}
		w, h int
	}{
		{"line-ru-1600x900-print", retentionChart("ru", Print), 1600, 900},
		{"line-ru-900x450-print", retentionChart("ru", Print), 900, 450},
		{"line-ru-900x450-dark", revenueChart("ru", darkScreen), 900, 450},
		{"line-en-1800x900-dark-scale2", revenueChart("en", dark2), 1800, 900},
		{"line-en-500x300-print", retentionChart("en", Print), 500, 300},
		{"line-ru-900x450-8managers", crowded, 900, 450},
		{"line-ru-1600x900-8managers", crowded, 1600, 900},
		{"line-ru-900x450-quarters-counts", quarterChart(), 900, 450},
		{"line-ru-900x450-single-point", single, 900, 450},
		{"ranking-ru-1600x900-14managers", managerRanking(Print), 1600, 900},
		{"ranking-ru-900x450-14managers-dark", managerRanking(darkScreen), 900, 450},
		{"ranking-ru-1600x900-30clients", clientRanking(30), 1600, 900},
		{"ranking-ru-900x600-30clients", clientRanking(30), 900, 600},
		{"ranking-ru-900x450-60clients-cut", clientRanking(60), 900, 450},
		{"workload-ru-1600x900-print", teamWorkload(Print), 1600, 900},
		{"workload-ru-900x500-dark", teamWorkload(darkScreen), 900, 500},
		{"workload-en-900x500-print", englishWorkload(Print), 900, 500},
		{"workload-ru-1600x900-stacked", workloadOf(team14, true, Print), 1600, 900},
		{"workload-ru-900x500-stacked-dark", workloadOf(team14, true, darkScreen), 900, 500},
		{"workload-ru-1600x900-40managers", workloadOf(team40(), false, Print), 1600, 900},
		{"workload-ru-900x500-40managers-cut", workloadOf(team40(), false, Print), 900, 500},
		{"workload-ru-1600x900-pair", workloadPair(Print), 1600, 900},
		{"workload-ru-900x500-pair-dark", workloadPair(darkScreen), 900, 500},
		{"workload-en-1800x1000-dark-scale2", englishWorkload(dark2), 1800, 1000},
		{"workload-ru-1800x1000-pair-dark-scale2", workloadPair(dark2), 1800, 1000},
	}
	for _, l := range looks {
		var buf bytes.Buffer
		if err := l.c.PNG(&buf, l.w, l.h); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, l.name+".png"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// months are n month labels ending with March 2026.
func months(lang string, n int) []string {
	end := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	out := make([]string, n)
	for i := range out {
		out[i] = MonthYearLabel(lang, end.AddDate(0, i-n+1, 0))
	}
	return out
}

// retention24 is 24 months of client retention around 95-99 %, with a gap in month 7.
func retention24() []float64 {
	v := []float64{96.2, 96.8, 97.4, 95.9, 95.1, 96.0, math.NaN(), 97.2, 97.9, 98.4, 97.6, 96.9,
		96.1, 95.4, 96.3, 97.1, 97.8, 98.6, 98.9, 98.1, 97.4, 97.9, 98.3, 98.8}
	return v
}

func constant(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// movingAverage is the mean of the last k values, NaN until k values are there.
func movingAverage(v []float64, k int) []float64 {
	out := make([]float64, len(v))
	for i := range v {
		out[i] = math.NaN()
		if i+1 < k {
			continue
		}
		sum, n := 0.0, 0
		for _, x := range v[i+1-k : i+1] {
			if !math.IsNaN(x) {
				sum, n = sum+x, n+1
			}
		}
		if n > 0 {
			out[i] = sum / float64(n)
		}
	}
	return out
}

func retentionChart(lang string, st Style) LineChart {
	v := retention24()
	return LineChart{
		Title:    "Удержание клиентов",
		Subtitle: "Отдел аккаунтинга · апрель 2024 — март 2026",
		XLabels:  months(lang, 24),
		YTitle:   "Удержание, %",
		Series: []LineSeries{
			{Name: "Удержание", Values: v, Kind: Line, Color: 0},
			{Name: "Цель 97 %", Values: constant(97, 24), Kind: Target, Color: 0},
			{Name: "Среднее за 3 мес.", Values: movingAverage(v, 3), Kind: Average, Color: 0},
		},
		Format: AxisFormatter(lang, UnitPercent),
		Empty:  "Нет данных за период",
		Style:  st,
	}
}

func revenueChart(lang string, st Style) LineChart {
	rev := make([]float64, 12)
	for i := range rev {
		rev[i] = 4.1e6 + 180e3*float64(i) + 350e3*math.Sin(float64(i))
	}
	plan := make([]float64, 12)
	for i := range plan {
		plan[i] = 4.5e6 + 100e3*float64(i)
	}
	title, yt, names := "Выручка отдела", "Выручка, ₽", []string{"Выручка", "План", "Среднее за 3 мес."}
	if lang == "en" {
		title, yt, names = "Department revenue", "Revenue, ₽", []string{"Revenue", "Plan", "3-month average"}
	}
	return LineChart{
		Title: title, Subtitle: "апрель 2025 — март 2026", XLabels: months(lang, 12), YTitle: yt,
		Series: []LineSeries{
			{Name: names[0], Values: rev, Kind: Line, Color: 0},
			{Name: names[1], Values: plan, Kind: Target, Color: 0},
			{Name: names[2], Values: movingAverage(rev, 3), Kind: Average, Color: 0},
		},
		Format: AxisFormatter(lang, UnitRoubles),
		Style:  st,
	}
}

func eightManagers() []LineSeries {
	names := []string{"Иванова Мария", "Петров Алексей", "Константинопольская Александра", "Смирнов Олег",
		"Кузнецова Елена", "Попов Дмитрий", "Васильева Ольга", "Новиков Игорь"}
	var out []LineSeries
	for m, name := range names {
		v := make([]float64, 24)
		for i := range v {
			v[i] = 94 + float64(m)*0.6 + 1.5*math.Sin(float64(i+m)/3)
		}
		out = append(out, LineSeries{Name: name, Values: v, Kind: Line, Color: m})
		out = append(out, LineSeries{Name: name + " — ср. 3 мес.", Values: movingAverage(v, 3), Kind: Average, Color: m})
	}
	out = append(out, LineSeries{Name: "Цель отдела", Values: constant(97, 24), Kind: Target, Color: -1})
	return out
}

var managerNames = []string{"Иванова Мария", "Петров Алексей", "Константинопольская Александра", "Смирнов Олег",
	"Кузнецова Елена", "Попов Дмитрий", "Васильева Ольга", "Новиков Игорь", "Морозова Анна",
	"Волков Сергей", "Соловьёва Татьяна", "Лебедев Никита", "Козлова Дарья", "Егоров Павел"}

func managerRanking(st Style) RankingChart {
	values := []float64{118, 112.4, 106, 103.5, 100, 99.2, 97, 94.5, 91, 89.9, 84, 76.5, math.NaN(), 52}
	c := RankingChart{Title: "Выполнение плана по выручке", Subtitle: "Март 2026 · аккаунт-менеджеры",
		TargetLabel: "цель", Format: AxisFormatter("ru", UnitPercent), Style: st}
	for i, n := range managerNames {
		c.Bars = append(c.Bars, RankBar{Label: n, Value: values[i]})
	}
	return c
}

func clientRanking(n int) RankingChart {
	kinds := []string{"ООО «Северный ветер»", "АО «Рога & Копыта»", "ПАО «Промышленно-строительная компания Приволжье»",
		"ИП Смирнова", "ООО «Альфа-Медиа»", "Сеть клиник «Здоровье»", "ГК «Технологии будущего»"}
	c := RankingChart{Title: "Выполнение KPI по клиентам", Subtitle: "I кв. 2026",
		TargetLabel: "цель 100 %", Format: AxisFormatter("ru", UnitPercent), Style: Print}
	for i := 0; i < n; i++ {
		c.Bars = append(c.Bars, RankBar{Label: kinds[i%len(kinds)] + " " + strconv.Itoa(i+1), Value: 135 - float64(i)*90/float64(n)})
	}
	return c
}

// quarterChart counts escalations per quarter for two managers: small whole numbers,
// so the axis starts at zero.
func quarterChart() LineChart {
	var labels []string
	for y := 2024; y <= 2026; y++ {
		for q := 1; q <= 4; q++ {
			if y == 2026 && q > 1 {
				break
			}
			labels = append(labels, QuarterLabel("ru", y, q))
		}
	}
	return LineChart{Title: "Эскалации по кварталам", Subtitle: "I кв. 2024 — I кв. 2026", XLabels: labels,
		YTitle: "Эскалации, шт.", Style: Print, Format: AxisFormatter("ru", UnitCount),
		Series: []LineSeries{
			{Name: "Иванова Мария", Values: []float64{4, 6, 3, 8, 12, 9, math.NaN(), 5, 2}, Color: 0},
			{Name: "Петров Алексей", Values: []float64{14, 11, 15, 18, 16, 21, 17, 19, 22}, Color: 1},
			{Name: "Порог", Values: constant(10, 9), Kind: Target, Color: -1},
		}}
}
