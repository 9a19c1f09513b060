CREATE TABLE "funding_ledger_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_code" varchar(12) COLLATE "C" NOT NULL,
	"entry_id" uuid NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_ledger" ADD COLUMN "voucher_no" text;--> statement-breakpoint
ALTER TABLE "funding_ledger_attachments" ADD CONSTRAINT "funding_ledger_attachments_entry_id_funding_ledger_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."funding_ledger"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_ledger_attachments_area_code_entry_idx" ON "funding_ledger_attachments" USING btree ("area_code","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_ledger_voucher_key" ON "funding_ledger" USING btree ("area_code","holder_kind",coalesce("org_id"::text, ''),"voucher_no") WHERE "funding_ledger"."voucher_no" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "funding_ledger_area_holder_idx" ON "funding_ledger" USING btree ("area_code","holder_kind","direction","paid_on");