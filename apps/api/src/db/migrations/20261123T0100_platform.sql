-- Platform: extensions and the search-folding function shared by every module.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Folds Vietnamese text for search: strips every diacritic (so old "hoà" and new "hòa" tone placement
-- and NFD input all meet) and lower-cases. unaccent() is STABLE because its dictionary could change;
-- we pin the dictionary explicitly, which makes the IMMUTABLE promise safe enough to index on.
CREATE OR REPLACE FUNCTION motcua_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;
COMMENT ON FUNCTION motcua_fold(text) IS 'Lower-cased, diacritic-free form of Vietnamese text for search (ignores tone placement and NFC/NFD).';
