CREATE TABLE "resident_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"screened_on" date NOT NULL,
	"motivation" integer NOT NULL,
	"barriers" text[] DEFAULT '{}' NOT NULL,
	"hours_possible" real NOT NULL,
	"earlier_work" text NOT NULL,
	"danish_level" integer NOT NULL,
	"health_limits" text NOT NULL,
	"target_group" integer NOT NULL,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"next_screening_on" date NOT NULL,
	"remark" text,
	"screened_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resident_screenings_target_group" CHECK ("resident_screenings"."target_group" in (1, 2))
);
--> statement-breakpoint
ALTER TABLE "resident_screenings" ADD CONSTRAINT "resident_screenings_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_screenings" ADD CONSTRAINT "resident_screenings_screened_by_users_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_screenings_resident_idx" ON "resident_screenings" USING btree ("resident_id","screened_on");--> statement-breakpoint
CREATE INDEX "resident_screenings_next_idx" ON "resident_screenings" USING btree ("next_screening_on");