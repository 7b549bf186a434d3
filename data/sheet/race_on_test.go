//go:build race

package sheet

// raceEnabled makes the big streaming tests smaller under the race detector,
// which slows them about tenfold.
const raceEnabled = true
