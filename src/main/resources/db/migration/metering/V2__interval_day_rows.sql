-- Interval readings move from one row per interval to one row per meter and day (Asia/Shanghai).
--
-- Measured (docs/benchmarks.md): inserting 960,000 interval rows into the (meter_id, start_at) primary
-- key cost 3-4x a plain COPY of the same rows, because every row is a heap tuple, an index entry and
-- their WAL. A meter-day row holds the day's readings as three parallel arrays ordered by slot:
--   slots   the interval's start as a 15-minute slot of the local day (0 = 00:00, 95 = 23:45),
--   minutes the interval's length (15, 30 or 60),
--   kwh_e4  its kWh in 0.0001 kWh.
-- The key (meter_id, start_at) of a reading is (meter_id, day, slot); Asia/Shanghai has no daylight
-- saving, so a local day always has 96 slots. A day of 96 quarter-hours is one ~900-byte row instead of
-- 96 rows of ~80 bytes with their index entries: ~8x less storage and one index entry per meter-day.
-- meter_interval_day keeps the day's sums (what series and analysis read), narrow and separate.

create table meter_interval_slots (
    meter_id bigint     not null,
    day      date       not null,
    slots    smallint[] not null,
    minutes  smallint[] not null,
    kwh_e4   integer[]  not null,
    primary key (meter_id, day),
    check (cardinality(slots) = cardinality(minutes) and cardinality(slots) = cardinality(kwh_e4))
) partition by range (day);

do $$
declare
    month date;
begin
    for month in select distinct date_trunc('month', day)::date from meter_interval_day loop
        execute format('create table %I partition of meter_interval_slots for values from (%L) to (%L)',
                       'meter_interval_slots_' || to_char(month, 'YYYYMM'), month, (month + interval '1 month')::date);
    end loop;
end
$$;

insert into meter_interval_slots (meter_id, day, slots, minutes, kwh_e4)
select meter_id, day, array_agg(slot order by slot), array_agg(minutes order by slot), array_agg(kwh_e4 order by slot)
  from (select meter_id, (start_at at time zone 'Asia/Shanghai')::date as day,
               ((extract(epoch from (start_at at time zone 'Asia/Shanghai')::time) / 900))::smallint as slot, minutes, kwh_e4
          from meter_interval) points
 group by meter_id, day;

drop table meter_interval;

-- One interval reading per row, for reading and for tests; the import and the analysis use the arrays.
create view meter_interval as
select s.meter_id, (s.day + p.slot * interval '15 minutes') at time zone 'Asia/Shanghai' as start_at,
       p.minutes, p.kwh_e4
  from meter_interval_slots s cross join lateral unnest(s.slots, s.minutes, s.kwh_e4) as p(slot, minutes, kwh_e4);

create or replace function metering_ensure_month(month_start date) returns void language plpgsql as $$
declare
    first_day date := date_trunc('month', month_start)::date;
    next_day  date := (date_trunc('month', month_start) + interval '1 month')::date;
    suffix    text := to_char(month_start, 'YYYYMM');
    lo        timestamptz := first_day::timestamp at time zone 'Asia/Shanghai';
    hi        timestamptz := next_day::timestamp at time zone 'Asia/Shanghai';
begin
    if to_regclass('meter_interval_slots_' || suffix) is not null and to_regclass('meter_register_' || suffix) is not null
       and to_regclass('meter_interval_day_' || suffix) is not null then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('metering_ensure_month'));
    execute format('create table if not exists %I partition of meter_interval_slots for values from (%L) to (%L)',
                   'meter_interval_slots_' || suffix, first_day, next_day);
    execute format('create table if not exists %I partition of meter_register for values from (%L) to (%L)',
                   'meter_register_' || suffix, lo, hi);
    execute format('create table if not exists %I partition of meter_interval_day for values from (%L) to (%L)',
                   'meter_interval_day_' || suffix, first_day, next_day);
end
$$;

-- the months that had partitions before get their slot partitions too (the loop above covered the
-- months with data; this covers the empty months made ahead)
do $$
declare
    part text;
begin
    for part in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                 where i.inhparent = 'meter_interval_day'::regclass loop
        perform metering_ensure_month(to_date(right(part, 6), 'YYYYMM'));
    end loop;
end
$$;
