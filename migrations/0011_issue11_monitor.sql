CREATE TABLE "monitor_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"pages_fetched" integer DEFAULT 0 NOT NULL,
	"items_found" integer DEFAULT 0 NOT NULL,
	"items_new" integer DEFAULT 0 NOT NULL,
	"banner_found" boolean,
	"progress" text,
	"error_code" text,
	"error_message" text,
	"snapshot_id" uuid
);
--> statement-breakpoint
CREATE TABLE "monitor_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"url" text NOT NULL,
	"url_key" text NOT NULL,
	"title" text NOT NULL,
	"lead" text,
	"published_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_check_id" uuid,
	"snapshot_id" uuid,
	"is_dx" boolean NOT NULL,
	"topic" text,
	"confidence" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"state" text NOT NULL,
	"decided_is_dx" boolean,
	"decided_topic" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_settings" (
	"province_id" uuid PRIMARY KEY NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"check_hour" integer DEFAULT 2 NOT NULL,
	"interval_days" integer DEFAULT 1 NOT NULL,
	"banner_target_url" text,
	"failure_alert_after" integer DEFAULT 3 NOT NULL,
	"stale_alert_after_days" integer DEFAULT 30 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_site_overrides" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"listing_url" text,
	"item_selector" text,
	"link_selector" text,
	"title_selector" text,
	"date_selector" text,
	"lead_selector" text,
	"next_selector" text,
	"date_format" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sequence" bigint GENERATED ALWAYS AS IDENTITY (sequence name "monitor_snapshots_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" uuid,
	"channel_id" uuid,
	"url" text NOT NULL,
	"final_url" text NOT NULL,
	"status" integer NOT NULL,
	"headers" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"content_type" text,
	"body_file_id" uuid,
	"body_sha256" text NOT NULL,
	"body_bytes" integer NOT NULL,
	"text" text,
	"text_sha256" text,
	"screenshot_file_id" uuid,
	"screenshot_sha256" text,
	"manifest" jsonb NOT NULL,
	"manifest_sha256" text NOT NULL,
	"previous_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "radio_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"last_push_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "external_source" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_checks" ADD CONSTRAINT "monitor_checks_snapshot_id_monitor_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."monitor_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_items" ADD CONSTRAINT "monitor_items_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_items" ADD CONSTRAINT "monitor_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_items" ADD CONSTRAINT "monitor_items_first_check_id_monitor_checks_id_fk" FOREIGN KEY ("first_check_id") REFERENCES "public"."monitor_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_items" ADD CONSTRAINT "monitor_items_snapshot_id_monitor_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."monitor_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_items" ADD CONSTRAINT "monitor_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_items" ADD CONSTRAINT "monitor_items_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_settings" ADD CONSTRAINT "monitor_settings_province_id_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_settings" ADD CONSTRAINT "monitor_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_site_overrides" ADD CONSTRAINT "monitor_site_overrides_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_site_overrides" ADD CONSTRAINT "monitor_site_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_snapshots" ADD CONSTRAINT "monitor_snapshots_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_snapshots" ADD CONSTRAINT "monitor_snapshots_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_snapshots" ADD CONSTRAINT "monitor_snapshots_body_file_id_stored_files_id_fk" FOREIGN KEY ("body_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_snapshots" ADD CONSTRAINT "monitor_snapshots_screenshot_file_id_stored_files_id_fk" FOREIGN KEY ("screenshot_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radio_stations" ADD CONSTRAINT "radio_stations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radio_stations" ADD CONSTRAINT "radio_stations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "radio_stations" ADD CONSTRAINT "radio_stations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_checks_channel_idx" ON "monitor_checks" USING btree ("channel_id","queued_at");--> statement-breakpoint
CREATE INDEX "monitor_checks_unit_idx" ON "monitor_checks" USING btree ("unit_id","queued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_items_channel_url_uq" ON "monitor_items" USING btree ("channel_id","url_key");--> statement-breakpoint
CREATE INDEX "monitor_items_review_idx" ON "monitor_items" USING btree ("unit_id") WHERE "monitor_items"."state" = 'review';--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_snapshots_sequence_uq" ON "monitor_snapshots" USING btree ("sequence");--> statement-breakpoint
CREATE INDEX "monitor_snapshots_channel_idx" ON "monitor_snapshots" USING btree ("channel_id","fetched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "radio_stations_code_uq" ON "radio_stations" USING btree ("code") WHERE "radio_stations"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "radio_stations_token_uq" ON "radio_stations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_external_uq" ON "activities" USING btree ("external_source","external_id") WHERE "activities"."external_id" is not null;