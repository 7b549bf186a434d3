-- A log entry is known by its client, time and kind (an import matches on it), so
-- no two entries may share all three. The unique index also serves everything the
-- old (client, time) index did.
--
-- Files from before it could hold such twins (two complaints logged in the same
-- minute): the later twin moves on by a minute per twin, and nothing is lost.
UPDATE interactions
SET occurred_at = strftime('%Y-%m-%d %H:%M', interactions.occurred_at, '+' || (twin.n - 1) || ' minutes')
FROM (SELECT id, row_number() OVER (PARTITION BY client_id, occurred_at, kind ORDER BY id) AS n
      FROM interactions) AS twin
WHERE twin.id = interactions.id AND twin.n > 1;

DROP INDEX interactions_client;
CREATE UNIQUE INDEX interactions_natural ON interactions(client_id, occurred_at, kind);
