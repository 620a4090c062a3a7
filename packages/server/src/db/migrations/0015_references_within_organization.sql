-- A reference from one practice's row to another practice's row is refused by the database
-- itself (issue 13, finding 3: a document could name another organization's practitioner).
-- Every single-column foreign key between two tables that both carry organization_id gets a
-- companion key on (organization_id, column): the referenced row must exist *and* belong to the
-- same organization. The original keys stay (their ON DELETE actions are unchanged).
-- NOT VALID: rows written before this migration are not rescanned at start (a large database
-- would wait); every new or changed row is checked. DEFERRABLE like every other key, so a
-- logical restore still loads tables in any order.
DO $$
DECLARE
  fk record;
BEGIN
  FOR fk IN
    SELECT c.conrelid::regclass AS source, c.confrelid::regclass AS target,
      a.attname AS col, c.conrelid::regclass::text AS source_name, c.confrelid::regclass::text AS target_name
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1
      AND a.attname <> 'organization_id' AND fa.attname = 'id'
      AND EXISTS (SELECT 1 FROM pg_attribute x
        WHERE x.attrelid = c.conrelid AND x.attname = 'organization_id' AND NOT x.attisdropped)
      AND EXISTS (SELECT 1 FROM pg_attribute x
        WHERE x.attrelid = c.confrelid AND x.attname = 'organization_id' AND NOT x.attisdropped)
    ORDER BY 4, 3
  LOOP
    EXECUTE format('CREATE UNIQUE INDEX IF NOT EXISTS %I ON %s (organization_id, id)',
      fk.target_name || '_organization_id_id_key', fk.target);
    EXECUTE format(
      'ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (organization_id, %I) REFERENCES %s (organization_id, id) DEFERRABLE NOT VALID',
      fk.source, left(fk.source_name || '_' || fk.col, 48) || '_in_organization', fk.col, fk.target);
  END LOOP;
END
$$;
