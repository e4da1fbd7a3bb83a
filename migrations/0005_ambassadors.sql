CREATE TABLE "ambassador_chapters" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"epci_code" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_charters" (
	"version" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_newsletters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"segment" text DEFAULT '' NOT NULL,
	"recipients" integer,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"ambassador_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"ambassador_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassadors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"organisation_name" text,
	"email" text NOT NULL,
	"phone" text,
	"tie" text NOT NULL,
	"commune_code" text,
	"city" text,
	"country" text,
	"chapter_slug" text,
	"trade" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"willing" text[] DEFAULT '{}'::text[] NOT NULL,
	"charter_version" text NOT NULL,
	"charter_accepted_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"refused_reason" text,
	"email_confirmed_at" timestamp with time zone,
	"validated_by" uuid,
	"validated_at" timestamp with time zone,
	"code" text NOT NULL,
	"portrait_opt_in" boolean DEFAULT false NOT NULL,
	"portrait_text" text,
	"photo_file_id" uuid,
	"newsletter_opt_out" boolean DEFAULT false NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reengaged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	CONSTRAINT "ambassadors_status_check" CHECK ("ambassadors"."status" in ('pending','submitted','active','refused','left')),
	CONSTRAINT "ambassadors_kind_check" CHECK ("ambassadors"."kind" in ('person','firm','association'))
);
--> statement-breakpoint
CREATE TABLE "ambassador_buddy_pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"ambassador_id" uuid NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"proposed_by" uuid,
	"ambassador_answer" text,
	"household_answer" text,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_mission_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"ambassador_id" uuid NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"report" text,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ambassador_missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"url" text,
	"starts_on" date,
	"ends_on" date,
	"chapter_slug" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_referral_visits" (
	"ambassador_id" uuid NOT NULL,
	"day" date NOT NULL,
	"medium" text DEFAULT 'link' NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ambassador_sessions" ADD CONSTRAINT "ambassador_sessions_ambassador_id_ambassadors_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassadors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_tokens" ADD CONSTRAINT "ambassador_tokens_ambassador_id_ambassadors_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassadors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_buddy_pairings" ADD CONSTRAINT "ambassador_buddy_pairings_ambassador_id_ambassadors_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassadors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_mission_participations" ADD CONSTRAINT "ambassador_mission_participations_mission_id_ambassador_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."ambassador_missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_mission_participations" ADD CONSTRAINT "ambassador_mission_participations_ambassador_id_ambassadors_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassadors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_referral_visits" ADD CONSTRAINT "ambassador_referral_visits_ambassador_id_ambassadors_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassadors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ambassador_sessions_ambassador_idx" ON "ambassador_sessions" USING btree ("ambassador_id");--> statement-breakpoint
CREATE INDEX "ambassador_tokens_ambassador_idx" ON "ambassador_tokens" USING btree ("ambassador_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ambassadors_code_idx" ON "ambassadors" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ambassadors_email_idx" ON "ambassadors" USING btree ("email");--> statement-breakpoint
CREATE INDEX "ambassadors_status_activity_idx" ON "ambassadors" USING btree ("status","last_activity_at");--> statement-breakpoint
CREATE INDEX "ambassadors_commune_idx" ON "ambassadors" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "ambassador_buddy_pairings_file_idx" ON "ambassador_buddy_pairings" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "ambassador_buddy_pairings_ambassador_idx" ON "ambassador_buddy_pairings" USING btree ("ambassador_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ambassador_participations_mission_ambassador_idx" ON "ambassador_mission_participations" USING btree ("mission_id","ambassador_id");--> statement-breakpoint
CREATE INDEX "ambassador_participations_ambassador_idx" ON "ambassador_mission_participations" USING btree ("ambassador_id");--> statement-breakpoint
CREATE INDEX "ambassador_missions_status_idx" ON "ambassador_missions" USING btree ("status","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ambassador_referral_visits_key" ON "ambassador_referral_visits" USING btree ("ambassador_id","day","medium");--> statement-breakpoint
CREATE INDEX "newcomer_files_ambassador_idx" ON "newcomer_files" USING btree ("ambassador_code");