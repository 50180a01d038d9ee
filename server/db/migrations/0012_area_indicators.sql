CREATE TABLE "area_classification_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"housing_area_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"residents" integer NOT NULL,
	"years_on_list" integer DEFAULT 0 NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name_da" text NOT NULL,
	"unit" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"housing_area_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"municipal_average" double precision,
	"source" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_classification_inputs" ADD CONSTRAINT "area_classification_inputs_housing_area_id_housing_areas_id_fk" FOREIGN KEY ("housing_area_id") REFERENCES "public"."housing_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_definitions" ADD CONSTRAINT "indicator_definitions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_housing_area_id_housing_areas_id_fk" FOREIGN KEY ("housing_area_id") REFERENCES "public"."housing_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "area_classification_inputs_area_year" ON "area_classification_inputs" USING btree ("housing_area_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_definitions_partnership_key" ON "indicator_definitions" USING btree ("partnership_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_area_indicator_year" ON "indicator_values" USING btree ("housing_area_id","indicator","year");--> statement-breakpoint
CREATE INDEX "indicator_values_indicator_year_idx" ON "indicator_values" USING btree ("indicator","year");