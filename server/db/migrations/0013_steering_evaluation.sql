CREATE TABLE "evaluation_export_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"secret" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"steering_group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kpi" text NOT NULL,
	"indicator" text,
	"housing_area_id" uuid,
	"opening_type" text,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "goals_period" CHECK ("goals"."period_from" <= "goals"."period_to")
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"due_date" date NOT NULL,
	"owner_name" text,
	"owner_user_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"completed_on" date,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"format" text NOT NULL,
	"suppressed" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text,
	"file_name" text,
	"content" "bytea",
	"failure_message" text,
	"requested_by" uuid,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_case_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"benefit_group" text,
	"housing_area_id" uuid,
	"municipality_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "steering_group_members" (
	"steering_group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "steering_group_members_steering_group_id_user_id_pk" PRIMARY KEY("steering_group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "steering_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mandate" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_notes" ADD COLUMN "kind" text DEFAULT 'note' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_export_keys" ADD CONSTRAINT "evaluation_export_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_steering_group_id_steering_groups_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."steering_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_housing_area_id_housing_areas_id_fk" FOREIGN KEY ("housing_area_id") REFERENCES "public"."housing_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_case_changes" ADD CONSTRAINT "resident_case_changes_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_group_members" ADD CONSTRAINT "steering_group_members_steering_group_id_steering_groups_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."steering_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_group_members" ADD CONSTRAINT "steering_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD CONSTRAINT "steering_groups_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goals_group_idx" ON "goals" USING btree ("steering_group_id","period_from");--> statement-breakpoint
CREATE INDEX "milestones_partnership_idx" ON "milestones" USING btree ("partnership_id","due_date");--> statement-breakpoint
CREATE INDEX "report_runs_requested_idx" ON "report_runs" USING btree ("requested_by","created_at");--> statement-breakpoint
CREATE INDEX "resident_case_changes_resident_idx" ON "resident_case_changes" USING btree ("resident_id","changed_at");--> statement-breakpoint
CREATE INDEX "resident_case_changes_at_idx" ON "resident_case_changes" USING btree ("changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "steering_groups_partnership_key" ON "steering_groups" USING btree ("partnership_id");--> statement-breakpoint
-- Every change of a resident's case state (status, benefit group, area) is kept with the row's own
-- updated_at (the application's clock), whichever path wrote it. Statement-level triggers with
-- transition tables, so a list import of thousands of rows costs one INSERT … SELECT.
CREATE OR REPLACE FUNCTION resident_case_changes_on_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO resident_case_changes (resident_id, changed_at, status, benefit_group, housing_area_id, municipality_id)
  SELECT n.id, n.created_at, n.status, n.benefit_group, n.housing_area_id, n.municipality_id FROM new_rows n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION resident_case_changes_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO resident_case_changes (resident_id, changed_at, status, benefit_group, housing_area_id, municipality_id)
  SELECT n.id, greatest(n.updated_at, o.updated_at), n.status, n.benefit_group, n.housing_area_id, n.municipality_id
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE o.status IS DISTINCT FROM n.status
     OR o.benefit_group IS DISTINCT FROM n.benefit_group
     OR o.housing_area_id IS DISTINCT FROM n.housing_area_id
     OR o.municipality_id IS DISTINCT FROM n.municipality_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER residents_case_changes_insert AFTER INSERT ON residents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resident_case_changes_on_insert();
--> statement-breakpoint
CREATE TRIGGER residents_case_changes_update AFTER UPDATE ON residents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resident_case_changes_on_update();
--> statement-breakpoint
-- Residents registered before this migration start their history at registration, in today's state.
INSERT INTO resident_case_changes (resident_id, changed_at, status, benefit_group, housing_area_id, municipality_id)
SELECT id, created_at, status, benefit_group, housing_area_id, municipality_id FROM residents;
