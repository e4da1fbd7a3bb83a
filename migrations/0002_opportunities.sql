CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"commune_code" text,
	"epci_code" text,
	"public_commune_code" text,
	"lon" double precision,
	"lat" double precision,
	"organisation_id" uuid,
	"owner_id" uuid,
	"adviser_id" uuid,
	"source" text DEFAULT 'choisir' NOT NULL,
	"source_id" text NOT NULL,
	"source_url" text,
	"demo" boolean DEFAULT false NOT NULL,
	"target_profiles" text[] DEFAULT '{}'::text[] NOT NULL,
	"contract_type" text,
	"sector" text,
	"price_band" text,
	"wanted" boolean DEFAULT false NOT NULL,
	"open_to_couples" boolean DEFAULT false NOT NULL,
	"employer_name" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_doc" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(details->>'occupation', '') || ' ' || coalesce(employer_name, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(description, '')), 'C')) STORED NOT NULL,
	"starts_on" date,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"expiry_warned_at" timestamp with time zone,
	"moderated_at" timestamp with time zone,
	"moderated_by" uuid,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_kind_check" CHECK ("opportunities"."kind" in ('job','takeover','premises','housing')),
	CONSTRAINT "opportunities_status_check" CHECK ("opportunities"."status" in ('draft','pending','published','rejected','expired','withdrawn')),
	CONSTRAINT "opportunities_takeover_anonymous_check" CHECK ("opportunities"."kind" <> 'takeover' or ("opportunities"."employer_name" is null and "opportunities"."contact_email" is null and "opportunities"."contact_phone" is null and "opportunities"."contact_name" is null))
);
--> statement-breakpoint
CREATE TABLE "opportunity_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"message" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_sellers" (
	"opportunity_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"address" text,
	"email" text,
	"phone" text,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"query" text NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opportunity_contacts" ADD CONSTRAINT "opportunity_contacts_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_sellers" ADD CONSTRAINT "opportunity_sellers_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_runs_source_idx" ON "import_runs" USING btree ("source","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_source_idx" ON "opportunities" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "opportunities_search_doc_idx" ON "opportunities" USING gin ("search_doc");--> statement-breakpoint
CREATE INDEX "opportunities_public_idx" ON "opportunities" USING btree ("status","kind","published_at");--> statement-breakpoint
CREATE INDEX "opportunities_epci_idx" ON "opportunities" USING btree ("epci_code");--> statement-breakpoint
CREATE INDEX "opportunities_commune_idx" ON "opportunities" USING btree ("public_commune_code");--> statement-breakpoint
CREATE INDEX "opportunities_organisation_idx" ON "opportunities" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "opportunities_expires_idx" ON "opportunities" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "opportunity_contacts_opportunity_idx" ON "opportunity_contacts" USING btree ("opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_searches_token_idx" ON "saved_searches" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "saved_searches_email_idx" ON "saved_searches" USING btree ("email");