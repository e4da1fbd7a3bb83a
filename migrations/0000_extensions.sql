-- Extensions and the French search configuration (drizzle-kit does not manage these).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- French stemming that ignores accents: "infirmiere" and "Infirmière" share one lexeme.
CREATE TEXT SEARCH CONFIGURATION fr_unaccent ( COPY = french );
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
--> statement-breakpoint
-- unaccent() is only STABLE; this wrapper pins the dictionary so expression indexes may use it.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
