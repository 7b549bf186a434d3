// Package health scores how healthy each client relationship is, 0-100, warns of
// the clients at risk with the reasons in words, keeps the score's monthly
// history, and lists the renewals and the upsell pipeline beside it.
//
// A client's score is the weighted mean of eight measures, each scored 0-100:
//
//	kpi           KPI attainment over the last three full months: the mean attainment
//	              of the client's targets on entered client KPIs (data/kpi
//	              ClientAttainment); score = min(100, attainment %).
//	satisfaction  the average rating (1-5) of the last 90 days: (avg − 1) / 4 × 100,
//	              less 20 points for every point it fell against the 90 days before.
//	complaints    complaints and escalations logged in the last 90 days, an escalation
//	              counting two: 0 → 100, 1 → 75, 2 → 50, 3 → 25, 4 or more → 0.
//	sla           the share of first responses within the SLA of the contract in
//	              force that day (the KPI response_sla) over the last three full months.
//	reports       the share of reports due in the last three full months sent on time,
//	              a report never sent counting as late (the KPI reports_on_time).
//	budget        the monthly budget now against three months before: growth ≥ 0 →
//	              100, −50 % or worse → 0, linear between (−25 % → 50).
//	renewal       0 when the contract in force ends within 60 days and no other
//	              contract of the client starts on or after its last day (a draft
//	              counts: the renewal is under way; one added mid-term does not), 0
//	              when the client has no contract in force, else 100. In force is the
//	              audit's reading: active today; any status but draft on a past day
//	              (the status then is not kept). A client paused today needs no
//	              contract; the pause is known only for today, so past months do not
//	              spare it.
//	coverage      single point of failure: 0 without a lead or a backup, 0 when the
//	              lead is on leave, 50 when the lead is over capacity (data/workload's
//	              band), else 100.
//
// Every score is clamped to 0-100. A measure with nothing to judge it by (no
// targets, no ratings, no responses, no report due, no budget three months ago)
// is NaN: its weight drops out and the others share it; a client with no measure
// at all has no score. The weights and the thresholds of the bands (red below 50,
// amber below 70, green from 70 by default) are the lead's Settings.
//
// "The last three full months" are the KPI package's months (a report is owed per
// month): the as-of day's month when the day is its last, else the three months
// before it. The 90-day windows end on the as-of day.
//
// The lead can override a client's score with a note until an expiry date
// (data.HealthOverride): the override's score and band replace the computed ones,
// which stay visible beside them, and the computed score is back once it expires.
package health

import "leadboard/assets/locale"

// words is the catalogue the package writes its texts from.
func words(lang string) locale.Catalog { return locale.Messages(lang) }
