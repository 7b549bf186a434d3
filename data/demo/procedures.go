package demo

import "leadboard/data"

// The register of the department's procedures (issue 8): eleven procedures across
// the areas, each owned by a senior or a team lead and reviewed within its interval,
// except one whose review is overdue. Most people at work have read the current
// version; some only an earlier one, and a few (newcomers above all) none yet.

type procedureDef struct {
	title, area, slug string
	months, version   int // review interval; current version
}

var procedureRegister = []procedureDef{
	{"Регламент ответа на запрос клиента", "client_communication", "otvet-na-zapros", 6, 3},
	{"Порядок работы с жалобами и эскалациями", "client_communication", "zhaloby-i-eskalacii", 6, 2},
	{"Порядок согласования медиаплана", "approvals", "soglasovanie-mediaplana", 12, 2},
	{"Согласование макетов и текстов с клиентом", "approvals", "soglasovanie-maketov", 12, 1},
	{"Регламент подготовки ежемесячного отчёта клиенту", "reporting", "ezhemesyachnyj-otchet", 6, 3},
	{"Проверка отчёта перед отправкой клиенту", "quality", "proverka-otcheta", 6, 1},
	{"Порядок передачи задач в отдел закупки рекламы", "other_departments", "peredacha-v-zakupku", 12, 2},
	{"Постановка задач креативному отделу и аналитикам", "other_departments", "zadachi-kreativu-i-analitike", 12, 1},
	{"Ведение карточки клиента и договоров в базе", "documents", "kartochka-klienta", 12, 2},
	{"Порядок заключения и продления договора", "documents", "zaklyuchenie-i-prodlenie", 12, 1},
	{"Еженедельный разбор рисков по клиентам", "quality", "razbor-riskov", 9, 2},
}

func (g *gen) writeProcedures(w *writer, sum *Summary) {
	owners := g.owners(g.asOf)
	if len(owners) == 0 {
		return
	}
	var next int64
	if w.err = w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(id), 0) FROM procedures`).Scan(&next); w.err != nil {
		return
	}
	st := w.prep(`INSERT INTO procedures (id, title, title_key, area, owner_id, link, version, last_reviewed, review_months)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	acks := w.batch(`INSERT INTO procedure_acks (procedure_id, staff_id, version, acknowledged_on) VALUES `, 4, 64)
	overdue := g.aud.rng.IntN(len(procedureRegister))
	for i, p := range procedureRegister {
		next++
		var reviewed day
		if i == overdue {
			reviewed = g.asOf.addMonths(-p.months) - day(g.aud.between(20, 60))
		} else { // the next review at least a fortnight ahead
			lo := (g.asOf + 20).addMonths(-p.months)
			reviewed = lo + day(g.aud.between(0, int(g.asOf-15-lo)))
		}
		reviewed = g.cal.shiftWorking(reviewed, 0)
		owner := owners[i%len(owners)]
		w.exec(st, next, p.title, data.Fold(p.title), p.area, owner.id, "https://wiki.example.ru/otdel/reglamenty/"+p.slug,
			p.version, reviewed.String(), p.months)
		sum.Procedures++
		g.acknowledge(acks, next, p.version, reviewed)
	}
	acks.flush()
}

// acknowledge writes who of the people employed now read the procedure's current
// version (reviewed on the day given), and who read only the one before. The version
// before was issued some months earlier.
func (g *gen) acknowledge(acks *batch, id int64, version int, reviewed day) {
	previous := reviewed - day(g.aud.between(120, 400))
	readOn := func(from day) day {
		d := g.cal.shiftWorking(from+day(g.aud.between(1, 30)), 0)
		return min(d, g.cal.shiftWorking(g.asOf, -1))
	}
	for _, p := range g.persons {
		if p.left != 0 {
			continue
		}
		x := g.aud.rng.Float64()
		if p.hire >= reviewed { // a newcomer reads the procedures in the first weeks, or has not yet
			if on := readOn(p.hire + 2); x < 0.6 && on > p.hire && on < g.asOf {
				acks.add(id, p.id, version, on.String())
			}
			continue
		}
		onLeave := p.leaveFrom != 0 && p.leaveFrom <= reviewed
		readsBefore := version > 1 && p.hire < previous
		switch {
		case x < 0.78 && !onLeave:
			if readsBefore && g.aud.chance(0.6) {
				acks.add(id, p.id, version-1, min(readOn(previous), reviewed-1).String())
			}
			acks.add(id, p.id, version, readOn(reviewed).String())
		case x < 0.9 && readsBefore:
			acks.add(id, p.id, version-1, min(readOn(previous), reviewed-1).String())
		}
	}
}
