package parse

// bools maps folded yes/no words to their values.
var bools = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{
		"да", "д", "yes", "y", "true", "истина", "1", "+", "x", "х", "v", "✓", "✔", "☑", "✅",
		"есть", "лпр",
	} {
		m[s] = true
	}
	for _, s := range []string{
		"нет", "н", "no", "n", "false", "ложь", "0", "-", "−", "–", "—", "не лпр",
	} {
		m[s] = false
	}
	return m
}()

// Bool reads yes or no, in any case:
//
//   - true: "да", "д", "yes", "y", "true", "ИСТИНА" (Russian Excel's TRUE), "1",
//     "+", "x" or "х" (Latin or Cyrillic), "v", "✓", "✔", "☑", "✅", "есть", and
//     "ЛПР" (a decision maker, the usual heading and mark of that column);
//   - false: "нет", "н", "no", "n", "false", "ЛОЖЬ", "0", "-", "−", "–", "—",
//     "не ЛПР".
//
// Anything else is CodeNotBool. Empty input gives false and a nil error: a blank
// checkbox column is "no", and a caller that needs "unknown" checks [Empty].
func Bool(s string) (bool, error) {
	s = trim(s)
	if s == "" {
		return false, nil
	}
	v, ok := bools[fold(s)]
	if !ok {
		return false, fail(CodeNotBool, s)
	}
	return v, nil
}
