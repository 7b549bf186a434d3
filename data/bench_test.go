package data_test

// Benchmarks of the screens' queries on the large demo database (about 200 managers,
// 5,000 clients, 1.7 million log entries). They run only with -bench:
//
//	go test -tags migrated_fynedo -run '^$' -bench . -benchtime 2s ./data/
//
// The database is generated once (about 25 s) into the system's temp folder, named
// after the seed and the schema version, and reused by later runs; delete the file
// after changing the demo generator. Each benchmark has a "go" case, the Store call
// with its scanning, and a "cli" case, the same SQL run b.N times in one session of
// the sqlite3 command-line shell (output discarded): the floor that SQLite alone
// sets on the same file. The cli SQL mirrors the queries in data/*.go; keep the two
// in step when a query changes.

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"leadboard/data"
	"leadboard/data/internal/benchdb"
)

// benchStore opens the large demo database read-only with the clock fixed.
func benchStore(b *testing.B) *data.Store { return benchdb.Store(b) }

func largeDemoPath(b *testing.B) string { return benchdb.LargePath(b) }

// benchIDs picks the heaviest cards: the client with the longest log and the person
// with the most assignments.
func benchIDs(b *testing.B) (client, staff, grade int64) {
	b.Helper()
	db, err := sql.Open("sqlite3", "file:"+largeDemoPath(b)+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	err = db.QueryRow(`SELECT
		(SELECT client_id FROM interactions GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1),
		(SELECT staff_id FROM assignments GROUP BY staff_id ORDER BY count(*) DESC, staff_id LIMIT 1)`).Scan(&client, &staff)
	if err == nil {
		err = db.QueryRow(`SELECT grade_id FROM staff WHERE id = ?`, staff).Scan(&grade)
	}
	if err != nil {
		b.Fatal(err)
	}
	return client, staff, grade
}

func cliBench(b *testing.B, script string) { benchdb.CLI(b, script) }

const staffSQL = `SELECT s.id, s.full_name, s.position, s.grade_id, s.team, s.hire_date, s.fte, s.status,
	s.left_date, s.email, s.phone, s.notes`

const gradeSQL = `g.id, g.code, g.name_ru, g.name_en, g.rank, g.capacity`

func BenchmarkListStaff(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.Run("go", func(b *testing.B) {
		var n int
		for b.Loop() {
			rows, err := s.ListStaff(ctx, data.StaffFilter{})
			if err != nil {
				b.Fatal(err)
			}
			n = len(rows)
		}
		b.ReportMetric(float64(n), "rows")
	})
	b.Run("cli", func(b *testing.B) {
		cliBench(b, staffSQL+`, `+gradeSQL+`, coalesce(a.leads, 0), coalesce(a.backups, 0)
		FROM staff s JOIN grade_levels g ON g.id = s.grade_id
		LEFT JOIN (SELECT staff_id, sum(role = 'lead') AS leads, sum(role = 'backup') AS backups
			FROM assignments WHERE end_date IS NULL GROUP BY staff_id) a ON a.staff_id = s.id
		WHERE s.status IN ('active', 'on_leave') ORDER BY s.full_name, s.id;`)
	})
}

const clientSQL = `SELECT c.id, c.name, c.industry, c.tier, c.status, c.churn_date, c.churn_reason, c.monthly_budget,
	c.complexity, c.start_date, c.notes, c.doc_contract, c.doc_brief, c.doc_reporting, c.archived_on,
	coalesce((SELECT group_concat(service) FROM client_services cs WHERE cs.client_id = c.id), '')`

const clientListSQL = clientSQL + `, coalesce(la.staff_id, 0), coalesce(ls.full_name, ''),
		coalesce(ba.staff_id, 0), coalesce(bs.full_name, ''), k.end_date
	FROM clients c
	LEFT JOIN assignments la ON la.client_id = c.id AND la.role = 'lead' AND la.end_date IS NULL
	LEFT JOIN staff ls ON ls.id = la.staff_id
	LEFT JOIN assignments ba ON ba.client_id = c.id AND ba.role = 'backup' AND ba.end_date IS NULL
	LEFT JOIN staff bs ON bs.id = ba.staff_id
	LEFT JOIN (SELECT client_id, max(end_date) AS end_date FROM contracts WHERE status = 'active'
		GROUP BY client_id) k ON k.client_id = c.id
	WHERE c.archived_on IS NULL`

func BenchmarkListClients(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for _, bc := range []struct {
		name   string
		filter data.ClientFilter
		where  string
	}{
		{"all", data.ClientFilter{}, ""},
		{"search", data.ClientFilter{Search: "Волга"}, ` AND instr(c.search_key, 'волга') > 0`},
	} {
		b.Run(bc.name+"/go", func(b *testing.B) {
			var n int
			for b.Loop() {
				rows, err := s.ListClients(ctx, bc.filter)
				if err != nil {
					b.Fatal(err)
				}
				n = len(rows)
			}
			b.ReportMetric(float64(n), "rows")
		})
		b.Run(bc.name+"/cli", func(b *testing.B) {
			// The store sorts by folded name in Go; the shell sorts by the stored name.
			cliBench(b, clientListSQL+bc.where+` ORDER BY c.name, c.id;`)
		})
	}
}

func BenchmarkOverview(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Overview(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cli", func(b *testing.B) {
		now, today := benchdb.Now.Format(data.DateTimeLayout), benchdb.Now.Format(data.DateLayout)
		overdue := `SELECT i.client_id, count(*) AS n FROM interactions i INDEXED BY interactions_open_complaints
			LEFT JOIN (SELECT client_id, min(sla_hours) AS sla FROM contracts WHERE status = 'active' GROUP BY client_id) k
				ON k.client_id = i.client_id
			WHERE i.kind IN ('complaint', 'escalation') AND i.resolved_at IS NULL
				AND datetime(i.occurred_at, '+' || CAST(coalesce(k.sla, 24) * 60 AS INTEGER) || ' minutes') < datetime('` + now + `')
			GROUP BY i.client_id`
		ending := `FROM contracts k JOIN clients c ON c.id = k.client_id
			WHERE k.status = 'active' AND k.end_date BETWEEN '` + today + `' AND date('` + today + `', '+60 days')
				AND c.archived_on IS NULL`
		cliBench(b, `SELECT `+gradeSQL+`, count(s.id), coalesce(sum(s.status = 'on_leave'), 0)
			FROM grade_levels g LEFT JOIN staff s ON s.grade_id = g.id AND s.status <> 'left'
			GROUP BY g.id ORDER BY g.rank;
		WITH overdue AS (SELECT o.client_id, o.n FROM (`+overdue+`) o
			JOIN clients c ON c.id = o.client_id WHERE c.archived_on IS NULL)
		SELECT (SELECT count(*) FROM clients WHERE status = 'active' AND archived_on IS NULL),
			(SELECT count(*) FROM clients WHERE status = 'paused' AND archived_on IS NULL),
			(SELECT coalesce(sum(monthly_budget), 0) FROM clients WHERE status = 'active' AND archived_on IS NULL),
			(SELECT count(*) `+ending+`),
			(SELECT count(DISTINCT k.client_id) `+ending+`),
			(SELECT coalesce(sum(n), 0) FROM overdue),
			(SELECT count(*) FROM overdue);`)
	})
}

const assignmentsSQL = `SELECT a.id, a.client_id, a.staff_id, a.role, a.start_date, a.end_date, c.name, s.full_name
	FROM assignments a JOIN clients c ON c.id = a.client_id JOIN staff s ON s.id = a.staff_id
	WHERE %s ORDER BY a.end_date IS NOT NULL, a.start_date DESC, a.role, a.id;`

const interactionsSQL = `SELECT i.id, i.client_id, coalesce(i.staff_id, 0), i.occurred_at,
		i.channel, i.kind, i.response_hours, i.resolved_at, coalesce(i.satisfaction, 0), coalesce(i.amount, 0),
		i.report_due, i.notes, c.name, coalesce(s.full_name, '')
	FROM interactions i JOIN clients c ON c.id = i.client_id LEFT JOIN staff s ON s.id = i.staff_id
	WHERE %s ORDER BY i.occurred_at DESC, i.id DESC LIMIT %d;`

func BenchmarkClientDetail(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	id, _, _ := benchIDs(b)
	b.Run("go", func(b *testing.B) {
		var n int
		for b.Loop() {
			d, err := s.ClientDetail(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			n = len(d.Interactions)
		}
		b.ReportMetric(float64(n), "interactions")
	})
	b.Run("cli", func(b *testing.B) {
		cond := fmt.Sprintf("client_id = %d", id)
		cliBench(b, clientSQL+fmt.Sprintf(` FROM clients c WHERE c.id = %d;`, id)+`
		SELECT k.id, k.client_id, k.name, k.role, k.email, k.phone, k.decision_maker, c.name
			FROM contacts k JOIN clients c ON c.id = k.client_id WHERE k.`+cond+`
			ORDER BY c.name_key, k.decision_maker DESC, k.name;
		SELECT k.id, k.client_id, k.number, k.start_date, k.end_date, k.monthly_fee, k.status, k.renewal_notice_days,
			k.sla_hours, k.report_frequency, k.report_workday, c.name
			FROM contracts k JOIN clients c ON c.id = k.client_id WHERE k.`+cond+` ORDER BY c.name_key, k.start_date DESC;
		`+fmt.Sprintf(assignmentsSQL, "a."+cond)+`
		`+fmt.Sprintf(interactionsSQL, "i."+cond, -1))
	})
}

func BenchmarkStaffDetail(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	_, id, grade := benchIDs(b)
	b.Run("go", func(b *testing.B) {
		var n int
		for b.Loop() {
			d, err := s.StaffDetail(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			n = len(d.Assignments)
		}
		b.ReportMetric(float64(n), "assignments")
	})
	b.Run("cli", func(b *testing.B) {
		cliBench(b, fmt.Sprintf(staffSQL+` FROM staff s WHERE s.id = %d;
		SELECT `+gradeSQL+` FROM grade_levels g WHERE g.id = %d;
		`+fmt.Sprintf(assignmentsSQL, "a.staff_id = %[1]d")+`
		SELECT h.id, h.changed_on, h.reason,
			coalesce(f.id, 0), coalesce(f.code, ''), coalesce(f.name_ru, ''), coalesce(f.name_en, ''),
			coalesce(f.rank, 0), coalesce(f.capacity, 0),
			t.id, t.code, t.name_ru, t.name_en, t.rank, t.capacity
		FROM grade_history h LEFT JOIN grade_levels f ON f.id = h.from_grade_id
		JOIN grade_levels t ON t.id = h.to_grade_id
		WHERE h.staff_id = %[1]d ORDER BY h.changed_on DESC, h.id DESC;
		`+fmt.Sprintf(interactionsSQL, "i.staff_id = %[1]d", data.RecentInteractions), id, grade))
	})
}

func BenchmarkClientsByMonth(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.ClientsByMonth(ctx, 12); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cli", func(b *testing.B) {
		// The same single pass over the clients; the shell only reads the rows.
		cliBench(b, `SELECT start_date, churn_date FROM clients WHERE status <> 'prospect'
			AND start_date <= '2026-03-31' AND (churn_date IS NULL OR churn_date >= '2025-04-01');`)
	})
}
