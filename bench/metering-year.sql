-- A year of daily interval sums (meter_interval_day) and their monthly rollup (meter_month) for the
-- benchmark meters 'BM…' (bench/meters.sql), generated in SQL, for timing the 12-month consumption
-- analysis. 15-minute readings themselves (meter_interval_slots) come from bench/metering-import.sh.
--   psql -h localhost -p 55472 -U postgres -d gridcare -v first=2025-11-01 -f bench/metering-year.sql
\set ON_ERROR_STOP on
\if :{?first}
\else
  \set first 2025-11-01
\endif
select metering_ensure_month((date :'first' + make_interval(months => i))::date) from generate_series(0, 12) i;
insert into meter_interval_day (meter_id, day, kwh_e4, points, max_kw_e4)
select m.id, d::date,
       (40000 + abs(hashint8(m.id)) % 80000 + 20000 * sin(extract(doy from d) / 58.0)
              + case when extract(isodow from d) >= 6 then 15000 else 0 end)::bigint,
       96, 30000
  from meter m cross join generate_series(date :'first', date :'first' + 364, interval '1 day') d
 where m.meter_number like 'BM%'
on conflict do nothing;
insert into meter_month as mm (meter_id, month, kwh_e4, days, max_kw_e4)
select meter_id, date_trunc('month', day)::date, sum(kwh_e4), count(*), max(max_kw_e4)
  from meter_interval_day d where exists (select 1 from meter m where m.id = d.meter_id and m.meter_number like 'BM%')
 group by 1, 2
on conflict (meter_id, month) do update set kwh_e4 = excluded.kwh_e4, days = excluded.days, max_kw_e4 = excluded.max_kw_e4;
vacuum analyze meter_interval_day;
vacuum analyze meter_month;
select count(*) as meter_days from meter_interval_day;
select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as daily_sums_size from pg_inherits
 where inhparent = 'meter_interval_day'::regclass;
