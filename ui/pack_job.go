package ui

import (
	"context"
	"errors"
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"leadboard/data"
	"leadboard/data/pack"
)

// packJob is a build or an export running in the background. Its bar moves through
// its stages in turn (building the pack, then writing it).
type packJob struct {
	ctx    context.Context
	cancel context.CancelFunc
	st     *data.Store
	bar    *widget.ProgressBar
	onStep func(cancel func())
}

// stage is the progress of stage i of n: it fills the bar from i/n to (i+1)/n.
func (j *packJob) stage(i, n int) pack.Progress {
	return func(done, total int) {
		f := (float64(i) + float64(done)/float64(max(total, 1))) / float64(n)
		onUI(func() { j.bar.SetValue(f) })
		if j.onStep != nil {
			j.onStep(j.cancel)
		}
	}
}

// startJob runs work in the background with the progress bar and Cancel shown and
// the choices locked; finished gets work's error on the UI goroutine.
func (s *packScreen) startJob(message string, work func(j *packJob) error, finished func(err error)) {
	st := s.app.store()
	if st == nil || s.job != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	j := &packJob{ctx: ctx, cancel: cancel, st: st, bar: s.bar, onStep: s.onStep}
	s.job = j
	s.setRunning(true)
	s.say(message, widget.MediumImportance)
	var err error
	s.app.background(func() { err = work(j) }, func() {
		cancel()
		s.job = nil
		s.setRunning(false)
		finished(err)
	})
}

// cancelJob stops the job running; it ends with context.Canceled. Safe before the
// screen exists, as when the first database is opened.
func (s *packScreen) cancelJob() {
	if s != nil && s.job != nil {
		s.job.cancel()
	}
}

// setRunning locks what a job reads while it runs and shows its progress.
func (s *packScreen) setRunning(running bool) {
	inputs := []fyne.Disableable{s.kind, s.period, s.previewButton}
	for _, c := range s.sections {
		inputs = append(inputs, c)
	}
	for _, b := range s.exportButtons {
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		if running {
			in.Disable()
		} else {
			in.Enable()
		}
	}
	if running {
		s.bar.SetValue(0)
		s.progress.Show()
		return
	}
	s.progress.Hide()
	s.choiceChanged() // no sections ticked keeps the buttons off
}

// buildPreview builds the pack of the current choice and shows its slides.
func (s *packScreen) buildPreview() {
	c := s.choice()
	s.rememberTitlePage()
	var built pack.Pack
	s.startJob(T("pack.screen.building"), func(j *packJob) error {
		var err error
		built, err = pack.Build(j.ctx, j.st, c.period, c.sections, c.options, j.stage(0, 1))
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			s.say(T("pack.screen.preview_cancelled"), widget.MediumImportance)
		case err != nil:
			s.say(Tf("pack.screen.build_failed", map[string]any{"Error": describePackError(err)}),
				widget.DangerImportance)
		default:
			s.preview.show(built, c.key())
			s.choiceChanged()
		}
	})
}

// exportTo writes the pack of the current choice to path in format f, building it
// first unless the preview shows it already. This is what the export buttons run
// once the user has chosen where; a cancelled export leaves nothing at path.
func (s *packScreen) exportTo(f packFormat, path string) {
	c := s.choice()
	s.rememberTitlePage()
	previewed, built := s.preview.isFor(c.key()), s.preview.pack
	var made pack.Pack
	writing := Tf("pack.screen.writing", map[string]any{"Path": path})
	first := writing
	if !previewed {
		first = T("pack.screen.preparing")
	}
	s.startJob(first, func(j *packJob) error {
		stages, p := 1, pack.Pack{}
		if previewed {
			p = *built
		} else {
			stages = 2
			var err error
			if p, err = pack.Build(j.ctx, j.st, c.period, c.sections, c.options, j.stage(0, 2)); err != nil {
				return err
			}
			made = p
			onUI(func() { s.say(writing, widget.MediumImportance) })
		}
		p.Department, p.Author = c.options.Department, c.options.Author // the title page as typed now
		return f.write(j.ctx, path, p, j.stage(stages-1, stages))
	}, func(err error) {
		if made.Sections != nil { // built for the export: the preview may as well show it
			s.preview.show(made, c.key())
		}
		switch {
		case errors.Is(err, context.Canceled):
			s.say(T(f.cancelled), widget.MediumImportance)
		case err != nil:
			s.say(Tf("pack.screen.export_failed", map[string]any{"Error": describePackError(err)}),
				widget.DangerImportance)
		default:
			s.say(Tf(f.written, map[string]any{"Path": path}), widget.SuccessImportance)
		}
	})
}

// describePackError says in the UI language why a pack could not be built or
// written.
func describePackError(err error) string {
	switch {
	case errors.Is(err, pack.ErrFolderTaken):
		return T("pack.screen.folder_taken")
	case errors.Is(err, fs.ErrPermission):
		return T("pack.screen.no_permission")
	case errors.Is(err, fs.ErrNotExist):
		return T("pack.screen.no_folder")
	}
	return describeError(err)
}
