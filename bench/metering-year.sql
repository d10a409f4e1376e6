-- A year of daily interval sums (meter_interval_day) and their monthly rollup (meter_month) for the
-- benchmark meters 'BM…' (bench/meters.sql), generated in SQL, for timing the 12-month consumption
-- analysis. 15-minute readings themselves (meter_interval_slots) come from bench/metering-import.sh.
--   psql -h localhost -p 55472 -U postgres -d gridcare -v first=2025-11-01 -f bench/metering-year.sql
-- With -v day_meters=N only the first N meters (by number) get daily sums; every meter gets its months (the
-- peer comparison reads the months of up to 2,000 peers), so 1M meters' months fit a small disk:
--   psql … -v first=2025-11-01 -v day_meters=20000 -f bench/metering-year.sql
\set ON_ERROR_STOP on
\timing on
\if :{?first}
\else
  \set first 2025-11-01
\endif
\if :{?day_meters}
\else
  \set day_meters 100000000
\endif
select metering_ensure_month((date :'first' + make_interval(months => i))::date) from generate_series(0, 12) i;
create temp table day_meter as
select id from meter where meter_number like 'BM%' order by meter_number limit :day_meters;
insert into meter_interval_day (meter_id, day, kwh_e4, points, max_kw_e4)
select m.id, d::date,
       (40000 + abs(hashint8(m.id)) % 80000 + 20000 * sin(extract(doy from d) / 58.0)
              + case when extract(isodow from d) >= 6 then 15000 else 0 end)::bigint,
       96, 30000
  from day_meter m cross join generate_series(date :'first', date :'first' + 364, interval '1 day') d
on conflict do nothing;
insert into meter_month as mm (meter_id, month, kwh_e4, days, max_kw_e4)
select meter_id, date_trunc('month', day)::date, sum(kwh_e4), count(*), max(max_kw_e4)
  from meter_interval_day d where d.meter_id in (select id from day_meter)
 group by 1, 2
on conflict (meter_id, month) do update set kwh_e4 = excluded.kwh_e4, days = excluded.days, max_kw_e4 = excluded.max_kw_e4;
-- the other meters: their months in closed form (the same formula at mid-month, weekends averaged in)
insert into meter_month (meter_id, month, kwh_e4, days, max_kw_e4)
select m.id, mo::date, (extract(day from (mo + interval '1 month' - interval '1 day')) *
       (40000 + abs(hashint8(m.id)) % 80000 + 20000 * sin(extract(doy from mo + interval '14 days') / 58.0) + 15000 * 2 / 7.0))::bigint,
       extract(day from (mo + interval '1 month' - interval '1 day'))::smallint, 30000
  from meter m cross join generate_series(date :'first', date :'first' + 364, interval '1 month') mo
 where m.meter_number like 'BM%' and m.id not in (select id from day_meter)
on conflict do nothing;
vacuum analyze meter_interval_day;
vacuum analyze meter_month;
select count(*) as meter_days from meter_interval_day;
select count(*) as meter_months from meter_month;
select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as daily_sums_size from pg_inherits
 where inhparent = 'meter_interval_day'::regclass;
select pg_size_pretty(pg_total_relation_size('meter_month')) as monthly_rollup_size;
