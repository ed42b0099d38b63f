-- Each web process keeps the signed-in state of recent sessions in memory, so that a request sends no
-- statement for its session (src/server/domain/accounts/session-cache.ts). It may only do so if it
-- hears of every change that can end a session or change what it may do, whoever makes it (a web
-- process, the CLI, a restore, a script): these triggers announce them on the channel loaso_auth.
-- PostgreSQL delivers a NOTIFY when its transaction commits, and never for a rolled-back one.
--
-- Payloads: 'session:<id>' (a session deleted or changed), 'user:<id>' (a user changed or deleted, or
-- one of their grants), 'units' (the unit tree's revision changed), 'all' (a table emptied, or more
-- sessions at once than are worth naming). A session's last_seen_at moving on, written every few
-- minutes while it is used, is not a change: nothing is announced for it (moved back, it is).
CREATE OR REPLACE FUNCTION "announce_sessions_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM gone) > 100 THEN
    PERFORM pg_notify('loaso_auth', 'all');
  ELSE
    PERFORM pg_notify('loaso_auth', 'session:' || id) FROM gone;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sessions_deleted_announce" AFTER DELETE ON "sessions" REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "announce_sessions_gone"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "announce_session_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('loaso_auth', 'session:' || OLD.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sessions_changed_announce" AFTER UPDATE ON "sessions" FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION "announce_session_changed"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "announce_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('loaso_auth', 'user:' || NEW.user_id);
  ELSIF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('loaso_auth', 'user:' || OLD.id);
  ELSE
    PERFORM pg_notify('loaso_auth', 'user:' || OLD.user_id);
    IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
      PERFORM pg_notify('loaso_auth', 'user:' || NEW.user_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Of a user, a session holds the username and whether the account is active; a log-in's counters and
-- times are no change to it.
CREATE TRIGGER "users_changed_announce" AFTER UPDATE ON "users" FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.username IS DISTINCT FROM NEW.username
    OR OLD.is_active IS DISTINCT FROM NEW.is_active)
  EXECUTE FUNCTION "announce_user_changed"();
--> statement-breakpoint
CREATE TRIGGER "users_deleted_announce" AFTER DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION "announce_user_changed"();
--> statement-breakpoint
CREATE TRIGGER "role_grants_changed_announce" AFTER INSERT OR UPDATE OR DELETE ON "role_grants" FOR EACH ROW EXECUTE FUNCTION "announce_user_changed"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "announce_units_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('loaso_auth', 'units');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "data_revisions_announce" AFTER INSERT OR UPDATE ON "data_revisions" FOR EACH ROW
  WHEN (NEW.topic = 'units') EXECUTE FUNCTION "announce_units_revision"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "announce_all_auth"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('loaso_auth', 'all');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sessions_truncated_announce" AFTER TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "announce_all_auth"();
--> statement-breakpoint
CREATE TRIGGER "users_truncated_announce" AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "announce_all_auth"();
--> statement-breakpoint
CREATE TRIGGER "role_grants_truncated_announce" AFTER TRUNCATE ON "role_grants" FOR EACH STATEMENT EXECUTE FUNCTION "announce_all_auth"();
--> statement-breakpoint
CREATE TRIGGER "data_revisions_truncated_announce" AFTER TRUNCATE ON "data_revisions" FOR EACH STATEMENT EXECUTE FUNCTION "announce_all_auth"();
