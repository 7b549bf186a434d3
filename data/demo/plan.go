package demo

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"leadboard/data"
)

type person struct {
	idx       int
	id        int64
	female    bool
	fullName  string
	position  string
	email     string
	phone     string
	notes     string
	team      int
	grade     int // grade now, or when the person left
	steps     []gradeStep
	hire      day
	left      day // 0: still employed
	leaveFrom day // 0: not on leave
	fte       float64
	bias      float64 // share of clients the person is given, relative to capacity
	slow      float64 // response-time multiplier
	weak      float64 // complaint-rate multiplier
	late      float64 // late-report multiplier
	shape     int     // where the small demo's last months leave the person (shape.go)
	resigned  day     // 0: has not given notice; else the day they did
	lastDay   day     // the last working day after giving notice (after AsOf)
	load      float64 // simulation state: points served now
}

type gradeStep struct {
	on       day
	from, to int // from is -1 on the first line
	reason   string
}

func (p *person) gradeAt(d day) int {
	gr := p.steps[0].to
	for _, s := range p.steps[1:] {
		if s.on <= d {
			gr = s.to
		}
	}
	return gr
}

const (
	tierA = iota
	tierB
	tierC
)

var tierCodes = [3]string{"A", "B", "C"}

type client struct {
	idx         int
	id          int64
	name        string
	slug        string
	industry    *industry
	team        int
	tier        int
	status      data.ClientStatus
	complexity  int
	weight      float64 // workload points
	budget      int64
	services    []string
	start       day
	churn       day // 0: not churned
	churnReason string
	leftOn      day // a client that came back: the end of its first spell (see spells.go)
	backOn      day // and the start of its second
	pausedFrom  day
	archived    day
	notes       string
	docs        [3]string
	needsBackup bool
	sla         float64
	freq        string
	workday     int
	notice      int
	feeRate     float64
	contracts   []contract
	contacts    []contact
	segs        [2][]seg // by role: lead, backup
	open        bool     // simulation state: served now
	overdue     bool     // gets a recent complaint left open past its SLA

	trend   trend       // how the client's budget and results move (trend.go)
	econ    econ        // what its advertising costs and brings (results.go)
	budgets []budgetRow // budget history, oldest first (budget.go)
}

type contract struct {
	number     string
	start, end day // end 0: open-ended
	fee        int64
	status     data.ContractStatus
}

type contact struct {
	name, role, email, phone string
	decisionMaker            bool
}

// seg is a stretch of days [start, end] during which staff held a role.
type seg struct {
	staff      int
	start, end day
}

const (
	roleLead = iota
	roleBackup
)

var roleNames = [2]data.Role{data.RoleLead, data.RoleBackup}

func (g *gen) plan() {
	g.ws = g.asOf.addMonths(-(g.p.months - 1)).monthStart()
	g.cutoff = at(g.asOf, 0)
	g.cal = newCalendar(g.ws.addMonths(-3), g.asOf.addYears(1)+62)
	g.planClients()
	g.planReturners()
	g.planStaff()
	g.numberContracts()
	g.simulate()
	g.pickOverdue()
	if g.p.shaped {
		g.shape()
	}
	// From here on the camp stream: budgets and campaign results.
	g.planTrends()
	g.planCampaigns()
	g.planBudgets()
	g.planMonths()
}

func round1000(x float64) int64 { return int64(math.Round(x/1000)) * 1000 }

// exactMix returns n labels with the given shares (the last takes the rest), shuffled.
func exactMix[T any](g *gen, n int, labels []T, shares []float64) []T {
	out := make([]T, 0, n)
	for i, l := range labels {
		k := n - len(out)
		if i < len(shares) {
			k = min(k, int(math.Round(float64(n)*shares[i])))
		}
		for range k {
			out = append(out, l)
		}
	}
	shuffle(g, out)
	return out
}

func (g *gen) planClients() {
	n := g.p.clients
	statuses := exactMix(g, n, []data.ClientStatus{data.ClientProspect, data.ClientPaused, data.ClientChurned,
		data.ClientActive}, []float64{0.04, 0.04, 0.12})
	tiers := exactMix(g, n, []int{tierA, tierB, tierC}, []float64{0.15, 0.35})
	names := map[string]bool{}
	totalWeight := 0
	for _, ind := range industries {
		totalWeight += ind.weight
	}
	g.clients = make([]*client, n)
	for i := range n {
		c := &client{idx: i, id: int64(i + 1), status: statuses[i], tier: tiers[i]}
		g.clients[i] = c
		r := g.rng.IntN(totalWeight)
		for k := range industries {
			if r < industries[k].weight {
				c.industry = &industries[k]
				break
			}
			r -= industries[k].weight
		}
		c.name = g.clientName(c.industry, names)
		c.slug = latin(c.name)
		c.team = g.teamFor(c)
		g.planClientTerms(c)
		g.planClientDates(c)
		g.planContracts(c)
		g.planClientTexts(c)
		g.planContacts(c)
	}
}

func (g *gen) clientName(ind *industry, used map[string]bool) string {
	for attempt := 0; ; attempt++ {
		root := pick(g, brandRoots)
		if (attempt > 2 || g.chance(0.15)) && suffixable(root) {
			root += "-" + pick(g, regionSuffixes)
		}
		name := fmt.Sprintf(pick(g, ind.templates), root)
		if attempt > 60 {
			name = fmt.Sprintf("%s (%d)", name, attempt)
		}
		if key := strings.ToLower(name); !used[key] {
			used[key] = true
			return name
		}
	}
}

// suffixable: a regional suffix fits a noun (Ладога-Юг), not an adjective
// (Южный-Север) or a region itself (Сибирь-Урал).
func suffixable(root string) bool {
	for _, end := range []string{"ый", "ий", "ой"} {
		if strings.HasSuffix(root, end) {
			return false
		}
	}
	return !slices.Contains(regionSuffixes, root)
}

func (g *gen) teamFor(c *client) int {
	for t, team := range g.p.teams {
		if team.keyShare > 0 && c.tier == tierA && g.chance(team.keyShare) {
			return t
		}
	}
	for t, team := range g.p.teams {
		if slices.Contains(team.industries, c.industry.name) {
			return t
		}
	}
	return 0
}

var serviceBase = map[string]float64{"media_buying": 0.85, "creative": 0.45, "analytics": 0.4, "smm": 0.4,
	"seo": 0.25, "pr": 0.15, "content": 0.3, "web": 0.15, "events": 0.08}

func (g *gen) planClientTerms(c *client) {
	budgets := [3][2]float64{{3e6, 15e6}, {0.8e6, 3e6}, {150e3, 800e3}}
	b := budgets[c.tier]
	c.budget = round1000(math.Exp(g.uniform(math.Log(b[0]), math.Log(b[1]))))
	switch c.tier {
	case tierA:
		c.complexity = g.between(3, 5)
	case tierB:
		c.complexity = g.between(2, 5)
	default:
		c.complexity = g.between(1, 4)
	}
	c.needsBackup = g.chance([3]float64{0.92, 0.7, 0.12}[c.tier])

	// Services: each with its industry-adjusted chance, then trimmed to what the tier buys.
	prob := func(svc string) float64 {
		p, ok := serviceBase[svc]
		if !ok {
			p = 0.1
		}
		return p + c.industry.services[svc]
	}
	var chosen []string
	for _, svc := range data.Services {
		if g.chance(prob(svc)) {
			chosen = append(chosen, svc)
		}
	}
	limits := [3][2]int{{3, 6}, {2, 4}, {1, 3}}[c.tier]
	byProb := slices.Clone(data.Services)
	slices.SortStableFunc(byProb, func(a, b string) int { return cmp.Compare(prob(b), prob(a)) })
	for _, svc := range byProb {
		if len(chosen) >= limits[0] {
			break
		}
		if !slices.Contains(chosen, svc) {
			chosen = append(chosen, svc)
		}
	}
	for i := len(byProb) - 1; i >= 0 && len(chosen) > limits[1]; i-- {
		if j := slices.Index(chosen, byProb[i]); j >= 0 {
			chosen = slices.Delete(chosen, j, j+1)
		}
	}
	slices.Sort(chosen)
	c.services = chosen

	slas := [3][]float64{{4, 4, 8, 8, 24}, {4, 8, 8, 8, 24, 24, 24}, {8, 8, 8, 24, 24, 24, 24, 24, 24, 24}}
	c.sla = pick(g, slas[c.tier])
	switch r := g.rng.Float64(); {
	case r < 0.7:
		c.freq = "monthly"
	case r < 0.8 && c.tier != tierC:
		c.freq = "weekly"
	case r < 0.9:
		c.freq = "biweekly"
	default:
		c.freq = "quarterly"
	}
	c.workday = g.between(1, 10)
	if c.freq == "weekly" {
		c.workday = g.between(1, 5)
	}
	c.notice = 30
	if g.chance(0.35) {
		c.notice = 60
	}
	c.feeRate = g.uniform(0.07, 0.14)
	c.weight = g.points(c)
}

func (g *gen) planClientDates(c *client) {
	window := int(g.asOf - g.ws)
	switch {
	case c.status == data.ClientProspect:
		c.start = g.asOf - day(g.between(3, 75))
		return
	case g.chance(g.p.newShare):
		latest := window - 45
		if c.status != data.ClientActive {
			latest = window - 200 // a paused or churned client needs some history first
		}
		c.start = g.ws + day(g.between(0, latest))
	default:
		years := 12 * math.Pow(g.rng.Float64(), 1.6)
		c.start = g.ws - 30 - day(years*365)
	}
	if g.chance(0.6) {
		c.start = c.start.monthStart()
	}
	if c.status == data.ClientActive && c.start < g.ws && g.chance(0.06) {
		// Some yearly contracts come up for renewal in the next two months, whatever AsOf is.
		end := g.asOf + day(g.between(5, 55))
		c.start = (end + 1).addYears(-g.between(1, 8))
	}
	if c.status == data.ClientPaused {
		c.pausedFrom = g.asOf - day(g.between(20, 150))
	}
}

func (g *gen) planContracts(c *client) {
	if c.status == data.ClientProspect {
		if g.chance(0.5) {
			s := g.asOf + day(g.between(10, 45))
			c.contracts = append(c.contracts, contract{start: s, end: s.addYears(1) - 1, status: data.ContractDraft})
		}
		return
	}
	if c.status == data.ClientChurned {
		lo, hi := max(c.start, g.ws)+90, g.asOf-7
		if g.chance(0.5) {
			var ends []day
			for s := c.start; s <= hi; s = s.addYears(1) {
				if e := s.addYears(1) - 1; e >= lo && e <= hi {
					ends = append(ends, e)
				}
			}
			if len(ends) > 0 {
				c.churn = pick(g, ends)
				c.churnReason = pick(g, churnAtEndReasons)
			}
		}
		if c.churn == 0 {
			c.churn = lo + day(g.between(0, int(hi-lo)))
			c.churnReason = pick(g, churnReasons)
		}
		if c.churn < g.asOf-90 && g.chance(0.5) {
			c.archived = min(c.churn+day(g.between(14, 60)), g.asOf)
		}
	}
	openEnded := g.chance(0.07)
	if c.leftOn != 0 {
		g.contractRun(c, c.start, c.leftOn, false) // the contracts before it left
		g.contractRun(c, c.backOn, c.churn, openEnded)
	} else {
		g.contractRun(c, c.start, c.churn, openEnded)
	}
	// Fees follow the budget, a little lower in earlier years.
	ref := len(c.contracts) - 1
	for i := range c.contracts {
		if c.contracts[i].status == data.ContractDraft && i > 0 {
			ref = i - 1
		}
	}
	for i := range c.contracts {
		f := float64(c.budget) * c.feeRate * math.Pow(0.94, float64(ref-i))
		c.contracts[i].fee = max(20000, round1000(f))
	}
}

// contractRun appends yearly contracts from start, the last one ended early on the
// churn date, or in force now (with a draft of the next one when it is due soon).
func (g *gen) contractRun(c *client, start, churn day, openEnded bool) {
	for s := start; ; {
		e := s.addYears(1) - 1
		k := contract{start: s, end: e, status: data.ContractEnded}
		last := false
		switch {
		case churn != 0 && e >= churn:
			if e > churn {
				k.end, k.status = churn, data.ContractTerminated
			}
			last = true
		case churn == 0 && e >= g.asOf:
			k.status = data.ContractActive
			if openEnded {
				k.end = 0
			}
			last = true
		}
		c.contracts = append(c.contracts, k)
		if last {
			if k.status == data.ContractActive && k.end != 0 && k.end <= g.asOf+60 && g.chance(0.4) {
				c.contracts = append(c.contracts, contract{start: e + 1, end: (e + 1).addYears(1) - 1,
					status: data.ContractDraft})
			}
			return
		}
		s = e + 1
	}
}

// numberContracts numbers contracts by start date within each year: АМ-2024/017.
func (g *gen) numberContracts() {
	type ref struct{ c, k int }
	var all []ref
	for ci, c := range g.clients {
		for k := range c.contracts {
			all = append(all, ref{ci, k})
		}
	}
	slices.SortStableFunc(all, func(a, b ref) int {
		return cmp.Compare(g.clients[a.c].contracts[a.k].start, g.clients[b.c].contracts[b.k].start)
	})
	year, seq := -1, 0
	for _, r := range all {
		k := &g.clients[r.c].contracts[r.k]
		y, _, _ := k.start.civil()
		if y != year {
			year, seq = y, 0
		}
		seq++
		k.number = fmt.Sprintf("АМ-%d/%03d", y, seq)
	}
}

func (g *gen) planClientTexts(c *client) {
	var parts []string
	switch {
	case c.status == data.ClientProspect:
		parts = append(parts, "Потенциальный клиент: ведём переговоры, готовим коммерческое предложение.")
	case c.status == data.ClientPaused:
		parts = append(parts, fmt.Sprintf("Кампании приостановлены с %s до согласования нового бюджета.", c.pausedFrom.ru()))
	case c.tier == tierA && g.chance(0.5):
		parts = append(parts, "Ключевой клиент отдела.")
	}
	if len(c.industry.notes) > 0 && g.chance(0.5) {
		parts = append(parts, pick(g, c.industry.notes))
	}
	if g.chance(0.7) {
		parts = append(parts, pick(g, genericClientNotes))
	}
	if c.status == data.ClientChurned {
		parts = append(parts, "Работа завершена, документы в архиве.")
	}
	c.notes = strings.Join(parts, " ")
	base := "https://disk.agency.local/clients/" + c.slug + "/"
	if c.status != data.ClientProspect {
		c.docs[0] = base + "dogovor.pdf"
		if g.chance(0.85) {
			c.docs[2] = base + "shablon-otcheta.xlsx"
		}
	}
	if g.chance(0.9) {
		c.docs[1] = base + "brif.docx"
	}
}

func (g *gen) planContacts(c *client) {
	counts := [3][2]int{{3, 4}, {2, 3}, {1, 2}}[c.tier]
	n := g.between(counts[0], counts[1])
	domain := c.slug
	if len(domain) > 30 {
		domain = strings.TrimRight(domain[:30], "-")
	}
	domain += ".ru"
	used := map[string]bool{}
	for i := range n {
		female := g.chance(0.6)
		first, patr, sur := g.nameParts(female)
		k := contact{name: sur + " " + first + " " + patr}
		switch {
		case i == 0 && g.chance(0.9), i == 1 && c.tier == tierA && g.chance(0.3):
			k.role, k.decisionMaker = pick(g, decisionRoles), true
		default:
			k.role = pick(g, otherRoles)
		}
		local := latin(string([]rune(first)[:1])) + "." + latin(sur)
		for j := 2; used[local]; j++ {
			local = fmt.Sprintf("%s.%s%d", latin(string([]rune(first)[:1])), latin(sur), j)
		}
		used[local] = true
		k.email = local + "@" + domain
		switch {
		case g.chance(0.1):
		case g.chance(0.4):
			k.phone = fmt.Sprintf("+7 (495) %03d-%02d-%02d", g.between(200, 999), g.rng.IntN(100), g.rng.IntN(100))
		default:
			k.phone = g.mobile()
		}
		c.contacts = append(c.contacts, k)
	}
}

func (g *gen) mobile() string {
	return fmt.Sprintf("+7 (9%02d) %03d-%02d-%02d", g.between(1, 99), g.between(100, 999), g.rng.IntN(100), g.rng.IntN(100))
}

func (g *gen) nameParts(female bool) (first, patronymic, surname string) {
	pt := pick(g, patronymics)
	surname = pick(g, surnames)
	if female {
		return pick(g, femaleNames), pt[1], feminine(surname)
	}
	return pick(g, maleNames), pt[0], surname
}

// planStaff builds the roster: a lead per team, the current account managers spread
// over the teams by their clients' workload, and the people who left.
func (g *gen) planStaff() {
	teams := len(g.p.teams)
	weights := make([]float64, teams)
	for _, c := range g.clients {
		if c.status == data.ClientActive || c.status == data.ClientPaused {
			weights[c.team] += c.weight
		}
	}
	current := g.p.current[0] + g.p.current[1] + g.p.current[2]
	heads := apportion(weights, current, 2)
	leaverHeads := apportion(weights, g.p.leavers, 0)

	names := map[string]bool{}
	emails := map[string]bool{}
	var ps []*person
	for t := range teams {
		ps = append(ps, g.newPerson(t, lead, 0, names, emails))
	}
	for _, gr := range spread(heads, []int{g.p.current[senior], g.p.current[middle], g.p.current[junior]}) {
		ps = append(ps, g.newPerson(gr.team, senior-gr.grade, 0, names, emails))
	}
	leaverGrades := []int{g.p.leavers * 15 / 100, g.p.leavers * 40 / 100}
	leaverGrades = append(leaverGrades, g.p.leavers-leaverGrades[0]-leaverGrades[1])
	for _, gr := range spread(leaverHeads, leaverGrades) {
		first, last := g.ws+75, g.asOf-20
		left := first + day(g.between(0, int(last-first)))
		ps = append(ps, g.newPerson(gr.team, senior-gr.grade, left, names, emails))
	}
	g.number(ps)
	g.planRoles()
	if g.p.staffTo > 0 {
		g.staffUp(names, emails)
	}
	for _, p := range g.persons {
		g.planPersonTexts(p)
	}
}

// number orders the roster by hiring, as if each person was entered when hired, and
// gives ids and team lists.
func (g *gen) number(ps []*person) {
	slices.SortStableFunc(ps, func(a, b *person) int { return cmp.Compare(a.hire, b.hire) })
	g.persons = ps
	g.members = make([][]int, len(g.p.teams))
	for i, p := range ps {
		p.idx, p.id = i, int64(i+1)
		g.members[p.team] = append(g.members[p.team], i)
	}
}

// apportion splits total over weights by largest remainders, each share at least floor.
func apportion(weights []float64, total, floor int) []int {
	out := make([]int, len(weights))
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	left := total - floor*len(weights)
	if left < 0 || sum == 0 {
		left = 0
	}
	type rem struct {
		i int
		r float64
	}
	var rems []rem
	given := 0
	for i, w := range weights {
		exact := float64(left) * w / max(sum, 1e-9)
		out[i] = floor + int(exact)
		given += int(exact)
		rems = append(rems, rem{i, exact - math.Floor(exact)})
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.r, a.r) })
	for k := 0; given < left; k++ {
		out[rems[k%len(rems)].i]++
		given++
	}
	return out
}

type slot struct{ team, grade int } // grade: 0 senior, 1 middle, 2 junior (as in spread's counts)

// spread places people grade by grade into the team with the largest unfilled share,
// so that every team gets a similar mix of grades.
func spread(heads []int, counts []int) []slot {
	filled := make([]int, len(heads))
	var out []slot
	for gr, n := range counts {
		for range n {
			best, bestGap := -1, -1.0
			for t, h := range heads {
				if h == 0 || filled[t] >= h {
					continue
				}
				if gap := float64(h-filled[t]) / float64(h); gap > bestGap {
					best, bestGap = t, gap
				}
			}
			if best < 0 {
				best = 0
			}
			filled[best]++
			out = append(out, slot{best, gr})
		}
	}
	return out
}

// newPerson creates someone with a grade (now, or when leaving on left), a hire date
// that fits the grade, and the grade history that led there.
func (g *gen) newPerson(team, grade int, left day, names, emails map[string]bool) *person {
	p := &person{team: team, grade: grade, left: left, fte: 1, bias: g.uniform(0.9, 1.1),
		slow: g.uniform(0.8, 1.2), weak: g.uniform(0.7, 1.3), late: g.uniform(0.6, 1.4)}
	p.female = g.chance(0.65)
	var first, patr, sur string
	for {
		first, patr, sur = g.nameParts(p.female)
		if full := sur + " " + first + " " + patr; !names[full] {
			names[full] = true
			p.fullName = full
			break
		}
	}
	local := latin(string([]rune(first)[:1])) + "." + latin(sur)
	for j := 2; emails[local]; j++ {
		local = fmt.Sprintf("%s.%s%d", latin(string([]rune(first)[:1])), latin(sur), j)
	}
	emails[local] = true
	p.email = local + "@agency.local"
	p.phone = g.mobile()

	end := g.asOf
	var years float64
	if left != 0 {
		end = left
		years = g.uniform(0.6, 5)
	} else {
		span := [4][2]float64{{0.15, 2.5}, {0.8, 6}, {2, 10}, {3, 12}}[grade]
		years = g.uniform(span[0], span[1])
	}
	p.hire = end - day(years*365.25)
	if left == 0 {
		p.hire = min(p.hire, g.asOf-30)
	}

	// Grade history: the grade at hiring, then promotions at least a year apart.
	tenure := float64(end-p.hire) / 365.25
	maxSteps := min(grade, int((tenure-0.3)/1.2))
	if grade == lead {
		maxSteps = min(maxSteps, 2) // team leads come from senior or middle at most
	}
	steps := 0
	if maxSteps > 0 {
		if g.chance(0.55) {
			steps = maxSteps
		} else {
			steps = g.between(0, maxSteps)
		}
	}
	from := grade - steps
	p.steps = []gradeStep{{on: p.hire, from: -1, to: from}}
	if steps > 0 {
		lo, hi := p.hire+300, end-30
		width := int(hi-lo) / steps
		for k := range steps {
			on := lo + day(k*width+g.between(0, max(width-1, 0)))
			to := from + k + 1
			p.steps = append(p.steps, gradeStep{on: on, from: to - 1, to: to, reason: pick(g, promotionReasons[to])})
		}
	}
	p.position = g.grades[grade].name
	if grade == senior && g.chance(0.25) {
		p.position = "Ведущий аккаунт-менеджер"
	}
	return p
}

// planRoles picks the people on leave, the part-timers, the overloaded and underloaded,
// and the slow and weak ones among the current account managers.
func (g *gen) planRoles() {
	var pool []int
	for i, p := range g.persons {
		if p.left == 0 && p.grade != lead && p.hire < g.asOf-300 {
			pool = append(pool, i)
		}
	}
	shuffle(g, pool)
	next := func() *person {
		if len(pool) == 0 {
			return nil
		}
		p := g.persons[pool[0]]
		pool = pool[1:]
		return p
	}
	for range g.p.onLeave {
		if p := next(); p != nil {
			p.leaveFrom = g.asOf - day(g.between(20, 120))
			p.leaveFrom = max(p.leaveFrom, p.hire+200)
		}
	}
	for range g.p.overloaded {
		if p := next(); p != nil {
			p.bias = g.uniform(g.p.overBias[0], g.p.overBias[1])
			p.shape = shapeOver
		}
	}
	for range g.p.underloaded {
		if p := next(); p != nil {
			p.bias = g.uniform(g.p.underBias[0], g.p.underBias[1])
			p.shape = shapeUnder
		}
	}
	for range g.p.resigning {
		// A senior who has given notice: the notice runs past AsOf, so the clients are
		// still theirs (see shape.go).
		if k := slices.IndexFunc(pool, func(i int) bool { return g.persons[i].grade == senior }); k >= 0 {
			p := g.persons[pool[k]]
			pool = slices.Delete(pool, k, k+1)
			p.resigned = g.asOf - day(g.between(3, 12))
			p.lastDay = g.cal.nthWorking(p.resigned+day(g.between(30, 45)), 1)
		}
	}
	for range g.p.slow {
		if p := next(); p != nil {
			p.slow, p.weak, p.late = g.uniform(2.6, 3.4), g.uniform(1.8, 2.5), 3
		}
	}
	for range g.p.slow {
		if p := next(); p != nil {
			p.weak, p.late = g.uniform(2, 2.8), 2
		}
	}
	parts := max(1, len(g.persons)/25)
	for range parts {
		if p := next(); p != nil {
			p.fte = pick(g, []float64{0.5, 0.6, 0.75, 0.8})
		}
	}
}

func (g *gen) planPersonTexts(p *person) {
	gendered := func(male, female string) string {
		if p.female {
			return female
		}
		return male
	}
	switch {
	case p.lastDay != 0:
		p.notes = g.resignationNote(p)
	case p.left != 0:
		p.notes = pick(g, []string{
			gendered("Уволился по собственному желанию.", "Уволилась по собственному желанию."),
			gendered("Уволился: переезд в другой город.", "Уволилась: переезд в другой город."),
			gendered("Перешёл в другое агентство.", "Перешла в другое агентство."),
			gendered("Перешёл в отдел стратегического планирования.", "Перешла в отдел стратегического планирования."),
		})
	case p.leaveFrom != 0:
		p.notes = gendered("Длительный отпуск по семейным обстоятельствам с ", "Отпуск по уходу за ребёнком с ") +
			p.leaveFrom.ru() + "; клиенты переданы коллегам."
	case p.fte < 1:
		p.notes = pick(g, []string{"Работает по сокращённому графику.", "Совмещает работу с учёбой в магистратуре."})
	case p.hire > g.asOf-90:
		p.notes = "Испытательный срок до " + p.hire.addMonths(3).ru() + "."
	case g.chance(0.3):
		p.notes = pick(g, staffNotes)
	}
}
