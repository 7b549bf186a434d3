package kpi

import (
	"context"
	"database/sql"

	"leadboard/data"
	"leadboard/data/parse"
)

// FindEntities turns names typed on the command line into client or manager ids:
// a client by its name in any case, a person by the full name, "Фамилия Имя" or
// "Фамилия И.О.". An unknown or ambiguous name is an error on "entities" that
// carries the name.
func FindEntities(ctx context.Context, s *data.Store, level string, names []string) ([]int64, error) {
	if level == data.LevelDepartment || len(names) == 0 {
		return nil, nil
	}
	all, err := namesOf(ctx, s, level, nil)
	if err != nil {
		return nil, err
	}
	match := matcher(level, all)
	ids := make([]int64, 0, len(names))
	for _, name := range names {
		id, ok := match(name)
		if !ok {
			return nil, &data.ValidationError{Fields: []data.FieldError{{Field: "entities", Code: "unknown_name",
				Params: map[string]any{"Name": name}}}}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func matcher(level string, all map[int64]string) func(string) (int64, bool) {
	if level == data.LevelManager {
		people := make([]parse.Person, 0, len(all))
		for id, name := range all {
			people = append(people, parse.Person{ID: id, FullName: name})
		}
		names := parse.NewNames(people)
		return func(s string) (int64, bool) {
			id, err := names.Match(s)
			return id, err == nil && id != 0
		}
	}
	byKey := make(map[string]int64, len(all))
	for id, name := range all {
		byKey[data.ClientNameKey(name)] = id
	}
	return func(s string) (int64, bool) {
		id, ok := byKey[data.ClientNameKey(s)]
		return id, ok
	}
}

// ManagersLeading lists the people who led any client in the months, for choosing
// whom a trend or ranking shows.
func ManagersLeading(ctx context.Context, s *data.Store, from, to data.Month) ([]Entity, error) {
	return entities(ctx, s, `SELECT DISTINCT p.id, p.full_name FROM assignments a JOIN staff p ON p.id = a.staff_id
		WHERE a.role = 'lead' AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
		ORDER BY p.full_name`, to, from)
}

// ClientsServed lists the clients served in any of the months, by name.
func ClientsServed(ctx context.Context, s *data.Store, from, to data.Month) ([]Entity, error) {
	return entities(ctx, s, `SELECT c.id, c.name FROM clients c WHERE EXISTS (SELECT 1 FROM client_periods p
			WHERE p.client_id = c.id AND p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?))
		ORDER BY c.name_key`, to, from)
}

// entities runs a query of (id, name) over the days from..to (given as to, from:
// the overlap test reads them in that order).
func entities(ctx context.Context, s *data.Store, query string, to, from data.Month) ([]Entity, error) {
	var out []Entity
	err := s.EachRow(ctx, query, []any{to.Last().Format(data.DateLayout), from.First().Format(data.DateLayout)},
		func(r *sql.Rows) error {
			var e Entity
			if err := r.Scan(&e.ID, &e.Name); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	return out, err
}

// FindContract finds a client's contract by the client's name and the contract's
// number; an unknown one is an error on "entity".
func FindContract(ctx context.Context, s *data.Store, client, number string) (int64, error) {
	var id int64
	err := s.EachRow(ctx, `SELECT k.id FROM contracts k JOIN clients c ON c.id = k.client_id
		WHERE c.name_key = ? AND k.number = ?`, []any{data.ClientNameKey(client), number}, func(r *sql.Rows) error {
		return r.Scan(&id)
	})
	if err == nil && id == 0 {
		err = &data.ValidationError{Fields: []data.FieldError{{Field: "entity", Code: "unknown_contract"}}}
	}
	return id, err
}
