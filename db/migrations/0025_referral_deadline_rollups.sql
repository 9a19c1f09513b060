CREATE TABLE "referral_deadline_rollups" (
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"provider_kind" text NOT NULL,
	"provider_key" text NOT NULL,
	"day" date NOT NULL,
	"referrals" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "referral_deadline_rollups_area_code_provider_kind_provider_key_day_pk" PRIMARY KEY("area_code","provider_kind","provider_key","day")
);
--> statement-breakpoint
CREATE INDEX "referrals_open_deadline_idx" ON "referrals" USING btree ((CASE WHEN "status" = 'pending' THEN "respond_by" ELSE "resolve_by" END)) WHERE "referrals"."status" IN ('pending', 'accepted');--> statement-breakpoint
-- Hand-written (ADR 0011, overdue referrals): open referrals (pending or accepted) counted by the China
-- Standard Time date of their current deadline (respond_by while pending, resolve_by while accepted),
-- per community, provider kind and provider, kept by statement-level triggers with transition tables
-- on referrals as in 0021: +1 for new rows that are open, −1 for old rows that were open; rows that
-- cancel (an update that keeps the status, provider and deadline) write nothing. The dashboard sums
-- the rows before today and counts today's deadlines live (referrals_open_deadline_idx above).
DO $do$
DECLARE
  op record;
BEGIN
  FOR op IN SELECT * FROM (VALUES ('insert', 'SELECT *, 1 AS sign FROM new_rows'), ('delete', 'SELECT *, -1 AS sign FROM old_rows'),
    ('update', 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows')) AS v(name, changes) LOOP
    EXECUTE format($f$
    CREATE FUNCTION referral_deadline_rollups_apply_%1$s() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        INSERT INTO referral_deadline_rollups AS t (area_code, provider_kind, provider_key, day, referrals)
        SELECT r.area_code, r.provider_kind, coalesce(r.provider_id::text, ''),
               need_rollup_day(CASE WHEN r.status = 'pending' THEN r.respond_by ELSE r.resolve_by END), sum(r.sign)
        FROM (%2$s) AS r
        WHERE r.status IN ('pending', 'accepted')
        GROUP BY 1, 2, 3, 4
        HAVING sum(r.sign) <> 0
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (area_code, provider_kind, provider_key, day) DO UPDATE SET referrals = t.referrals + excluded.referrals;
      RETURN NULL;
    END;
    $fn$
    $f$, op.name, op.changes);
  END LOOP;
END;
$do$;--> statement-breakpoint
CREATE TRIGGER referrals_deadline_rollups_insert AFTER INSERT ON referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_deadline_rollups_apply_insert();--> statement-breakpoint
CREATE TRIGGER referrals_deadline_rollups_update AFTER UPDATE ON referrals
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_deadline_rollups_apply_update();--> statement-breakpoint
CREATE TRIGGER referrals_deadline_rollups_delete AFTER DELETE ON referrals
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION referral_deadline_rollups_apply_delete();--> statement-breakpoint
-- Folding: past deadlines stay overdue until the status changes, so their day no longer matters. The
-- rows of days before `today` (China date) move into one row per key with day = '-infinity', in one
-- statement that locks them in key order (as the triggers do; the triggers never write '-infinity');
-- then sentinel rows that reached zero go. Returns the number of day rows folded. The dashboard sums
-- every row before today, folded or not, so folding only keeps the table small (the escalation sweep
-- runs it). A trigger that later changes a folded day writes a new row for that day: the next fold
-- takes it.
CREATE FUNCTION fold_referral_deadline_rollups(today date) RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  folded integer;
BEGIN
  WITH past AS (
    SELECT d.area_code, d.provider_kind, d.provider_key, d.day FROM referral_deadline_rollups AS d
    WHERE d.day < today AND d.day > '-infinity'::date
    ORDER BY 1, 2, 3, 4
    FOR UPDATE
  ), moved AS (
    DELETE FROM referral_deadline_rollups AS t USING past AS p
    WHERE t.area_code = p.area_code AND t.provider_kind = p.provider_kind AND t.provider_key = p.provider_key AND t.day = p.day
    RETURNING t.area_code, t.provider_kind, t.provider_key, t.referrals
  ), summed AS (
    INSERT INTO referral_deadline_rollups AS t (area_code, provider_kind, provider_key, day, referrals)
    SELECT m.area_code, m.provider_kind, m.provider_key, '-infinity'::date, sum(m.referrals)
    FROM moved AS m
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (area_code, provider_kind, provider_key, day) DO UPDATE SET referrals = t.referrals + excluded.referrals
    RETURNING 1
  )
  SELECT count(*)::int INTO folded FROM moved;
  DELETE FROM referral_deadline_rollups WHERE day = '-infinity'::date AND referrals = 0;
  RETURN folded;
END;
$fn$;--> statement-breakpoint
-- Backfill from the rows already there (the triggers above see only later writes), then fold.
INSERT INTO referral_deadline_rollups (area_code, provider_kind, provider_key, day, referrals)
SELECT r.area_code, r.provider_kind, coalesce(r.provider_id::text, ''),
       need_rollup_day(CASE WHEN r.status = 'pending' THEN r.respond_by ELSE r.resolve_by END), count(*)
FROM referrals AS r
WHERE r.status IN ('pending', 'accepted')
GROUP BY 1, 2, 3, 4;--> statement-breakpoint
SELECT fold_referral_deadline_rollups(need_rollup_day(now()));
