CREATE TABLE "need_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"need_id" uuid NOT NULL,
	"method" text NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"answered_by" text NOT NULL,
	"summary" text NOT NULL,
	"solved" boolean NOT NULL,
	"rating" smallint NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "need_rollups" ADD COLUMN "by_callback" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "need_rollups" ADD COLUMN "callback_rated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "need_rollups" ADD COLUMN "callback_rating_sum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "routing_explanation_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "callback_rating" smallint;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "completed_by" uuid;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "rating" smallint;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "rating_source" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD COLUMN "callback_ratings" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD COLUMN "callback_average" numeric(3, 2);--> statement-breakpoint
ALTER TABLE "need_callbacks" ADD CONSTRAINT "need_callbacks_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_callbacks_area_code_need_idx" ON "need_callbacks" USING btree ("area_code","need_id");--> statement-breakpoint
-- Hand-written (issue 13, the honest loop): a need's rating column holds only the resident's own
-- rating; a rating staff recorded moves to callback_rating. Closures made by staff before call-backs
-- were recorded keep confirmed_by = 'staff' (shown as unverified) with their rating as a staff rating.
-- The need roll-up functions of migration 0021 are replaced to count call-back closures and ratings
-- apart; the roll-ups are then rebuilt from the needs.
DO $do$
DECLARE
  op record;
BEGIN
  FOR op IN SELECT * FROM (VALUES ('insert', 'SELECT *, 1 AS sign FROM new_rows'), ('delete', 'SELECT *, -1 AS sign FROM old_rows'),
    ('update', 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows')) AS v(name, changes) LOOP
    EXECUTE format($f$
    CREATE OR REPLACE FUNCTION need_rollups_apply_%1$s() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        INSERT INTO need_rollups AS t (area_code, grain, day, category, status, tier, needs, rated, rating_sum, by_resident, by_staff,
                                       by_callback, callback_rated, callback_rating_sum)
        SELECT substr(c.area_code, 1, l.len), d.grain, d.day, c.category, c.status, c.tier, sum(c.sign), sum(c.sign * c.rated),
               sum(c.sign * c.rating_sum), sum(c.sign * c.by_resident), sum(c.sign * c.by_staff), sum(c.sign * c.by_callback),
               sum(c.sign * c.callback_rated), sum(c.sign * c.callback_rating_sum)
        FROM (SELECT n.area_code, need_rollup_day(n.created_at) AS day, n.category, n.status, n.tier, n.sign,
                     (n.status = 'closed' AND n.rating IS NOT NULL)::int AS rated,
                     CASE WHEN n.status = 'closed' THEN coalesce(n.rating, 0) ELSE 0 END AS rating_sum,
                     (n.status = 'closed' AND n.confirmed_by IS NOT DISTINCT FROM 'resident')::int AS by_resident,
                     (n.status = 'closed' AND n.confirmed_by IS NOT DISTINCT FROM 'staff')::int AS by_staff,
                     (n.status = 'closed' AND n.confirmed_by IS NOT DISTINCT FROM 'callback')::int AS by_callback,
                     (n.status = 'closed' AND n.callback_rating IS NOT NULL)::int AS callback_rated,
                     CASE WHEN n.status = 'closed' THEN coalesce(n.callback_rating, 0) ELSE 0 END AS callback_rating_sum
              FROM (%2$s) AS n) AS c
        CROSS JOIN (VALUES (2), (4), (6), (9), (12)) AS l(len)
        CROSS JOIN LATERAL (VALUES ('day', c.day), ('month', date_trunc('month', c.day)::date), ('all', '-infinity'::date)) AS d(grain, day)
        WHERE l.len <= length(c.area_code)
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(c.sign) <> 0 OR sum(c.sign * c.rated) <> 0 OR sum(c.sign * c.rating_sum) <> 0
            OR sum(c.sign * c.by_resident) <> 0 OR sum(c.sign * c.by_staff) <> 0 OR sum(c.sign * c.by_callback) <> 0
            OR sum(c.sign * c.callback_rated) <> 0 OR sum(c.sign * c.callback_rating_sum) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (area_code, grain, day, category, status, tier) DO UPDATE SET
          needs = t.needs + excluded.needs, rated = t.rated + excluded.rated, rating_sum = t.rating_sum + excluded.rating_sum,
          by_resident = t.by_resident + excluded.by_resident, by_staff = t.by_staff + excluded.by_staff,
          by_callback = t.by_callback + excluded.by_callback, callback_rated = t.callback_rated + excluded.callback_rated,
          callback_rating_sum = t.callback_rating_sum + excluded.callback_rating_sum;
        INSERT INTO need_duration_rollups AS t (area_code, measure, grain, day, bucket, count)
        SELECT substr(c.area_code, 1, l.len), 'resolve', d.grain, d.day, c.bucket, sum(c.sign)
        FROM (SELECT n.area_code, need_rollup_day(n.created_at) AS day, n.sign,
                     need_rollup_bucket(extract(epoch FROM n.done_at - n.created_at)::float8 / 86400) AS bucket
              FROM (%2$s) AS n WHERE n.done_at IS NOT NULL) AS c
        CROSS JOIN (VALUES (2), (4), (6), (9)) AS l(len)
        CROSS JOIN LATERAL (VALUES ('day', c.day), ('month', date_trunc('month', c.day)::date), ('all', '-infinity'::date)) AS d(grain, day)
        WHERE l.len <= length(c.area_code)
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(c.sign) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (area_code, measure, grain, day, bucket) DO UPDATE SET count = t.count + excluded.count;
      -- A need's closure or rating changes the ratings of the referrals it has (a new need has none yet).
        INSERT INTO referral_rollups AS t (area_code, provider_kind, provider_key, status, referrals, accepted, minutes, rated, rating_sum)
        SELECT substr(c.area_code, 1, l.len), c.provider_kind, c.provider_key, c.status, sum(c.sign), sum(c.sign * c.accepted),
               sum(c.sign * c.minutes), sum(c.sign * c.rated), sum(c.sign * c.rating_sum)
        FROM (SELECT r.area_code, r.provider_kind, coalesce(r.provider_id::text, '') AS provider_key, r.status, n.sign AS sign,
                     (r.accepted_at IS NOT NULL OR r.status IN ('accepted', 'done'))::int AS accepted, r.service_minutes AS minutes,
                     (r.status = 'done' AND n.status = 'closed' AND n.rating IS NOT NULL)::int AS rated,
                     CASE WHEN r.status = 'done' AND n.status = 'closed' THEN coalesce(n.rating, 0) ELSE 0 END AS rating_sum
              FROM (%2$s) AS n JOIN referrals AS r ON r.need_id = n.id) AS c
        CROSS JOIN (VALUES (2), (4), (6), (9), (12)) AS l(len)
        WHERE l.len <= length(c.area_code)
        GROUP BY 1, 2, 3, 4
        HAVING sum(c.sign) <> 0 OR sum(c.sign * c.accepted) <> 0 OR sum(c.sign * c.minutes) <> 0 OR sum(c.sign * c.rated) <> 0
            OR sum(c.sign * c.rating_sum) <> 0
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (area_code, provider_kind, provider_key, status) DO UPDATE SET
          referrals = t.referrals + excluded.referrals, accepted = t.accepted + excluded.accepted, minutes = t.minutes + excluded.minutes,
          rated = t.rated + excluded.rated, rating_sum = t.rating_sum + excluded.rating_sum;
      RETURN NULL;
    END;
    $fn$
    $f$, op.name, op.changes);
  END LOOP;
END;
$do$;--> statement-breakpoint
UPDATE needs SET callback_rating = rating, rating = NULL WHERE confirmed_by = 'staff' AND rating IS NOT NULL;--> statement-breakpoint
UPDATE referrals r SET rating = n.coalesced, rating_source = n.source, rated_at = n.closed_at
FROM (SELECT id, closed_at, coalesce(rating, callback_rating) AS coalesced, CASE WHEN confirmed_by = 'resident' THEN 'resident' ELSE 'staff' END AS source
      FROM needs WHERE status = 'closed') AS n
WHERE r.need_id = n.id AND r.status = 'done' AND n.coalesced IS NOT NULL;--> statement-breakpoint
DELETE FROM need_rollups;--> statement-breakpoint
INSERT INTO need_rollups (area_code, grain, day, category, status, tier, needs, rated, rating_sum, by_resident, by_staff, by_callback,
                          callback_rated, callback_rating_sum)
SELECT substr(n.area_code, 1, l.len), d.grain, d.day, n.category, n.status, n.tier, count(*),
       count(*) FILTER (WHERE n.status = 'closed' AND n.rating IS NOT NULL),
       coalesce(sum(n.rating) FILTER (WHERE n.status = 'closed'), 0),
       count(*) FILTER (WHERE n.status = 'closed' AND n.confirmed_by = 'resident'),
       count(*) FILTER (WHERE n.status = 'closed' AND n.confirmed_by = 'staff'),
       count(*) FILTER (WHERE n.status = 'closed' AND n.confirmed_by = 'callback'),
       count(*) FILTER (WHERE n.status = 'closed' AND n.callback_rating IS NOT NULL),
       coalesce(sum(n.callback_rating) FILTER (WHERE n.status = 'closed'), 0)
FROM needs AS n
CROSS JOIN (VALUES (2), (4), (6), (9), (12)) AS l(len)
CROSS JOIN LATERAL (VALUES ('day', need_rollup_day(n.created_at)), ('month', date_trunc('month', need_rollup_day(n.created_at))::date),
  ('all', '-infinity'::date)) AS d(grain, day)
WHERE l.len <= length(n.area_code)
GROUP BY 1, 2, 3, 4, 5, 6;
