-- Each change note carries the transaction that wrote it, so that a reader can ask for the notes
-- written since its last read instead of every unit's notes (src/server/db/repositories/score-changes.ts):
-- reading all of them (10,600 for the country) was 40 % of a national board read on PGlite. Transactions
-- commit out of order, so "since" is not "a higher id" but "a transaction not yet finished when the
-- last read's snapshot was taken" (xid8 is the 64-bit id, never wrapping around).
ALTER TABLE "score_changes" ADD COLUMN IF NOT EXISTS "xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "score_changes_xid_idx" ON "score_changes" ("xid");
