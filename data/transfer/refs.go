package transfer

import (
	"leadboard/data"
	"leadboard/data/parse"
)

// refs resolves the names a file uses for clients and people, loaded once per import
// and kept up to date with the rows it adds.
type refs struct {
	clients map[string]int64 // data.ClientNameKey -> id
	names   parse.Names
	byText  map[string]int64 // a cell's text -> the client it names: a log names few clients many times
}

func loadRefs(t *data.Tx) (*refs, error) {
	clients, err := t.ClientKeys()
	if err != nil {
		return nil, err
	}
	people, err := t.People()
	if err != nil {
		return nil, err
	}
	return &refs{clients: clients, names: namesOf(people), byText: map[string]int64{}}, nil
}

func namesOf(people []data.PersonRef) parse.Names {
	ps := make([]parse.Person, len(people))
	for i, p := range people {
		ps[i] = parse.Person{ID: p.ID, FullName: p.Name}
	}
	return parse.NewNames(ps)
}

// client is the id of the client a cell names; 0 when the cell is empty or the
// client is unknown (then the row has an error).
func (f *refs) client(r *rowReader, key string) int64 {
	name := r.text(key)
	if name == "" {
		return 0
	}
	if id, ok := f.byText[name]; ok {
		return id
	}
	id, ok := f.clients[data.ClientNameKey(name)]
	if !ok {
		r.fail(key, CodeUnknownClient, nil)
		return 0
	}
	if len(f.byText) < 100_000 { // clients are never removed during an import: a hit stays true
		f.byText[name] = id
	}
	return id
}

// person is the id of the person a cell names (full name, "Фамилия Имя" or
// "Фамилия И.О."); 0 when empty, unknown or ambiguous (then the row has an error).
func (f *refs) person(r *rowReader, key string) int64 { return r.person(key, f.names) }
