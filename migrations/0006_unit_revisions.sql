-- The unit tree, its versions and its merge/split events change a few times a year, yet every live
-- scoreboard needs all of them (subtrees on a day, predecessors through merges). The server keeps
-- them in memory and asks this one row whether they changed. The revision comes from a sequence,
-- not a counter: a rolled-back change can never hand its number to different data later.
CREATE SEQUENCE IF NOT EXISTS "data_revision_seq";
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "data_revisions" (
  "topic" text PRIMARY KEY NOT NULL,
  "revision" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_revisions" ("topic", "revision") VALUES ('units', nextval('data_revision_seq')) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_units_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_revisions" SET "revision" = nextval('data_revision_seq') WHERE "topic" = 'units';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "units_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "units" FOR EACH STATEMENT EXECUTE FUNCTION "bump_units_revision"();
--> statement-breakpoint
CREATE TRIGGER "unit_versions_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_versions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_units_revision"();
--> statement-breakpoint
CREATE TRIGGER "unit_events_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_events" FOR EACH STATEMENT EXECUTE FUNCTION "bump_units_revision"();
--> statement-breakpoint
CREATE TRIGGER "unit_event_units_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_event_units" FOR EACH STATEMENT EXECUTE FUNCTION "bump_units_revision"();
