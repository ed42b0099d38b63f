-- The unit tree, its versions and its merge/split events change a few times a year, yet every live
-- scoreboard and every access check needs them (subtrees on a day, predecessors through merges, the
-- units that govern a unit). The server keeps them in memory and asks this one row whether they
-- changed. Every change stamps a new random revision: a rolled-back change, or a copy of the database
-- changed on its own, can never show a stamp that another state of the units already had.
CREATE TABLE IF NOT EXISTS "data_revisions" (
  "topic" text PRIMARY KEY NOT NULL,
  "revision" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_revisions" ("topic", "revision") VALUES ('units', gen_random_uuid()::text) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_units_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_revisions" SET "revision" = gen_random_uuid()::text WHERE "topic" = 'units';
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
