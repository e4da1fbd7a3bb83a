CREATE TABLE "content_images" (
	"content_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"alt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"fields" jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"image_file_id" uuid,
	"video_url" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"profiles" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"commune_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"epci_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"all_day" boolean DEFAULT false NOT NULL,
	"place_name" text,
	"place_address" text,
	"place_commune_code" text,
	"for_ambassadors" boolean DEFAULT false NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"search_doc" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('fr_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('fr_unaccent', coalesce(summary, '')), 'B') || setweight(to_tsvector('fr_unaccent', coalesce(body, '')), 'C')) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contents_kind_check" CHECK ("contents"."kind" in ('story','success','news','page','event')),
	CONSTRAINT "contents_status_check" CHECK ("contents"."status" in ('draft','review','published'))
);
--> statement-breakpoint
CREATE TABLE "commune_facts" (
	"commune_code" text NOT NULL,
	"key" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	"source_date" date NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"name" text,
	"lon" double precision,
	"lat" double precision,
	"source" text NOT NULL,
	"source_date" date NOT NULL,
	"import_id" uuid,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"source" text NOT NULL,
	"source_date" date NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_types" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"domain" text NOT NULL,
	"category" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_images" ADD CONSTRAINT "content_images_content_id_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_content_id_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_images_key" ON "content_images" USING btree ("content_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_revisions_key" ON "content_revisions" USING btree ("content_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "contents_slug_idx" ON "contents" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "contents_public_idx" ON "contents" USING btree ("kind","status","publish_at");--> statement-breakpoint
CREATE INDEX "contents_starts_idx" ON "contents" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "contents_profiles_idx" ON "contents" USING gin ("profiles");--> statement-breakpoint
CREATE INDEX "contents_search_doc_idx" ON "contents" USING gin ("search_doc");--> statement-breakpoint
CREATE UNIQUE INDEX "commune_facts_key" ON "commune_facts" USING btree ("commune_code","key");--> statement-breakpoint
CREATE INDEX "facilities_commune_idx" ON "facilities" USING btree ("commune_code","type_code");--> statement-breakpoint
CREATE INDEX "facilities_type_idx" ON "facilities" USING btree ("type_code");--> statement-breakpoint
CREATE INDEX "facilities_import_idx" ON "facilities" USING btree ("import_id");