package demo

import (
	"math"
	"sort"
	"time"
)

// day is a calendar date as a count of days since 1970-01-01. The generator works on
// plain integers so that its hot loops never format or compare time.Time values.
type day int32

// openEnd marks an assignment that lasts (end_date NULL).
const openEnd day = math.MaxInt32

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return civilDay(y, int(m), d)
}

// civilDay converts a proleptic Gregorian date (H. Hinnant's days_from_civil).
func civilDay(y, m, d int) day {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

func (d day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

// weekday: 0 is Monday (1970-01-01 was a Thursday).
func (d day) weekday() int { return (int(d)%7 + 10) % 7 }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// addMonths moves by n months, clamping the day to the target month's length.
func (d day) addMonths(n int) day {
	y, m, dd := d.civil()
	m += n
	for m > 12 {
		m -= 12
		y++
	}
	for m < 1 {
		m += 12
		y--
	}
	return civilDay(y, m, min(dd, daysIn(y, m)))
}

func (d day) addYears(n int) day { return d.addMonths(12 * n) }

func (d day) monthStart() day {
	y, m, _ := d.civil()
	return civilDay(y, m, 1)
}

func (d day) monthEnd() day {
	y, m, _ := d.civil()
	return civilDay(y, m, daysIn(y, m))
}

func appendDate(b []byte, d day) []byte {
	y, m, dd := d.civil()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// String formats the date as the schema stores it, YYYY-MM-DD.
func (d day) String() string { return string(appendDate(make([]byte, 0, 10), d)) }

// ru formats the date the Russian way, for notes.
func (d day) ru() string {
	y, m, dd := d.civil()
	return string([]byte{byte('0' + dd/10), byte('0' + dd%10), '.', byte('0' + m/10), byte('0' + m%10), '.',
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)})
}

// holiday reports the fixed Russian public holidays (the government's yearly moves of
// days off are ignored).
func holiday(m, dd int) bool {
	switch m {
	case 1:
		return dd <= 8
	case 2:
		return dd == 23
	case 3:
		return dd == 8
	case 5:
		return dd == 1 || dd == 9
	case 6:
		return dd == 12
	case 11:
		return dd == 4
	}
	return false
}

func (d day) working() bool {
	if d.weekday() >= 5 {
		return false
	}
	_, m, dd := d.civil()
	return !holiday(m, dd)
}

// stamp is a wall-clock minute (department time) counted from 1970-01-01 00:00.
type stamp int64

const noStamp stamp = -1

func at(d day, minute int) stamp { return stamp(d)*1440 + stamp(minute) }

func (s stamp) day() day { return day(s / 1440) }

// String formats as the schema stores date-times, YYYY-MM-DD HH:MM.
func (s stamp) String() string {
	b := appendDate(make([]byte, 0, 16), s.day())
	m := int(s % 1440)
	h, mm := m/60, m%60
	return string(append(b, ' ', byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mm/10), byte('0'+mm%10)))
}

const (
	workOpen  = 9 * 60
	workClose = 19 * 60
)

// addWorkMinutes moves forward by mins minutes of working time (09:00-19:00 on
// working days), so that resolutions land in office hours.
func addWorkMinutes(s stamp, mins int) stamp {
	d, m := s.day(), int(s%1440)
	for {
		if m >= workClose || !d.working() {
			d, m = d+1, workOpen
			continue
		}
		m = max(m, workOpen)
		if rem := workClose - m; mins <= rem {
			return at(d, m+mins)
		}
		mins -= workClose - m
		d, m = d+1, workOpen
	}
}

// calendar lists the working days of a range, for sampling and due-date arithmetic.
type calendar struct {
	from, to day
	work     []day   // working days in [from, to], ascending
	firstIdx []int32 // for each day of [from, to+1]: index in work of the first working day on or after it
}

func newCalendar(from, to day) *calendar {
	c := &calendar{from: from, to: to, firstIdx: make([]int32, int(to-from)+2)}
	for d := from; d <= to; d++ {
		c.firstIdx[d-from] = int32(len(c.work))
		if d.working() {
			c.work = append(c.work, d)
		}
	}
	c.firstIdx[len(c.firstIdx)-1] = int32(len(c.work))
	return c
}

// idx is the index of the first working day on or after d (len(work) past the end).
func (c *calendar) idx(d day) int {
	switch {
	case d < c.from:
		return 0
	case d > c.to:
		return len(c.work)
	}
	return int(c.firstIdx[d-c.from])
}

// span returns the working-day indexes [lo, hi) that fall in [a, b].
func (c *calendar) span(a, b day) (lo, hi int) {
	lo, hi = c.idx(a), c.idx(b+1)
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// nthWorking is the n-th (1-based) working day on or after d, or openEnd past the range.
func (c *calendar) nthWorking(d day, n int) day {
	i := c.idx(d) + n - 1
	if i < 0 || i >= len(c.work) {
		return openEnd
	}
	return c.work[i]
}

// shiftWorking moves by n working days from a working day (negative: back).
func (c *calendar) shiftWorking(d day, n int) day {
	i := c.idx(d) + n
	if i < 0 || i >= len(c.work) {
		return openEnd
	}
	return c.work[i]
}

// searchSegs finds the segment covering d in segments sorted by start.
func searchSegs(segs []seg, d day) int {
	i := sort.Search(len(segs), func(i int) bool { return segs[i].start > d }) - 1
	if i >= 0 && segs[i].end >= d {
		return i
	}
	return -1
}
