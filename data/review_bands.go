package data

import (
	"context"
	"encoding/json"

	"leadboard/data/review"
)

const reviewBandsKey = "review_bands"

// ReviewBands are the score thresholds of the rating bands the lead has set, or
// the defaults.
func (s *Store) ReviewBands(ctx context.Context) (review.Bands, error) {
	value, found, err := s.Setting(ctx, reviewBandsKey)
	if err != nil || !found {
		return review.DefaultBands(), err
	}
	var b review.Bands
	if json.Unmarshal([]byte(value), &b) != nil || !b.Valid() {
		return review.DefaultBands(), nil // a damaged setting falls back rather than blocks the reviews
	}
	return b, nil
}

// SaveReviewBands keeps the thresholds; they must rise within the 1-5 scale.
func (s *Store) SaveReviewBands(ctx context.Context, b review.Bands) error {
	if !b.Valid() {
		var ch checker
		ch.add("bands", "bands_order")
		return ch.err()
	}
	value, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return s.SaveSetting(ctx, reviewBandsKey, string(value))
}
