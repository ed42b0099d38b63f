-- Live scores read records per unit and day. These partial covering indexes hold exactly the records
-- a score counts (live, not a suspected duplicate, not rejected), so the aggregate is answered from the
-- index alone: by unit for a province's board, by kind and day for the whole country's.
CREATE INDEX IF NOT EXISTS "activities_scoring_unit_idx" ON "activities" ("unit_id", "kind", "occurred_on") INCLUDE ("channel_id") WHERE "deleted_at" IS NULL AND "duplicate_of_id" IS NULL AND "review_status" <> 'rejected';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "activities_scoring_day_idx" ON "activities" ("kind", "occurred_on") INCLUDE ("unit_id", "channel_id") WHERE "deleted_at" IS NULL AND "duplicate_of_id" IS NULL AND "review_status" <> 'rejected';
