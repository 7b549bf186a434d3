package charts

import (
	"math"
	"sort"
)

// Example workloads: the test data and the charts TestLook renders.

// teamLoad is one manager's points by client tier A, B, C and capacity.
type teamLoad struct {
	name     string
	a, b, c  float64
	capacity float64
}

// team14 is a department of 14 managers sorted by utilization, the last on leave.
var team14 = []teamLoad{
	{"Иванова Мария", 11, 9, 5, 14},
	{"Петров Алексей", 8, 7, 4.5, 14},
	{"Константинопольская Александра", 6, 4, 3, 12},
	{"Смирнов Олег", 7, 5, 3, 14},
	{"Кузнецова Елена", 5, 4, 2.5, 12},
	{"Попов Дмитрий", 6, 4.5, 2, 14},
	{"Васильева Ольга", 3, 3, 1, 8},
	{"Новиков Игорь", 4, 4, 2, 12},
	{"Морозова Анна", 5, 4, 2, 14},
	{"Волков Сергей", 4, 3, 2, 12},
	{"Соловьёва Татьяна", 2, 2, 1.5, 8},
	{"Лебедев Никита", 3, 3, 2, 14},
	{"Козлова Дарья", 1, 1, 1, 8},
	{"Егоров Павел", 2, 1, 1, 0},
}

// band classifies utilization as the data layer does: under 80 %, over 100 %.
func band(load, capacity float64) int {
	switch {
	case capacity <= 0:
		return BandNone
	case load > capacity:
		return BandOver
	case load >= 0.8*capacity:
		return BandNormal
	}
	return BandUnder
}

func workloadOf(team []teamLoad, stacked bool, st Style) WorkloadChart {
	c := WorkloadChart{
		Title:         "Загрузка аккаунт-менеджеров",
		Subtitle:      "Апрель 2026 · баллы нагрузки по клиентам",
		CapacityLabel: "ёмкость",
		LeaveLabel:    "в отпуске",
		BandNames:     [4]string{"", "недогружен (< 80 %)", "в норме", "перегружен"},
		Empty:         "Нет менеджеров в выборке",
		Style:         st,
	}
	if stacked {
		c.SegmentNames = []string{"Клиенты A", "Клиенты B", "Клиенты C"}
		c.Subtitle = "Апрель 2026 · баллы нагрузки по категориям клиентов"
	}
	for _, m := range team {
		load := m.a + m.b + m.c
		b := WorkloadBar{Label: m.name, Capacity: m.capacity, Band: band(load, m.capacity), Segments: []float64{load}}
		if stacked {
			b.Segments = []float64{m.a, m.b, m.c}
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

func teamWorkload(st Style) WorkloadChart { return workloadOf(team14, false, st) }

func englishWorkload(st Style) WorkloadChart {
	c := workloadOf(team14, false, st)
	c.Title, c.Subtitle = "Account manager workload", "April 2026 · load points"
	c.CapacityLabel, c.LeaveLabel = "capacity", "on leave"
	c.BandNames = [4]string{"", "under 80%", "normal", "over capacity"}
	c.Format = AxisFormatter("en", UnitCount)
	c.Label = func(i int) string { return FormatWorkload("en", c.Bars[i].load(), c.Bars[i].Capacity) }
	return c
}

var (
	surnames = []string{"Иванова", "Петров", "Смирнова", "Кузнецов", "Попова", "Васильев", "Соколова", "Михайлов",
		"Новикова", "Фёдоров"}
	givenNames = []string{"Мария", "Алексей", "Анна", "Дмитрий"}
)

// team40 is 40 managers, loads of 3 to 25 points, sorted by utilization from 160 %
// down to 30 %, one on leave at the end.
func team40() []teamLoad {
	caps := []float64{14, 12, 8, 14, 12}
	var out []teamLoad
	for i := 0; i < 39; i++ {
		c := caps[i%len(caps)]
		load := math.Max(3, math.Min(25, math.Round(c*(1.6-1.3*float64(i)/38)*2)/2))
		name := surnames[i%len(surnames)] + " " + givenNames[i/len(surnames)]
		out = append(out, teamLoad{name, load * 0.5, load * 0.3, load * 0.2, c})
	}
	sort.SliceStable(out, func(i, j int) bool { return utilization(out[i]) > utilization(out[j]) })
	return append(out, teamLoad{"Фёдоров Игорь", 2, 1, 1, 0})
}

func utilization(m teamLoad) float64 { return (m.a + m.b + m.c) / m.capacity }

// redistributed moves load from the over-loaded to the under-loaded managers: the
// "after" half of a before/after pair, in the same order as before.
func redistributed(team []teamLoad) []teamLoad {
	out := append([]teamLoad(nil), team...)
	moves := [][3]float64{{0, 11, 6}, {1, 12, 4}, {2, 9, 1.5}, {3, 10, 1}}
	for _, m := range moves {
		from, to, pts := int(m[0]), int(m[1]), m[2]
		out[from].a -= pts
		out[to].a += pts
	}
	return out
}

func workloadPair(st Style) Pair {
	before := workloadOf(team14, false, st)
	after := workloadOf(redistributed(team14), false, st)
	before.Title, before.Subtitle = "До перераспределения", "Апрель 2026"
	after.Title, after.Subtitle = "После перераспределения", "Май 2026, план"
	return Pair{Left: before, Right: after, Title: "Перераспределение клиентов",
		Subtitle: "Баллы нагрузки аккаунт-менеджеров; одна шкала для обеих половин", Style: st}
}
