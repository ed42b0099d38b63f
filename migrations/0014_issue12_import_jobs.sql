CREATE TABLE "activity_import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"confirm_reimport" boolean DEFAULT false NOT NULL,
	"request_ip" text,
	"request_id" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "activity_import_jobs_status_check" CHECK ("activity_import_jobs"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "activity_import_jobs" ADD CONSTRAINT "activity_import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_import_jobs" ADD CONSTRAINT "activity_import_jobs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_import_jobs_user_idx" ON "activity_import_jobs" USING btree ("created_by","created_at");