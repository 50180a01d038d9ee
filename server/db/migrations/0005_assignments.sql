CREATE TABLE "agreement_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"per" text NOT NULL,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_housing_organisations" (
	"agreement_id" uuid NOT NULL,
	"housing_organisation_id" uuid NOT NULL,
	CONSTRAINT "agreement_housing_organisations_agreement_id_housing_organisation_id_pk" PRIMARY KEY("agreement_id","housing_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date,
	"signed_on" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_areas" (
	"assignment_id" uuid NOT NULL,
	"housing_area_id" uuid NOT NULL,
	CONSTRAINT "assignment_areas_assignment_id_housing_area_id_pk" PRIMARY KEY("assignment_id","housing_area_id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"housing_organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"value_dkk" bigint,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"contract_reference" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_dialogue_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_dialogue_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"asked_kinds" text[] DEFAULT '{}' NOT NULL,
	"outcome" text,
	"reminder_date" date,
	"no_reason" text,
	"note" text,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_dialogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"assigned_to" uuid,
	"asked_kinds" text[] DEFAULT '{}' NOT NULL,
	"outcome" text,
	"reminder_date" date,
	"no_reason" text,
	"note" text,
	"opening_id" uuid,
	"reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"opening_id" uuid,
	"assignment_id" uuid,
	"social_clause_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"weeks" integer,
	"is_local_hire" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_clauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"target_quantity" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"responsible_user_id" uuid,
	"behind_notified_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "social_clause_id" uuid;--> statement-breakpoint
ALTER TABLE "agreement_commitments" ADD CONSTRAINT "agreement_commitments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_housing_organisations" ADD CONSTRAINT "agreement_housing_organisations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_housing_organisations" ADD CONSTRAINT "agreement_housing_organisations_housing_organisation_id_housing_organisations_id_fk" FOREIGN KEY ("housing_organisation_id") REFERENCES "public"."housing_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_areas" ADD CONSTRAINT "assignment_areas_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_areas" ADD CONSTRAINT "assignment_areas_housing_area_id_housing_areas_id_fk" FOREIGN KEY ("housing_area_id") REFERENCES "public"."housing_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_housing_organisation_id_housing_organisations_id_fk" FOREIGN KEY ("housing_organisation_id") REFERENCES "public"."housing_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_dialogue_events" ADD CONSTRAINT "job_dialogue_events_job_dialogue_id_job_dialogues_id_fk" FOREIGN KEY ("job_dialogue_id") REFERENCES "public"."job_dialogues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_dialogue_events" ADD CONSTRAINT "job_dialogue_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_dialogues" ADD CONSTRAINT "job_dialogues_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_dialogues" ADD CONSTRAINT "job_dialogues_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_dialogues" ADD CONSTRAINT "job_dialogues_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_dialogues" ADD CONSTRAINT "job_dialogues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_social_clause_id_social_clauses_id_fk" FOREIGN KEY ("social_clause_id") REFERENCES "public"."social_clauses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_clauses" ADD CONSTRAINT "social_clauses_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_clauses" ADD CONSTRAINT "social_clauses_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_clauses" ADD CONSTRAINT "social_clauses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_commitments_agreement_idx" ON "agreement_commitments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_orgs_org_idx" ON "agreement_housing_organisations" USING btree ("housing_organisation_id");--> statement-breakpoint
CREATE INDEX "agreements_company_idx" ON "agreements" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "assignments_org_idx" ON "assignments" USING btree ("housing_organisation_id","start_date");--> statement-breakpoint
CREATE INDEX "assignments_company_idx" ON "assignments" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "job_dialogue_events_dialogue_idx" ON "job_dialogue_events" USING btree ("job_dialogue_id","at");--> statement-breakpoint
CREATE INDEX "job_dialogues_assignee_idx" ON "job_dialogues" USING btree ("assigned_to","due_date");--> statement-breakpoint
CREATE INDEX "job_dialogues_assignment_idx" ON "job_dialogues" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "job_dialogues_reminder_idx" ON "job_dialogues" USING btree ("reminder_date");--> statement-breakpoint
CREATE INDEX "placements_assignment_idx" ON "placements" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "placements_clause_idx" ON "placements" USING btree ("social_clause_id");--> statement-breakpoint
CREATE INDEX "social_clauses_assignment_idx" ON "social_clauses" USING btree ("assignment_id");--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_social_clause_id_social_clauses_id_fk" FOREIGN KEY ("social_clause_id") REFERENCES "public"."social_clauses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "openings_assignment_idx" ON "openings" USING btree ("assignment_id");