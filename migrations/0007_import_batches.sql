ALTER TABLE "import_batches" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "file_sha256" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "stored_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "flagged_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "skipped_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "undone_by" uuid;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "undo_reason" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_import_batch_idx" ON "activities" USING btree ("import_batch_id");--> statement-breakpoint
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
