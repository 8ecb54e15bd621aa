-- The import's lenient readers are pure: parallel workers may run them, so reading and checking a staged
-- file uses both cores. A day up to 28 exists in every month: only 29 to 31 need the month's last day.
create or replace function import_date(t text) returns date language sql immutable parallel safe as $$
    select case when t ~ '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
                 and (substr(t, 9, 2) <= '28'
                      or substr(t, 9, 2)::int <= extract(day from (substr(t, 1, 7) || '-01')::date + interval '1 month' - interval '1 day'))
           then t::date end $$;

alter function import_region_code(text) parallel safe;
alter function import_mask(text) parallel safe;

-- A list field ('A; B;;C') as its trimmed, non-empty items, in file order or as a sorted set. Functions, not
-- sub-selects in the reading query: a sub-select per row would keep that query on one core.
create function import_list(t text, distinct_sorted boolean) returns text[] language sql immutable parallel safe as $$
    select case when distinct_sorted
                then coalesce(array(select distinct upper(btrim(e)) from unnest(string_to_array(t, ';')) e where btrim(e) <> '' order by 1), '{}')
                else coalesce(array(select btrim(e) from unnest(string_to_array(t, ';')) e where btrim(e) <> ''), '{}') end $$;

-- 'KAMBING=2; SAPI=1' as {"KAMBING": 2, "SAPI": 1}; null when it does not read.
create function import_livestock(t text) returns jsonb language sql immutable parallel safe as $$
    select case when regexp_replace(t, '\s', '', 'g') ~ '^[A-Za-z_]+=[0-9]{1,6}(;[A-Za-z_]+=[0-9]{1,6})*;?$'
                then (select jsonb_object_agg(split_part(e, '=', 1), split_part(e, '=', 2)::int)
                      from unnest(string_to_array(regexp_replace(t, '\s', '', 'g'), ';')) e where e <> '') end $$;
