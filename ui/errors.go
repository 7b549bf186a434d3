package ui

import (
	"errors"
	"strings"

	"leadboard/assets/locale"
	"leadboard/data"
	"leadboard/data/sheet"
	"leadboard/ui/widgets"
)

// describeError says in the UI language what went wrong and, where it can, what to do.
func describeError(err error) string {
	if dbErr, ok := data.AsDBError(err); ok {
		return Tf("dberr."+string(dbErr.Problem), map[string]any{
			"Path": dbErr.Path, "Version": dbErr.Version, "Known": dbErr.Known, "Error": errText(dbErr.Err)})
	}
	if errors.Is(err, data.ErrNotFound) {
		return T("error.not_found")
	}
	if errors.Is(err, sheet.ErrTooManyRows) {
		return T("export.too_many_rows")
	}
	if v, ok := data.AsValidation(err); ok {
		msgs := fieldMessages(v)
		var lines []string
		for _, f := range v.Fields { // in the order the fields were checked
			if msg, ok := msgs[f.Field]; ok {
				lines = append(lines, T("field."+f.Field)+": "+msg)
				delete(msgs, f.Field)
			}
		}
		return strings.Join(lines, "\n")
	}
	return Tf("error.unexpected", map[string]any{"Error": err.Error()})
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// fieldMessages translates a validation error into one message per field.
func fieldMessages(v *data.ValidationError) map[string]string {
	out := map[string]string{}
	for _, f := range v.Fields {
		msg := Tf("err."+f.Code, formatParams(f.Params))
		if prev, ok := out[f.Field]; ok {
			msg = prev + "; " + msg
		}
		out[f.Field] = msg
	}
	return out
}

// formatParams writes dates and numbers in the message's language.
func formatParams(params map[string]any) map[string]any {
	return locale.FormatParams(currentLang(), params)
}

// showFormError puts a save error where the user looks: field errors under their
// fields, anything else (a locked database, say) at the top of the form.
func showFormError(form *widgets.Form, err error) {
	v, ok := data.AsValidation(err)
	if !ok {
		form.SetErrors(map[string]string{"": describeError(err)})
		return
	}
	msgs := fieldMessages(v)
	for field, msg := range msgs {
		if !form.Shown(field) { // no place next to a field: say which field
			msgs[field] = T("field."+field) + ": " + msg
		}
	}
	form.SetErrors(msgs)
}
