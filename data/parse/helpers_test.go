package parse

import (
	"errors"
	"testing"
)

// wantCode checks that err is a *Error with the code.
func wantCode(t *testing.T, in string, err error, code string) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) {
		t.Errorf("%q: error %v, want *Error %s", in, err, code)
		return
	}
	if pe.Code != code {
		t.Errorf("%q: code %q, want %q", in, pe.Code, code)
	}
	if pe.Error() == "" {
		t.Errorf("%q: empty message", in)
	}
}
