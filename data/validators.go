package data

// The Validate functions check what can be checked without the database, so that a
// form can show every problem at once, together with its own parsing errors. The
// Save methods run the same checks and the ones that need the database.

// ValidateStaff checks a person's fields.
func ValidateStaff(p Staff) error {
	normalizeStaff(&p)
	var c checker
	validateStaff(p, &c)
	return c.err()
}

// ValidateClient checks a client's fields and the people chosen to serve it.
func ValidateClient(c Client, team ClientTeam) error {
	normalizeClient(&c)
	var ch checker
	validateClient(c, &ch)
	validateTeam(c, team, &ch)
	return ch.err()
}

// ValidateContract checks a contract's fields.
func ValidateContract(k Contract) error {
	var ch checker
	validateContract(k, &ch)
	return ch.err()
}

// ValidateInteraction checks a log entry's fields.
func ValidateInteraction(in Interaction) error {
	var ch checker
	validateInteraction(in, &ch)
	return ch.err()
}
