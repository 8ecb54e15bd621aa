-- The programs Lumbung ships with, as published rule versions for DTSEN quarter 2025-Q4 (figures from
-- DOMAIN.md). A new figure or condition is a new rule version, never an edit of a published one.
insert into program (code, name, description) values
  ('PKH', 'Program Keluarga Harapan',
   'Conditional cash transfer for desil 1-4 families with components (pregnancy, child 0-6, schoolchildren, severe disability, elderly); paid quarterly per component.'),
  ('SEMBAKO', 'Program Sembako (BPNT)',
   'Food assistance of Rp200,000 per family per month for desil 1-4, paid per quarter through the KKS card or Pos. Jepara has a stricter regional variant.'),
  ('PBI_JKN', 'PBI-JKN (KIS)',
   'National health insurance premium paid by the state for desil 1-5 families.'),
  ('BLT_DD', 'BLT Dana Desa',
   'Village fund cash transfer of Rp300,000 per month; recipients confirmed by village deliberation (musyawarah desa).'),
  ('BLT_KD', 'BLT Kemiskinan Daerah',
   'Regional poverty cash transfer for desil 1-5 families not receiving PKH, Sembako or BLT Dana Desa; proposed by the village, verified by Dinas Sosial.'),
  ('BLTS_KESRA_2025', 'BLTS Kesra 2025',
   'Bantuan Langsung Tunai Sementara Kesejahteraan Rakyat: Rp300,000 x 3 months (October-December 2025) paid at once, Rp900,000, for desil 1-4 families.');

-- Every exclusion of the BLT KD notice and district practice that the registry records as an employment fact.
create temporary table seed_exclusions as select
  '["ASN", "TNI", "POLRI", "PENSIUNAN_ASN", "PENSIUNAN_TNI", "PENSIUNAN_POLRI", "PENDAMPING_SOSIAL",
    "GURU_BERSERTIFIKAT", "PENGHASILAN_APBN_APBD", "PEGAWAI_BUMN", "PERANGKAT_DESA"]'::jsonb as facts;

insert into program_rule_version (program_code, version, region_prefix, period, rules, amount_per_month, months,
                                  lump_sum, status, note, created_by, published_at)
select program_code, version, region_prefix, '2025-Q4', rules || jsonb_build_object('exclusions', facts),
       amount_per_month, months, lump_sum, 'PUBLISHED', note, 'seed', now()
from seed_exclusions, (values
  ('PKH', 1, null,
   '{"desil": {"min": 1, "max": 4},
     "requires": [{"condition": "PKH_COMPONENT", "childUnderAge": 6, "schoolAgeUntil": 21, "elderlyAge": 60}],
     "componentsPerYear": {"HAMIL": 3000000, "ANAK_USIA_DINI": 3000000, "SD": 900000, "SMP": 1500000,
                           "SMA": 2000000, "DISABILITAS_BERAT": 2400000, "LANSIA": 2400000}}'::jsonb,
   null::bigint, 3, false, 'National PKH: desil 1-4 with at least one component; amounts per component per year.'),
  ('SEMBAKO', 1, null,
   '{"desil": {"min": 1, "max": 4}}'::jsonb,
   200000, 3, false, 'National Sembako/BPNT: desil 1-4, Rp200,000 per month paid per quarter.'),
  ('SEMBAKO', 2, '33.20',
   '{"desil": {"min": 1, "max": 4},
     "requires": [{"condition": "VULNERABLE_MEMBER", "elderlyAge": 60, "childUnderAge": 6, "disability": true},
                  {"condition": "INCOME_BELOW_POVERTY_LINE", "povertyLinePerCapita": 480000},
                  {"condition": "NO_OTHER_AID"}]}'::jsonb,
   200000, 3, false,
   'Jepara variant: desil 1-4 and a vulnerable member and income below the regional poverty line and no other aid. '
   || 'The poverty line (Rp480,000 per person per month) is an approximate figure for Kabupaten Jepara; Dinas Sosial sets the exact BPS figure with a new rule version.'),
  ('PBI_JKN', 1, null,
   '{"desil": {"min": 1, "max": 5}}'::jsonb,
   null, 3, false, 'PBI-JKN: desil 1-5; the premium is paid by the state per person.'),
  ('BLT_DD', 1, null,
   '{"desil": {"min": 1, "max": 5}}'::jsonb,
   300000, 3, false, 'BLT Dana Desa: desil 1-5 as the data basis; the village deliberation confirms recipients, desil 1 first.'),
  ('BLT_KD', 1, null,
   '{"desil": {"min": 1, "max": 5}, "notCombinedWith": ["PKH", "SEMBAKO", "BLT_DD"]}'::jsonb,
   null, 3, false, 'BLT Kemiskinan Daerah: desil 1-5, not with PKH, Sembako or BLT Dana Desa; amount per regional budget.'),
  ('BLTS_KESRA_2025', 1, null,
   '{"desil": {"min": 1, "max": 4}}'::jsonb,
   300000, 3, true, 'BLTS Kesra 2025: desil 1-4, Rp300,000 x 3 months (Oct-Dec 2025) paid at once: Rp900,000.')
) as seed (program_code, version, region_prefix, rules, amount_per_month, months, lump_sum, note);

drop table seed_exclusions;
