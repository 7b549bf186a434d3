package data

import (
	"context"
	"math"
	"net/mail"
	"slices"
	"strings"
	"time"
)

// checker collects field errors while a record is validated.
type checker struct{ errs []FieldError }

// add records an error; params come in key, value pairs.
func (c *checker) add(field, code string, params ...any) {
	fe := FieldError{Field: field, Code: code}
	if len(params) > 0 {
		fe.Params = map[string]any{}
		for i := 0; i+1 < len(params); i += 2 {
			fe.Params[params[i].(string)] = params[i+1]
		}
	}
	c.errs = append(c.errs, fe)
}

func (c *checker) has(field string) bool {
	return slices.ContainsFunc(c.errs, func(f FieldError) bool { return f.Field == field })
}

func (c *checker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.add(field, "required")
	}
}

func (c *checker) requiredDate(field string, t time.Time) {
	if t.IsZero() {
		c.add(field, "required")
	}
}

func (c *checker) oneOf(field, value string, allowed []string) {
	if !slices.Contains(allowed, value) {
		c.add(field, "invalid_choice")
	}
}

func (c *checker) notNegative(field string, v float64) {
	if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		c.add(field, "negative")
	}
}

// between also refuses NaN, which every comparison would let through.
func (c *checker) between(field string, v, min, max float64) {
	if !(v >= min && v <= max) {
		c.add(field, "range", "Min", min, "Max", max)
	}
}

// notAfter reports a date later than limit when both are set.
func (c *checker) notAfter(field string, t, limit time.Time) {
	if !t.IsZero() && !limit.IsZero() && t.After(limit) {
		c.add(field, "after_date", "Date", limit)
	}
}

// exists reports an unknown id on field; a zero id is left to the "required" check.
// Table names come from the code, never from input.
func exists(ctx context.Context, q queryRower, table string, id int64, field string, c *checker) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		c.add(field, "invalid_choice")
	}
	return nil
}

// notBefore reports end < start when both are set.
func (c *checker) notBefore(field string, end, start time.Time) {
	if !end.IsZero() && !start.IsZero() && end.Before(start) {
		c.add(field, "before_date", "Date", start)
	}
}

func (c *checker) email(field, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	addr, err := mail.ParseAddress(value)
	if err != nil || addr.Address != value || !strings.Contains(value[strings.LastIndex(value, "@"):], ".") {
		c.add(field, "invalid_email")
	}
}

// phone accepts digits with the usual separators (+7 (495) 123-45-67) and 7-15 digits.
func (c *checker) phone(field, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	digits := 0
	for i, r := range value {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')':
		default:
			c.add(field, "invalid_phone")
			return
		}
	}
	if digits < 7 || digits > 15 {
		c.add(field, "invalid_phone")
	}
}

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ValidationError{Fields: c.errs}
}
