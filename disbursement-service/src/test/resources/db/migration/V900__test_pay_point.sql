-- Tests only: the counter where the tests' families of Kelurahan Karangkebagusan are paid. It serves that village
-- alone: the scheduling tests count the pay points of their own districts.
insert into pay_point (code, name, kind, region_code, capacity_per_day, created_at)
values ('KPC-JEPARA-59400', 'KPC Jepara 59400', 'POST_OFFICE', '33.20.06.1001', 500, now());
