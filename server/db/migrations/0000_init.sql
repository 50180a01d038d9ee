CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"housing_organisation_id" uuid,
	"social_housing_plan_id" uuid,
	"jobcenter_id" uuid,
	"partnership_id" uuid,
	"company_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_scope_matches_role" CHECK ((case "memberships"."role"
        when 'admin' then num_nonnulls("memberships"."housing_organisation_id", "memberships"."social_housing_plan_id", "memberships"."jobcenter_id", "memberships"."partnership_id", "memberships"."company_id") = 0
        when 'housing_staff' then "memberships"."housing_organisation_id" is not null and num_nonnulls("memberships"."social_housing_plan_id", "memberships"."jobcenter_id", "memberships"."partnership_id", "memberships"."company_id") = 0
        when 'social_worker' then "memberships"."social_housing_plan_id" is not null and num_nonnulls("memberships"."housing_organisation_id", "memberships"."jobcenter_id", "memberships"."partnership_id", "memberships"."company_id") = 0
        when 'job_consultant' then "memberships"."jobcenter_id" is not null and num_nonnulls("memberships"."housing_organisation_id", "memberships"."social_housing_plan_id", "memberships"."partnership_id", "memberships"."company_id") = 0
        when 'steering' then "memberships"."partnership_id" is not null and num_nonnulls("memberships"."housing_organisation_id", "memberships"."social_housing_plan_id", "memberships"."jobcenter_id", "memberships"."company_id") = 0
        when 'company_contact' then num_nonnulls("memberships"."housing_organisation_id", "memberships"."social_housing_plan_id", "memberships"."jobcenter_id", "memberships"."partnership_id") = 0
        else false end))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"status" text DEFAULT 'invited' NOT NULL,
	"locale" text DEFAULT 'da' NOT NULL,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "housing_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"housing_organisation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"postal_code" text NOT NULL,
	"residents_count" integer DEFAULT 0 NOT NULL,
	"social_housing_plan_id" uuid,
	"is_fictional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "housing_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"partnership_id" uuid NOT NULL,
	"cvr" text,
	"address" text,
	"postal_code" text,
	"city" text,
	"website" text,
	"is_fictional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobcenters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"description" text,
	"start_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_housing_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"partnership_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"request_id" text,
	"ip" "inet",
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_housing_organisation_id_housing_organisations_id_fk" FOREIGN KEY ("housing_organisation_id") REFERENCES "public"."housing_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_social_housing_plan_id_social_housing_plans_id_fk" FOREIGN KEY ("social_housing_plan_id") REFERENCES "public"."social_housing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_jobcenter_id_jobcenters_id_fk" FOREIGN KEY ("jobcenter_id") REFERENCES "public"."jobcenters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_areas" ADD CONSTRAINT "housing_areas_housing_organisation_id_housing_organisations_id_fk" FOREIGN KEY ("housing_organisation_id") REFERENCES "public"."housing_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_areas" ADD CONSTRAINT "housing_areas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_areas" ADD CONSTRAINT "housing_areas_social_housing_plan_id_social_housing_plans_id_fk" FOREIGN KEY ("social_housing_plan_id") REFERENCES "public"."social_housing_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_organisations" ADD CONSTRAINT "housing_organisations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobcenters" ADD CONSTRAINT "jobcenters_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_housing_plans" ADD CONSTRAINT "social_housing_plans_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_user_idx" ON "invitations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "login_attempts_key_window" ON "login_attempts" USING btree ("key","window_start");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_unique_key" ON "memberships" USING btree ("user_id","role",coalesce("housing_organisation_id", "social_housing_plan_id", "jobcenter_id", "partnership_id", "company_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_last_seen_idx" ON "sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "housing_areas_organisation_idx" ON "housing_areas" USING btree ("housing_organisation_id");--> statement-breakpoint
CREATE INDEX "housing_areas_municipality_idx" ON "housing_areas" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "housing_areas_plan_idx" ON "housing_areas" USING btree ("social_housing_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_areas_org_name_key" ON "housing_areas" USING btree ("housing_organisation_id","name");--> statement-breakpoint
CREATE INDEX "housing_organisations_partnership_idx" ON "housing_organisations" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_organisations_cvr_key" ON "housing_organisations" USING btree ("cvr") WHERE "housing_organisations"."cvr" is not null;--> statement-breakpoint
CREATE INDEX "jobcenters_municipality_idx" ON "jobcenters" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "municipalities_code_key" ON "municipalities" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_municipality_key" ON "partnerships" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "social_housing_plans_partnership_idx" ON "social_housing_plans" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");