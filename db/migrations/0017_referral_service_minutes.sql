ALTER TABLE "referrals" ADD COLUMN "service_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: service minutes per referral are kept by one statement-level trigger, so every writer
-- (the service, the demo seed, the benchmark loader's multi-row inserts) keeps them right. Service
-- records are append-only (they go only with their referral).
CREATE FUNCTION referrals_add_service_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE referrals AS r SET service_minutes = r.service_minutes + added.minutes
  FROM (SELECT referral_id, sum(minutes)::int AS minutes FROM inserted GROUP BY referral_id) AS added
  WHERE r.id = added.referral_id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER service_records_add_minutes AFTER INSERT ON service_records
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION referrals_add_service_minutes();--> statement-breakpoint
UPDATE referrals AS r SET service_minutes = s.minutes
FROM (SELECT referral_id, sum(minutes)::int AS minutes FROM service_records GROUP BY referral_id) AS s
WHERE r.id = s.referral_id;
