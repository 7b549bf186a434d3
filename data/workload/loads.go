package workload

import (
	"math"
	"slices"

	"leadboard/data"
)

// Load is what a manager carries.
type Load struct {
	Manager
	Capacity float64
	Lead     float64            // points of the clients they lead
	Backup   float64            // their share of the clients they back up
	ByTier   map[string]float64 // lead and backup points by the clients' tier
	Leads    int                // clients led
	Backups  int                // clients backed up
	// OnLeaveClients counts clients whose lead is this person while on leave.
	OnLeaveClients int
}

// Points is what a client adds to whoever holds a role: its weight as lead, the
// backup's share of it as backup.
func (c Coefficients) Points(cl Client, role data.Role) float64 {
	if role == data.RoleBackup {
		return cl.Weight.Total() * c.BackupShare
	}
	return cl.Weight.Total()
}

// Points is the manager's whole load.
func (l Load) Points() float64 { return l.Lead + l.Backup }

// Utilization is load over capacity in per cent; NaN without capacity.
func (l Load) Utilization() float64 {
	if l.Capacity <= 0 {
		return math.NaN()
	}
	return l.Points() / l.Capacity * 100
}

// Band names how full a manager is.
type Band string

const (
	BandNone   Band = "none" // no capacity (on leave, or none set)
	BandUnder  Band = "under"
	BandNormal Band = "normal"
	BandOver   Band = "over"
)

// BandOf places a utilization in the coefficients' bands.
func (c Coefficients) BandOf(utilization float64) Band {
	switch {
	case math.IsNaN(utilization):
		return BandNone
	case utilization > c.OverAbove:
		return BandOver
	case utilization < c.UnderBelow:
		return BandUnder
	}
	return BandNormal
}

// Loads adds up every manager's load in one pass over the clients, in the order of
// the snapshot's managers.
func (s Snapshot) Loads() []Load {
	index := make(map[int64]int, len(s.Managers))
	out := make([]Load, len(s.Managers))
	for i, m := range s.Managers {
		index[m.ID] = i
		out[i] = Load{Manager: m, Capacity: m.Capacity(), ByTier: map[string]float64{}}
	}
	for _, c := range s.Clients {
		w := c.Weight.Total()
		if i, ok := index[c.Lead]; ok {
			out[i].Lead += w
			out[i].ByTier[c.Tier] += w
			out[i].Leads++
			if out[i].OnLeave {
				out[i].OnLeaveClients++
			}
		}
		if i, ok := index[c.Backup]; ok {
			share := w * s.Coeffs.BackupShare
			out[i].Backup += share
			out[i].ByTier[c.Tier] += share
			out[i].Backups++
		}
	}
	return out
}

// Totals are the department's figures.
type Totals struct {
	Load, Capacity float64
	Utilization    float64 // load over capacity, per cent
	Highest        float64 // the highest manager's utilization
	Overloaded     int     // managers over the band
	Spread         float64 // how uneven: the standard deviation of utilization, in points of per cent
	Managers       int     // managers with capacity, whom the figures are about
}

// TotalsOf sums the loads of managers with capacity.
func (c Coefficients) TotalsOf(loads []Load) Totals {
	var t Totals
	var utils []float64
	for _, l := range loads {
		t.Load += l.Points()
		u := l.Utilization()
		if math.IsNaN(u) {
			continue
		}
		t.Capacity += l.Capacity
		utils = append(utils, u)
		if c.BandOf(u) == BandOver {
			t.Overloaded++
		}
	}
	t.Managers = len(utils)
	if t.Capacity > 0 {
		t.Utilization = t.Load / t.Capacity * 100
	}
	if len(utils) > 0 {
		t.Highest = slices.Max(utils)
		t.Spread = stddev(utils)
	}
	return t
}

func stddev(v []float64) float64 {
	mean := 0.0
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	sq := 0.0
	for _, x := range v {
		sq += (x - mean) * (x - mean)
	}
	return math.Sqrt(sq / float64(len(v)))
}
