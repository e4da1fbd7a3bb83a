-- Indexes for the referents' scoped list of files (benchmarked with 100 000 files). Written by hand because
-- drizzle's schema builder cannot express INCLUDE nor these expressions exactly as the queries write them.
-- Scope check (fileScope): answered from the index alone.
CREATE INDEX IF NOT EXISTS file_shares_live_org_idx ON file_shares (organisation_id, file_id) WHERE revoked_at IS NULL;
--> statement-breakpoint
-- Stage counts of the list: index-only, merge-joined with the previous one.
CREATE INDEX IF NOT EXISTS newcomer_files_live_stage_idx ON newcomer_files (id) INCLUDE (stage_id) WHERE status = 'open' AND merged_into IS NULL;
--> statement-breakpoint
-- Kanban columns: the files of a stage by last activity.
CREATE INDEX IF NOT EXISTS newcomer_files_stage_activity_idx ON newcomer_files (stage_id, last_activity_at DESC, id DESC) WHERE status = 'open' AND merged_into IS NULL;
--> statement-breakpoint
-- Sort by name.
CREATE INDEX IF NOT EXISTS newcomer_files_name_idx ON newcomer_files ((f_unaccent(lower(coalesce(contact_name, '')))), id) WHERE status = 'open' AND merged_into IS NULL;
--> statement-breakpoint
-- Search by name, email, reference or phone: the same expression as searchHaystack in backoffice/queries.ts.
CREATE INDEX IF NOT EXISTS newcomer_files_search_trgm_idx ON newcomer_files USING gin ((regexp_replace(f_unaccent(lower(coalesce(contact_name, '') || ' ' || coalesce(email, '') || ' ' || reference || ' ' || replace(reference, '-', '') || ' ' || regexp_replace(regexp_replace(coalesce(phone, ''), '\D', '', 'g'), '^(0033|33)(?=\d{9}$)', '0'))), '[^a-z0-9@.]+', ' ', 'g')) gin_trgm_ops) WHERE status = 'open';
