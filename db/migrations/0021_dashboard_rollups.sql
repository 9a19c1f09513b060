CREATE TABLE "need_duration_rollups" (
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"measure" text NOT NULL,
	"bucket" smallint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "need_duration_rollups_area_code_measure_grain_day_bucket_pk" PRIMARY KEY("area_code","measure","grain","day","bucket")
);
--> statement-breakpoint
CREATE TABLE "need_rollups" (
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"tier" text NOT NULL,
	"needs" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"by_resident" integer DEFAULT 0 NOT NULL,
	"by_staff" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "need_rollups_area_code_grain_day_category_status_tier_pk" PRIMARY KEY("area_code","grain","day","category","status","tier")
);
--> statement-breakpoint
CREATE TABLE "referral_rollups" (
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"provider_kind" text NOT NULL,
	"provider_key" text NOT NULL,
	"status" text NOT NULL,
	"referrals" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "referral_rollups_area_code_provider_kind_provider_key_status_pk" PRIMARY KEY("area_code","provider_kind","provider_key","status")
);
--> statement-breakpoint
CREATE INDEX "needs_closed_at_idx" ON "needs" USING btree ("closed_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "needs"."status" = 'closed';
--> statement-breakpoint
-- Hand-written (ADR 0011): the dashboard roll-ups are kept by statement-level triggers with transition
-- tables, in the writing transaction, so every writer (the service, the demo seed, the benchmark
-- loader's multi-row inserts, tests that update rows directly) keeps them right. An update adds the
-- new rows' contributions and subtracts the old rows'; rows whose contributions cancel write nothing.
-- Each trigger function is generated once per event (insert, update, delete) with its transition
-- tables written in, so its statements are static and their plans cached (dynamic SQL would be
-- planned anew at every write).
-- Each row counts at every level of its area code (histograms: down to streets) and at three grains:
-- its China Standard Time reporting day, that month (day = the 1st) and all-time (day = '-infinity').
CREATE FUNCTION need_rollup_bucket(v double precision) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN NULL WHEN v <= 0 THEN -32768
    ELSE greatest(-32767, least(32767, floor(8 * ln(v) / ln(2))))::smallint END
$$;--> statement-breakpoint
CREATE FUNCTION need_rollup_day(created_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;--> statement-breakpoint
DO $do$
DECLARE
  op record;
BEGIN
  FOR op IN SELECT * FROM (VALUES ('insert', 'SELECT *, 1 AS sign FROM new_rows'), ('delete', 'SELECT *, -1 AS sign FROM old_rows'),
    ('update', 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows')) AS v(name, changes) LOOP
    EXECUTE format($f$
    CREATE FUNCTION need_rollups_apply_%1$s() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        INSERT INTO need_rollups AS t (area_code, grain, day, category, status, tier, needs, rated, rating_sum, by_resident, by_staff)
        SELECT substr(c.area_code, 1, l.len), d.grain, d.day, c.category, c.status, c.tier, sum(c.sign), sum(c.sign * c.rated),
               sum(c.sign * c.rating_sum), sum(c.sign * c.by_resident), sum(c.sign * c.by_staff)
        FROM (SELECT n.area_code, need_rollup_day(n.created_at) AS day, n.category, n.status, n.tier, n.sign,
                     (n.status = 'closed' AND n.rating IS NOT NULL)::int AS rated,
                     CASE WHEN n.status = 'closed' THEN coalesce(n.rating, 0) ELSE 0 END AS rating_sum,
                     (n.status = 'closed' AND n.confirmed_by IS NOT DISTINCT FROM 'resident')::int AS by_resident,
                     (n.status = 'closed' AND n.confirmed_by IS NOT DISTINCT FROM 'staff')::int AS by_staff
              FROM (%2$s) AS n) AS c
        CROSS JOIN (VALUES (2), (4), (6), (9), (12)) AS l(len)
        CROSS JOIN LATERAL (VALUES ('day', c.day), ('month', date_trunc('month', c.day)::date), ('all', '-infinity'::date)) AS d(grain, day)
        WHERE l.len <= length(c.area_code)
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(c.sign) <> 0 OR sum(c.sign * c.rated) <> 0 OR sum(c.sign * c.rating_sum) <> 0
            OR sum(c.sign * c.by_resident) <> 0 OR sum(c.sign * c.by_staff) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (area_code, grain, day, category, status, tier) DO UPDATE SET
          needs = t.needs + excluded.needs, rated = t.rated + excluded.rated, rating_sum = t.rating_sum + excluded.rating_sum,
          by_resident = t.by_resident + excluded.by_resident, by_staff = t.by_staff + excluded.by_staff;
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
-- Hours to respond count on the reporting day of the referral's need (the dashboard's period selects
-- needs); the provider roll-up takes the ratings from the need. Needs are never deleted (a deletion
-- would cascade to referrals whose need is already gone: their contributions would stay).
DO $do$
DECLARE
  op record;
BEGIN
  FOR op IN SELECT * FROM (VALUES ('insert', 'SELECT *, 1 AS sign FROM new_rows'), ('delete', 'SELECT *, -1 AS sign FROM old_rows'),
    ('update', 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows')) AS v(name, changes) LOOP
    EXECUTE format($f$
    CREATE FUNCTION need_respond_rollups_apply_%1$s() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        INSERT INTO need_duration_rollups AS t (area_code, measure, grain, day, bucket, count)
        SELECT substr(c.area_code, 1, l.len), 'respond', d.grain, d.day, c.bucket, sum(c.sign)
        FROM (SELECT r.area_code, need_rollup_day(n.created_at) AS day, r.sign,
                     need_rollup_bucket(extract(epoch FROM r.accepted_at - r.created_at)::float8 / 3600) AS bucket
              FROM (%2$s) AS r JOIN needs AS n ON n.id = r.need_id WHERE r.accepted_at IS NOT NULL) AS c
        CROSS JOIN (VALUES (2), (4), (6), (9)) AS l(len)
        CROSS JOIN LATERAL (VALUES ('day', c.day), ('month', date_trunc('month', c.day)::date), ('all', '-infinity'::date)) AS d(grain, day)
        WHERE l.len <= length(c.area_code)
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(c.sign) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (area_code, measure, grain, day, bucket) DO UPDATE SET count = t.count + excluded.count;
        INSERT INTO referral_rollups AS t (area_code, provider_kind, provider_key, status, referrals, accepted, minutes, rated, rating_sum)
        SELECT substr(c.area_code, 1, l.len), c.provider_kind, c.provider_key, c.status, sum(c.sign), sum(c.sign * c.accepted),
               sum(c.sign * c.minutes), sum(c.sign * c.rated), sum(c.sign * c.rating_sum)
        FROM (SELECT r.area_code, r.provider_kind, coalesce(r.provider_id::text, '') AS provider_key, r.status, r.sign AS sign,
                     (r.accepted_at IS NOT NULL OR r.status IN ('accepted', 'done'))::int AS accepted, r.service_minutes AS minutes,
                     (r.status = 'done' AND n.status = 'closed' AND n.rating IS NOT NULL)::int AS rated,
                     CASE WHEN r.status = 'done' AND n.status = 'closed' THEN coalesce(n.rating, 0) ELSE 0 END AS rating_sum
              FROM (%2$s) AS r JOIN needs AS n ON n.id = r.need_id) AS c
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
CREATE TRIGGER needs_rollups_insert AFTER INSERT ON needs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_rollups_apply_insert();--> statement-breakpoint
CREATE TRIGGER needs_rollups_update AFTER UPDATE ON needs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_rollups_apply_update();--> statement-breakpoint
CREATE TRIGGER needs_rollups_delete AFTER DELETE ON needs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION need_rollups_apply_delete();--> statement-breakpoint
CREATE TRIGGER referrals_respond_rollups_insert AFTER INSERT ON referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_respond_rollups_apply_insert();--> statement-breakpoint
CREATE TRIGGER referrals_respond_rollups_update AFTER UPDATE ON referrals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION need_respond_rollups_apply_update();--> statement-breakpoint
CREATE TRIGGER referrals_respond_rollups_delete AFTER DELETE ON referrals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION need_respond_rollups_apply_delete();--> statement-breakpoint
-- Backfill from the rows already there (the triggers above see only later writes).
INSERT INTO need_rollups (area_code, grain, day, category, status, tier, needs, rated, rating_sum, by_resident, by_staff)
SELECT substr(n.area_code, 1, l.len), d.grain, d.day, n.category, n.status, n.tier, count(*),
       count(*) FILTER (WHERE n.status = 'closed' AND n.rating IS NOT NULL),
       coalesce(sum(n.rating) FILTER (WHERE n.status = 'closed'), 0),
       count(*) FILTER (WHERE n.status = 'closed' AND n.confirmed_by = 'resident'),
       count(*) FILTER (WHERE n.status = 'closed' AND n.confirmed_by = 'staff')
FROM needs AS n
CROSS JOIN (VALUES (2), (4), (6), (9), (12)) AS l(len)
CROSS JOIN LATERAL (VALUES ('day', need_rollup_day(n.created_at)), ('month', date_trunc('month', need_rollup_day(n.created_at))::date),
  ('all', '-infinity'::date)) AS d(grain, day)
WHERE l.len <= length(n.area_code)
GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
INSERT INTO need_duration_rollups (area_code, measure, grain, day, bucket, count)
SELECT substr(n.area_code, 1, l.len), 'resolve', d.grain, d.day, need_rollup_bucket(extract(epoch FROM n.done_at - n.created_at)::float8 / 86400), count(*)
FROM needs AS n
CROSS JOIN (VALUES (2), (4), (6), (9)) AS l(len)
CROSS JOIN LATERAL (VALUES ('day', need_rollup_day(n.created_at)), ('month', date_trunc('month', need_rollup_day(n.created_at))::date),
  ('all', '-infinity'::date)) AS d(grain, day)
WHERE l.len <= length(n.area_code) AND n.done_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO need_duration_rollups (area_code, measure, grain, day, bucket, count)
SELECT substr(r.area_code, 1, l.len), 'respond', d.grain, d.day, need_rollup_bucket(extract(epoch FROM r.accepted_at - r.created_at)::float8 / 3600), count(*)
FROM referrals AS r
JOIN needs AS n ON n.id = r.need_id
CROSS JOIN (VALUES (2), (4), (6), (9)) AS l(len)
CROSS JOIN LATERAL (VALUES ('day', need_rollup_day(n.created_at)), ('month', date_trunc('month', need_rollup_day(n.created_at))::date),
  ('all', '-infinity'::date)) AS d(grain, day)
WHERE l.len <= length(r.area_code) AND r.accepted_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO referral_rollups (area_code, provider_kind, provider_key, status, referrals, accepted, minutes, rated, rating_sum)
SELECT substr(r.area_code, 1, l.len), r.provider_kind, coalesce(r.provider_id::text, ''), r.status, count(*),
       count(*) FILTER (WHERE r.accepted_at IS NOT NULL OR r.status IN ('accepted', 'done')), coalesce(sum(r.service_minutes), 0),
       count(*) FILTER (WHERE r.status = 'done' AND n.status = 'closed' AND n.rating IS NOT NULL),
       coalesce(sum(n.rating) FILTER (WHERE r.status = 'done' AND n.status = 'closed'), 0)
FROM referrals AS r
JOIN needs AS n ON n.id = r.need_id
CROSS JOIN (VALUES (2), (4), (6), (9), (12)) AS l(len)
WHERE l.len <= length(r.area_code)
GROUP BY 1, 2, 3, 4;
