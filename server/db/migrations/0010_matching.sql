CREATE TABLE "allocation_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"allocation_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"score" real NOT NULL,
	"score_snapshot" jsonb NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"proposal_id" uuid
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"settings" jsonb NOT NULL,
	"opening_count" integer NOT NULL,
	"candidate_count" integer NOT NULL,
	"total_score" real NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "match_index_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"txid" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"occupation_id" text NOT NULL,
	"status" text DEFAULT 'awaiting_resident' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"allocation_line_id" uuid,
	"score" real NOT NULL,
	"score_snapshot" jsonb NOT NULL,
	"note" text,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"resident_answered_at" timestamp with time zone,
	"resident_answer_recorded_by" uuid,
	"sent_to_company_at" timestamp with time zone,
	"sent_by" uuid,
	"company_declined_at" timestamp with time zone,
	"company_decline_reason" text,
	"company_decline_text" text,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "resident_id" uuid;--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "min_hours_per_week" real;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "skills" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "first_proposal_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "available_from" date;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_settings" ADD CONSTRAINT "matching_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_settings" ADD CONSTRAINT "matching_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_status_changes" ADD CONSTRAINT "proposal_status_changes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_status_changes" ADD CONSTRAINT "proposal_status_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_resident_answer_recorded_by_users_id_fk" FOREIGN KEY ("resident_answer_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_lines_allocation_idx" ON "allocation_lines" USING btree ("allocation_id");--> statement-breakpoint
CREATE INDEX "allocation_lines_resident_idx" ON "allocation_lines" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "allocations_partnership_idx" ON "allocations" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "match_index_changes_txid_idx" ON "match_index_changes" USING btree ("txid");--> statement-breakpoint
CREATE INDEX "match_index_changes_at_idx" ON "match_index_changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "proposal_status_changes_proposal_idx" ON "proposal_status_changes" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_pair_key" ON "proposals" USING btree ("opening_id","resident_id");--> statement-breakpoint
CREATE INDEX "proposals_resident_idx" ON "proposals" USING btree ("resident_id","status");--> statement-breakpoint
CREATE INDEX "proposals_partnership_idx" ON "proposals" USING btree ("partnership_id","proposed_at");--> statement-breakpoint
CREATE INDEX "proposals_company_idx" ON "proposals" USING btree ("company_id","occupation_id");--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placements_resident_idx" ON "placements" USING btree ("resident_id");--> statement-breakpoint
-- The match index change feed (server/db/schema/matching.ts): statement-level triggers with
-- transition tables, so a bulk import of 100,000 residents writes its changes in one statement.
CREATE FUNCTION match_index_resident_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'resident', o.id, pg_current_xact_id()::text::bigint FROM old_rows o;
  ELSE
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'resident', n.id, pg_current_xact_id()::text::bigint FROM new_rows n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION match_index_resident_child_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'resident', o.resident_id, pg_current_xact_id()::text::bigint FROM old_rows o;
  ELSE
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'resident', n.resident_id, pg_current_xact_id()::text::bigint FROM new_rows n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION match_index_opening_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'opening', o.id, pg_current_xact_id()::text::bigint FROM old_rows o;
  ELSE
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'opening', n.id, pg_current_xact_id()::text::bigint FROM new_rows n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION match_index_proposal_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'resident', o.resident_id, pg_current_xact_id()::text::bigint FROM old_rows o
      UNION SELECT DISTINCT 'opening', o.opening_id, pg_current_xact_id()::text::bigint FROM old_rows o;
  ELSE
    INSERT INTO match_index_changes (kind, ref_id, txid)
      SELECT DISTINCT 'resident', n.resident_id, pg_current_xact_id()::text::bigint FROM new_rows n
      UNION SELECT DISTINCT 'opening', n.opening_id, pg_current_xact_id()::text::bigint FROM new_rows n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER residents_match_ins AFTER INSERT ON residents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_rows();
--> statement-breakpoint
CREATE TRIGGER residents_match_upd AFTER UPDATE ON residents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_rows();
--> statement-breakpoint
CREATE TRIGGER residents_match_del AFTER DELETE ON residents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_rows();
--> statement-breakpoint
CREATE TRIGGER resident_consents_match_ins AFTER INSERT ON resident_consents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_child_rows();
--> statement-breakpoint
CREATE TRIGGER resident_consents_match_upd AFTER UPDATE ON resident_consents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_child_rows();
--> statement-breakpoint
CREATE TRIGGER resident_consents_match_del AFTER DELETE ON resident_consents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_child_rows();
--> statement-breakpoint
CREATE TRIGGER resident_screenings_match_ins AFTER INSERT ON resident_screenings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_child_rows();
--> statement-breakpoint
CREATE TRIGGER resident_screenings_match_upd AFTER UPDATE ON resident_screenings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_child_rows();
--> statement-breakpoint
CREATE TRIGGER resident_screenings_match_del AFTER DELETE ON resident_screenings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_resident_child_rows();
--> statement-breakpoint
CREATE TRIGGER openings_match_ins AFTER INSERT ON openings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_opening_rows();
--> statement-breakpoint
CREATE TRIGGER openings_match_upd AFTER UPDATE ON openings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_opening_rows();
--> statement-breakpoint
CREATE TRIGGER openings_match_del AFTER DELETE ON openings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_opening_rows();
--> statement-breakpoint
CREATE TRIGGER proposals_match_ins AFTER INSERT ON proposals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_proposal_rows();
--> statement-breakpoint
CREATE TRIGGER proposals_match_upd AFTER UPDATE ON proposals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_proposal_rows();
--> statement-breakpoint
CREATE TRIGGER proposals_match_del AFTER DELETE ON proposals REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_index_proposal_rows();
