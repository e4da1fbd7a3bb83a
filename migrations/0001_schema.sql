CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "data_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"diff" jsonb,
	"ip" "inet"
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"kind" text DEFAULT 'message' NOT NULL,
	"status" text DEFAULT 'stored' NOT NULL,
	"error" text,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "account_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin','editor','animator','referent','adviser','employer','viewer')),
	CONSTRAINT "users_status_check" CHECK ("users"."status" in ('invited','active','disabled'))
);
--> statement-breakpoint
CREATE TABLE "brand_platforms" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"site_name" text NOT NULL,
	"positioning" text NOT NULL,
	"ambition" text NOT NULL,
	"values" jsonb NOT NULL,
	"dna" jsonb NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_profiles" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tagline" text NOT NULL,
	"description" text NOT NULL,
	"promises" jsonb NOT NULL,
	"position" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"epci_code" text,
	"email" text,
	"phone" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('departement','prefecture','epci','chambre','tourisme','employeur','association','autre'))
);
--> statement-breakpoint
CREATE TABLE "programme_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"workstream_slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'a_lancer' NOT NULL,
	"owner_organisation_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_actions_number_unique" UNIQUE("number"),
	CONSTRAINT "programme_actions_status_check" CHECK ("programme_actions"."status" in ('a_lancer','en_cours','realisee','suspendue'))
);
--> statement-breakpoint
CREATE TABLE "workstreams" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"ambition" text NOT NULL,
	"position" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"search_key" text GENERATED ALWAYS AS (regexp_replace(f_unaccent(lower(name)), '[^a-z0-9]+', ' ', 'g')) STORED NOT NULL,
	"departement_code" text NOT NULL,
	"epci_code" text,
	"postal_codes" text[] NOT NULL,
	"population" integer,
	"centroid_lon" double precision NOT NULL,
	"centroid_lat" double precision NOT NULL,
	"area_km2" double precision,
	"outline" jsonb NOT NULL,
	"former_communes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"neighbours" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "departements" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"chef_lieu" text NOT NULL,
	"region" text NOT NULL,
	"outline" jsonb,
	CONSTRAINT "departements_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "epcis" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"seat_code" text,
	"seat_name" text,
	"seat_lon" double precision,
	"seat_lat" double precision,
	"population" integer NOT NULL,
	"member_count" integer NOT NULL,
	"other_departements" text[] DEFAULT '{}'::text[] NOT NULL,
	"members_outside" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "epcis_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "journal_target_idx" ON "journal" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "journal_actor_idx" ON "journal" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "journal_at_idx" ON "journal" USING btree ("at");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_recipient_idx" ON "mail_outbox" USING btree ("recipient");--> statement-breakpoint
CREATE INDEX "account_tokens_user_idx" ON "account_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_epci_code_idx" ON "organisations" USING btree ("epci_code");--> statement-breakpoint
CREATE INDEX "communes_epci_idx" ON "communes" USING btree ("epci_code");--> statement-breakpoint
CREATE INDEX "communes_search_key_trgm_idx" ON "communes" USING gin ("search_key" gin_trgm_ops);