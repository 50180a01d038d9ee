CREATE TABLE "opening_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opening_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"notification_id" uuid,
	"mail_id" uuid
);
--> statement-breakpoint
CREATE TABLE "opening_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"opening_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"housing_organisation_id" uuid,
	"housing_area_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"occupation_id" text NOT NULL,
	"description" text,
	"hours_per_week" real NOT NULL,
	"schedule_day" boolean NOT NULL,
	"schedule_evening" boolean NOT NULL,
	"schedule_weekend" boolean NOT NULL,
	"end_time" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"positions" integer NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"driver_licence" text,
	"min_danish_level" integer,
	"certificates" text,
	"min_age" integer NOT NULL,
	"max_age" integer,
	"application_deadline" date,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"status" text DEFAULT 'new' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"referred_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"housing_area_id" uuid,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opening_referrals" ADD CONSTRAINT "opening_referrals_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_referrals" ADD CONSTRAINT "opening_referrals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_referrals" ADD CONSTRAINT "opening_referrals_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_referrals" ADD CONSTRAINT "opening_referrals_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_status_changes" ADD CONSTRAINT "opening_status_changes_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_status_changes" ADD CONSTRAINT "opening_status_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_housing_organisation_id_housing_organisations_id_fk" FOREIGN KEY ("housing_organisation_id") REFERENCES "public"."housing_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_housing_area_id_housing_areas_id_fk" FOREIGN KEY ("housing_area_id") REFERENCES "public"."housing_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contacts" ADD CONSTRAINT "referral_contacts_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contacts" ADD CONSTRAINT "referral_contacts_housing_area_id_housing_areas_id_fk" FOREIGN KEY ("housing_area_id") REFERENCES "public"."housing_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contacts" ADD CONSTRAINT "referral_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opening_referrals_once" ON "opening_referrals" USING btree ("opening_id","user_id","role");--> statement-breakpoint
CREATE INDEX "opening_status_changes_opening_idx" ON "opening_status_changes" USING btree ("opening_id","at");--> statement-breakpoint
CREATE INDEX "openings_partnership_idx" ON "openings" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "openings_company_idx" ON "openings" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "openings_status_idx" ON "openings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "referral_contacts_partnership_idx" ON "referral_contacts" USING btree ("partnership_id");