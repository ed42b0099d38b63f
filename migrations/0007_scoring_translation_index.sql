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
