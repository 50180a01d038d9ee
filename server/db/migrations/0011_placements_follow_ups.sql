CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"source" text NOT NULL,
	"follow_up_id" uuid,
	"reason" text NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "follow_up_digests" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"due_count" integer NOT NULL,
	"overdue_count" integer NOT NULL,
	"mail_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_digests_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "follow_up_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"key" text NOT NULL,
	"due_date" date NOT NULL,
	"measures" text,
	"state" text DEFAULT 'planned' NOT NULL,
	"assigned_to" uuid,
	"recorded_at" timestamp with time zone,
	"recorded_by" uuid,
	"contacted_with" text,
	"status" text,
	"notes" text,
	"action_taken" text,
	"retention_outcome" text,
	"trial_outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "partnership_id" uuid;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "type" text DEFAULT 'full_time' NOT NULL;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "hours_per_week" real;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "wage_subsidy" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "follow_up_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "hired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "hired_by" uuid;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "days_to_hire" integer;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "end_note" text;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "interview_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "interview_location" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "interview_note" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "interview_outcome" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "interview_outcome_note" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_digests" ADD CONSTRAINT "follow_up_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_settings" ADD CONSTRAINT "follow_up_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_settings" ADD CONSTRAINT "follow_up_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalations_placement_idx" ON "escalations" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "escalations_open_idx" ON "escalations" USING btree ("resolved_at","opened_at");--> statement-breakpoint
CREATE INDEX "follow_ups_placement_idx" ON "follow_ups" USING btree ("placement_id","due_date");--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("state","due_date");--> statement-breakpoint
CREATE INDEX "follow_ups_assigned_idx" ON "follow_ups" USING btree ("assigned_to","state","due_date");--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_follow_up_owner_id_users_id_fk" FOREIGN KEY ("follow_up_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_hired_by_users_id_fk" FOREIGN KEY ("hired_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placements_company_idx" ON "placements" USING btree ("company_id","start_date");--> statement-breakpoint
CREATE INDEX "placements_partnership_idx" ON "placements" USING btree ("partnership_id","start_date");--> statement-breakpoint
-- Placements recorded before issue 6 (clause counts only) take their opening's type and partnership.
UPDATE "placements" p SET "type" = o."type", "partnership_id" = o."partnership_id"
  FROM "openings" o WHERE o."id" = p."opening_id";
