CREATE TABLE "resident_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"text_version" text NOT NULL,
	"given_on" date NOT NULL,
	"method" text NOT NULL,
	"witness_name" text,
	"expires_on" date,
	"registered_by" uuid,
	"registered_at" timestamp with time zone NOT NULL,
	"withdrawn_on" date,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resident_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"housing_area_id" uuid,
	"registered_by_side" text NOT NULL,
	"registered_by_plan_id" uuid,
	"registered_by_jobcenter_id" uuid,
	"jobcenter_ref" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone" text,
	"email" text,
	"postal_code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"benefit_group" text,
	"jobcenter_category" text,
	"occupation_ids" text[] DEFAULT '{}' NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"experiences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education_level" text DEFAULT 'unknown' NOT NULL,
	"danish_level" integer,
	"driver_licences" text[] DEFAULT '{}' NOT NULL,
	"hours_per_week" real,
	"available_day" boolean DEFAULT true NOT NULL,
	"available_evening" boolean DEFAULT false NOT NULL,
	"available_weekend" boolean DEFAULT false NOT NULL,
	"support_needs" text[] DEFAULT '{}' NOT NULL,
	"health_need_consent" boolean DEFAULT false NOT NULL,
	"gender" text,
	"responsible_social_worker_id" uuid,
	"responsible_job_consultant_id" uuid,
	"last_activity_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "residents_registered_by_side" CHECK (("residents"."registered_by_side" = 'housing' and "residents"."registered_by_plan_id" is not null and "residents"."registered_by_jobcenter_id" is null)
        or ("residents"."registered_by_side" = 'jobcenter' and "residents"."registered_by_jobcenter_id" is not null and "residents"."registered_by_plan_id" is null))
);
--> statement-breakpoint
ALTER TABLE "resident_consents" ADD CONSTRAINT "resident_consents_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_consents" ADD CONSTRAINT "resident_consents_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_consents" ADD CONSTRAINT "resident_consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_notes" ADD CONSTRAINT "resident_notes_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_notes" ADD CONSTRAINT "resident_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_housing_area_id_housing_areas_id_fk" FOREIGN KEY ("housing_area_id") REFERENCES "public"."housing_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_registered_by_plan_id_social_housing_plans_id_fk" FOREIGN KEY ("registered_by_plan_id") REFERENCES "public"."social_housing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_registered_by_jobcenter_id_jobcenters_id_fk" FOREIGN KEY ("registered_by_jobcenter_id") REFERENCES "public"."jobcenters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_responsible_social_worker_id_users_id_fk" FOREIGN KEY ("responsible_social_worker_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_responsible_job_consultant_id_users_id_fk" FOREIGN KEY ("responsible_job_consultant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_consents_resident_idx" ON "resident_consents" USING btree ("resident_id","scope");--> statement-breakpoint
CREATE INDEX "resident_consents_expiry_idx" ON "resident_consents" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "resident_notes_resident_idx" ON "resident_notes" USING btree ("resident_id","created_at");--> statement-breakpoint
CREATE INDEX "residents_municipality_idx" ON "residents" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "residents_area_idx" ON "residents" USING btree ("housing_area_id");--> statement-breakpoint
CREATE INDEX "residents_plan_idx" ON "residents" USING btree ("registered_by_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_jobcenter_ref_key" ON "residents" USING btree ("registered_by_jobcenter_id","jobcenter_ref");