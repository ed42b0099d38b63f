CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"channel" text DEFAULT 'in_app' NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"unit_id" uuid,
	"subject_type" text,
	"subject_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"delivery_status" text DEFAULT 'delivered' NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivery_result" jsonb
);
--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "file_sha256" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "stored_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "flagged_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "skipped_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "undone_by" uuid;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "undo_reason" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","channel","created_at");--> statement-breakpoint
CREATE INDEX "notifications_subject_idx" ON "notifications" USING btree ("subject_type","subject_id");--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_schedule_id_broadcast_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."broadcast_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_import_batch_idx" ON "activities" USING btree ("import_batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_schedule_uq" ON "evidence" USING btree ("schedule_id") WHERE "evidence"."schedule_id" is not null;--> statement-breakpoint
CREATE INDEX "import_batches_sha_idx" ON "import_batches" USING btree ("file_sha256");--> statement-breakpoint
CREATE INDEX "import_batches_unit_idx" ON "import_batches" USING btree ("unit_id","created_at");--> statement-breakpoint
-- hand-written: batches imported before this migration get their counts from their records, and their
-- unit when every record of the batch belongs to one unit (else only a system administrator sees them).
UPDATE "import_batches" b SET
  "stored_count" = s."stored",
  "flagged_count" = s."flagged",
  "unit_id" = CASE WHEN s."units" = 1 THEN s."unit_id" END
FROM (
  SELECT "import_batch_id", count(*)::int AS "stored",
    count(*) FILTER (WHERE "duplicate_of_id" IS NOT NULL)::int AS "flagged",
    count(DISTINCT "unit_id")::int AS "units", min("unit_id"::text)::uuid AS "unit_id"
  FROM "activities" WHERE "import_batch_id" IS NOT NULL GROUP BY "import_batch_id"
) s
WHERE s."import_batch_id" = b."id";
--> statement-breakpoint
-- hand-written:
-- A measure counts a record and its translations as one item (docs/frameworks.md §5.1): originals are
-- told apart by translation_of_id, so the scoring indexes of 0005 carry it too and counts stay
-- answered from the index alone.
DROP INDEX IF EXISTS "activities_scoring_unit_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "activities_scoring_unit_idx" ON "activities" ("unit_id", "kind", "occurred_on") INCLUDE ("channel_id", "translation_of_id") WHERE "deleted_at" IS NULL AND "duplicate_of_id" IS NULL AND "review_status" <> 'rejected';
--> statement-breakpoint
DROP INDEX IF EXISTS "activities_scoring_day_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "activities_scoring_day_idx" ON "activities" ("kind", "occurred_on") INCLUDE ("unit_id", "channel_id", "translation_of_id") WHERE "deleted_at" IS NULL AND "duplicate_of_id" IS NULL AND "review_status" <> 'rejected';
