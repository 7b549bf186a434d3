package ui

import (
	"context"
	"sync"

	"leadboard/data"
	"leadboard/data/pack"
)

// packSettings loads the remembered department and author and saves them when they
// change. Saves run in the background in any order; each writes the newest value
// under a lock, so a slow older save never overwrites a newer one.
type packSettings struct {
	app   *App
	loads ticket
	saved map[string]string // what the database holds (UI goroutine)

	mu     sync.Mutex
	newest map[string]string // the value each key should end up with (guarded by mu)
}

func newPackSettings(a *App) *packSettings {
	return &packSettings{app: a, saved: map[string]string{}, newest: map[string]string{}}
}

// load reads the remembered values; apply gets them with the defaults filled in.
func (p *packSettings) load(apply func(department, author string)) {
	load(p.app, &p.loads, func(ctx context.Context, st *data.Store) ([2]string, error) {
		department, author, err := pack.Title(ctx, st, currentLang())
		return [2]string{department, author}, err
	}, func(v [2]string) {
		p.saved[pack.SettingDepartment], p.saved[pack.SettingAuthor] = v[0], v[1]
		apply(v[0], v[1])
	})
}

// remember saves value under key unless the database holds it already; failed
// hears of an error.
func (p *packSettings) remember(key, value string, failed func(error)) {
	if saved, ok := p.saved[key]; ok && saved == value {
		return
	}
	p.saved[key] = value
	p.mu.Lock()
	p.newest[key] = value
	p.mu.Unlock()
	save(p.app, func(ctx context.Context, st *data.Store) error {
		p.mu.Lock()
		defer p.mu.Unlock()
		return st.SaveSetting(ctx, key, p.newest[key])
	}, func(err error) {
		if err != nil {
			delete(p.saved, key) // try again on the next change
			failed(err)
		}
	})
}
