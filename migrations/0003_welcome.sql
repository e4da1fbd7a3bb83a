CREATE TABLE "assignment_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"match" text DEFAULT '' NOT NULL,
	"organisation_id" uuid,
	"user_id" uuid,
	"co_assign" boolean DEFAULT false NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone,
	"token_hash" text,
	"answered_at" timestamp with time zone,
	"still_here" boolean,
	"satisfaction" integer,
	"missing" text,
	"left_reason" text
);
--> statement-breakpoint
CREATE TABLE "file_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"text_version" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "file_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"first_name" text,
	"occupation" text,
	"seeking_work" boolean DEFAULT false NOT NULL,
	"job_search" text,
	"age" integer,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"from_household" boolean NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "file_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "file_stages_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "household_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_housing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"from_on" date NOT NULL,
	"to_on" date,
	"people" integer,
	"status" text DEFAULT 'requested' NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visibility" text DEFAULT 'shared' NOT NULL,
	"body" text NOT NULL,
	"happened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"author_id" uuid,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "welcome_kit_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"target_profile" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "welcome_kit_sections_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "newcomer_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text DEFAULT 'intake' NOT NULL,
	"intake_step" text DEFAULT 'contact' NOT NULL,
	"stage_id" uuid,
	"closed_reason" text,
	"contact_name" text,
	"email" text,
	"phone" text,
	"project_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"business_sector" text,
	"project_note" text,
	"place_communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"place_epcis" text[] DEFAULT '{}'::text[] NOT NULL,
	"place_unknown" boolean DEFAULT false NOT NULL,
	"housing_tenure" text,
	"housing_budget" integer,
	"needs_temporary_housing" boolean DEFAULT false NOT NULL,
	"timeline" text,
	"heard_from" text,
	"heard_detail" text,
	"campaign" text,
	"ambassador_code" text,
	"target_profile" text,
	"epci_code" text,
	"lead_organisation_id" uuid,
	"referent_id" uuid,
	"settled_commune_code" text,
	"settled_on" date,
	"merged_into" uuid,
	"submitted_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inactivity_warned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	CONSTRAINT "newcomer_files_status_check" CHECK ("newcomer_files"."status" in ('intake','open','erased'))
);
--> statement-breakpoint
CREATE TABLE "file_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"member_id" uuid,
	"opportunity_id" uuid NOT NULL,
	"note" text,
	"proposed_by" uuid,
	"response" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"assignee_id" uuid,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"done_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "welcome_team_members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"last_assigned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "welcome_partners" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "file_checkins" ADD CONSTRAINT "file_checkins_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_consents" ADD CONSTRAINT "file_consents_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_members" ADD CONSTRAINT "file_members_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_messages" ADD CONSTRAINT "file_messages_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_shares" ADD CONSTRAINT "file_shares_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_sessions" ADD CONSTRAINT "household_sessions_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_tokens" ADD CONSTRAINT "household_tokens_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_housing_requests" ADD CONSTRAINT "file_housing_requests_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_interactions" ADD CONSTRAINT "file_interactions_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_proposals" ADD CONSTRAINT "file_proposals_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_tasks" ADD CONSTRAINT "file_tasks_file_id_newcomer_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."newcomer_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "file_checkins_file_months_idx" ON "file_checkins" USING btree ("file_id","months");--> statement-breakpoint
CREATE INDEX "file_checkins_due_idx" ON "file_checkins" USING btree ("due_on","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "file_consents_file_org_idx" ON "file_consents" USING btree ("file_id","organisation_id");--> statement-breakpoint
CREATE INDEX "file_members_file_idx" ON "file_members" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "file_messages_file_idx" ON "file_messages" USING btree ("file_id","created_at");--> statement-breakpoint
CREATE INDEX "file_shares_org_idx" ON "file_shares" USING btree ("organisation_id","file_id");--> statement-breakpoint
CREATE INDEX "file_shares_file_idx" ON "file_shares" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "household_sessions_file_idx" ON "household_sessions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "household_tokens_file_idx" ON "household_tokens" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "file_housing_requests_file_idx" ON "file_housing_requests" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "file_interactions_file_idx" ON "file_interactions" USING btree ("file_id","happened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "newcomer_files_reference_idx" ON "newcomer_files" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "newcomer_files_email_idx" ON "newcomer_files" USING btree ("email");--> statement-breakpoint
CREATE INDEX "newcomer_files_phone_idx" ON "newcomer_files" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "newcomer_files_stage_idx" ON "newcomer_files" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "newcomer_files_epci_idx" ON "newcomer_files" USING btree ("epci_code");--> statement-breakpoint
CREATE INDEX "newcomer_files_referent_idx" ON "newcomer_files" USING btree ("referent_id");--> statement-breakpoint
CREATE INDEX "newcomer_files_activity_idx" ON "newcomer_files" USING btree ("status","last_activity_at");--> statement-breakpoint
CREATE INDEX "file_proposals_file_idx" ON "file_proposals" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "file_tasks_file_idx" ON "file_tasks" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "file_tasks_due_idx" ON "file_tasks" USING btree ("due_on","done_at");