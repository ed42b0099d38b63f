-- Live scores are kept per unit in the server's memory and recomputed only for the units whose
-- records changed (src/server/domain/scoring/evaluation-cache.ts). What changes a unit's scores is
-- noted here, by triggers, in the same transaction as the change itself, whatever code made it (a
-- form, an import, the monitor, a radio station's push, a restore, a script): every statement that
-- writes records, channels or assessments adds one row per unit it touched.
--
-- Rows are only ever added, never updated, so that writers never wait for one another on a shared
-- counter row (a 100,000-row import holding such rows would stall every record entry of its units
-- until it commits). A reader compares, per unit, the set of row ids it last saw with the set it sees
-- now: ids are random 63-bit numbers, never reused (a repeat is as likely as guessing a key), so any
-- committed change, in whatever order transactions commit, shows a set never seen before, also in
-- another database holding a copy of the same data (a test's or a restore's). `merge_score_changes()` replaces a unit's rows
-- by one new row (a new id, so the set is again one never seen), keeping the table small.
-- Kept outside the drizzle schema (like data_revisions): it is not data, and is not backed up.
CREATE TABLE IF NOT EXISTS "score_changes" (
  "id" bigint PRIMARY KEY NOT NULL DEFAULT (floor(random() * 9.2e18))::bigint,
  "unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "score_changes_unit_idx" ON "score_changes" ("unit_id", "id");
--> statement-breakpoint
-- Records: the units of the rows written, and the units of the other versions of the same item (a
-- translation counts or not depending on its original and its sibling translations): the rows whose
-- translation_of_id is the translation_of_id of a row written (siblings) or, for updates and deletes,
-- the id of a row written (translations of a changed original). Each lookup is by index, and skipped
-- when there is nothing to look up: the usual record entry (no translation) costs one small insert.
CREATE OR REPLACE FUNCTION "note_activity_score_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  items uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "score_changes" ("unit_id") SELECT DISTINCT "unit_id" FROM new_rows ORDER BY "unit_id";
    -- A new row has no translation pointing at it yet, except in the same statement.
    items := ARRAY(SELECT DISTINCT "translation_of_id" FROM new_rows WHERE "translation_of_id" IS NOT NULL);
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "score_changes" ("unit_id")
    SELECT DISTINCT "unit_id" FROM (SELECT "unit_id" FROM new_rows UNION SELECT "unit_id" FROM old_rows) touched
    ORDER BY "unit_id";
    items := ARRAY(
      SELECT "translation_of_id" FROM new_rows WHERE "translation_of_id" IS NOT NULL
      UNION SELECT "translation_of_id" FROM old_rows WHERE "translation_of_id" IS NOT NULL
      UNION SELECT "id" FROM new_rows);
  ELSE
    INSERT INTO "score_changes" ("unit_id") SELECT DISTINCT "unit_id" FROM old_rows ORDER BY "unit_id";
    items := ARRAY(
      SELECT "translation_of_id" FROM old_rows WHERE "translation_of_id" IS NOT NULL
      UNION SELECT "id" FROM old_rows);
  END IF;
  IF cardinality(items) > 0 THEN
    INSERT INTO "score_changes" ("unit_id")
    SELECT DISTINCT a."unit_id" FROM "activities" a
    WHERE a."translation_of_id" = ANY(items)
    ORDER BY a."unit_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "activities_score_insert" AFTER INSERT ON "activities" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_activity_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "activities_score_update" AFTER UPDATE ON "activities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_activity_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "activities_score_delete" AFTER DELETE ON "activities" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_activity_score_changes"();
--> statement-breakpoint
-- Channels (a measure counts records on some kinds of channel; channel criteria look at them) and
-- assessments (the inputs and manual scores people enter): the unit of each row written.
CREATE OR REPLACE FUNCTION "note_unit_score_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "score_changes" ("unit_id") SELECT DISTINCT "unit_id" FROM new_rows ORDER BY "unit_id";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "score_changes" ("unit_id")
    SELECT DISTINCT "unit_id" FROM (SELECT "unit_id" FROM new_rows UNION SELECT "unit_id" FROM old_rows) touched
    ORDER BY "unit_id";
  ELSE
    INSERT INTO "score_changes" ("unit_id") SELECT DISTINCT "unit_id" FROM old_rows ORDER BY "unit_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "channels_score_insert" AFTER INSERT ON "channels" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_unit_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "channels_score_update" AFTER UPDATE ON "channels" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_unit_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "channels_score_delete" AFTER DELETE ON "channels" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_unit_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "assessments_score_insert" AFTER INSERT ON "assessments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_unit_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "assessments_score_update" AFTER UPDATE ON "assessments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_unit_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "assessments_score_delete" AFTER DELETE ON "assessments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_unit_score_changes"();
--> statement-breakpoint
-- A criterion's inputs and scores: the unit of its assessment.
CREATE OR REPLACE FUNCTION "note_assessment_criteria_score_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "score_changes" ("unit_id")
    SELECT DISTINCT s."unit_id" FROM "assessments" s WHERE s."id" IN (SELECT "assessment_id" FROM old_rows)
    ORDER BY s."unit_id";
  ELSE
    INSERT INTO "score_changes" ("unit_id")
    SELECT DISTINCT s."unit_id" FROM "assessments" s WHERE s."id" IN (SELECT "assessment_id" FROM new_rows)
    ORDER BY s."unit_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "assessment_criteria_score_insert" AFTER INSERT ON "assessment_criteria" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_assessment_criteria_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "assessment_criteria_score_update" AFTER UPDATE ON "assessment_criteria" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_assessment_criteria_score_changes"();
--> statement-breakpoint
CREATE TRIGGER "assessment_criteria_score_delete" AFTER DELETE ON "assessment_criteria" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "note_assessment_criteria_score_changes"();
--> statement-breakpoint
-- One row per unit: a new id for each unit that had several. Rows added meanwhile by transactions
-- not yet committed are not seen, and stay.
CREATE OR REPLACE FUNCTION "merge_score_changes"() RETURNS integer LANGUAGE sql AS $$
  WITH doomed AS (
    DELETE FROM "score_changes"
    WHERE "unit_id" IN (SELECT "unit_id" FROM "score_changes" GROUP BY "unit_id" HAVING count(*) > 1)
    RETURNING "unit_id"
  ), merged AS (
    INSERT INTO "score_changes" ("unit_id") SELECT DISTINCT "unit_id" FROM doomed ORDER BY "unit_id" RETURNING 1
  )
  SELECT count(*)::integer FROM merged;
$$;
