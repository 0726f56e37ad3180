-- VNeID identity level a citizen must hold to submit a procedure online (DESIGN §3.4: "procedures may
-- require level 2"). 1 by default; the rule for level 2 is in docs/vneid.md. The starter catalogue
-- states it in data/product/procedures; installations whose catalogue was loaded before this
-- column existed get the same marks here.
ALTER TABLE procedures ADD COLUMN identity_level smallint NOT NULL DEFAULT 1 CHECK (identity_level IN (1, 2));
COMMENT ON COLUMN procedures.identity_level IS 'Mức định danh VNeID required to submit online: 1 (default) or 2 (police identity and residence procedures, social-insurance payouts; docs/vneid.md).';
UPDATE procedures SET identity_level = 2
 WHERE code IN ('1.004222', '1.004194', '1.002755', '1.003677', '1.010028', '1.003197',
                '2.000200', '2.001194', '2.001195', '2.001178', '1.000466',
                '1.001456', '1.001471', '1.002820', '1.001613');

-- The applicant's contact number is prefilled from the registry (registry:phone, docs/prefill.md).
-- Same mark as the starter files now carry, for catalogues loaded from the older files; only the
-- starter procedures, and only their unmarked "Số điện thoại liên hệ" fields.
UPDATE procedures p
   SET form = (SELECT jsonb_agg(CASE WHEN f->>'label' = 'Số điện thoại liên hệ' AND NOT (f ? 'prefill')
                                     THEN f || '{"prefill": "registry:phone"}'::jsonb ELSE f END ORDER BY i)
                 FROM jsonb_array_elements(p.form) WITH ORDINALITY AS e(f, i))
 WHERE jsonb_array_length(p.form) > 0
   AND p.code IN ('1.000466', '1.000656', '1.000894', '1.001193', '1.001266', '1.001456', '1.001471', '1.001612', '1.001613', '1.002755', '1.002820', '1.003197', '1.003677', '1.004194', '1.004222', '1.004873', '1.004884', '1.010028', '1.012753', '1.013228', '2.000200', '2.000720', '2.000815', '2.000884', '2.001159', '2.001178', '2.001194', '2.001195');
