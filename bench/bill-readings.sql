-- Billing benchmark data: gives the customers that have a bench meter ('BM' + number, bench/meters.sql) a
-- tariff and monthly frozen register reads from 1 January of the year of :month to the 1st of the month after
-- it, so that a bill run for :month has a whole year's cumulative consumption to tier on. Tariffs (a bench
-- choice, not the archive's rule): RESIDENTIAL alternately ZJ-RES-FLAT / ZJ-RES-TOU, LARGE_INDUSTRY
-- EXAMPLE-LI-TOU, other kinds ZJ-RES-FLAT. TOU meters get TOU registers; industry also reactive energy and a
-- maximum demand. Run on demand, e.g.:
--   psql -h localhost -p 55431 -U postgres -d gridcare -v month=2026-10 -f bench/bill-readings.sql
\set ON_ERROR_STOP on
\if :{?month}
\else
  \set month 2026-10
\endif
\timing on

select metering_ensure_month((date_trunc('year', (:'month' || '-01')::date) + make_interval(months => k))::date)
  from generate_series(0, extract(month from (:'month' || '-01')::date)::int + 1) k;

update customer c set tariff_code = case
        when c.kind = 'RESIDENTIAL' then case when c.id % 2 = 0 then 'ZJ-RES-FLAT' else 'ZJ-RES-TOU' end
        when c.kind = 'LARGE_INDUSTRY' then 'EXAMPLE-LI-TOU'
        else 'ZJ-RES-FLAT' end
  from service_point sp join meter m on m.service_point_id = sp.id
 where sp.customer_id = c.id and m.meter_number like 'BM%';

delete from meter_register r using meter m where m.id = r.meter_id and m.meter_number like 'BM%';

insert into meter_register (meter_id, read_at, total, critical_peak, peak, flat, valley, reactive_kvarh, max_demand_kw)
select meter_id, read_at,
       1000 + coalesce(sum(kwh) over w, 0),
       case when tou then 100 + coalesce(sum(kwh * cp_share) over w, 0) end,
       case when tou then 100 + coalesce(sum(kwh * peak_share) over w, 0) end,
       case when tou then 100 + coalesce(sum(kwh * flat_share) over w, 0) end,
       case when tou then 700 + coalesce(sum(kwh * (1 - cp_share - peak_share - flat_share)) over w, 0) end,
       case when industry then 300 + coalesce(sum(kwh * 0.45) over w, 0) end,
       -- the maximum demand frozen at read k describes the month before it
       case when industry then round(lag(kwh) over (partition by meter_id order by k) / 400, 2) end
  from (select m.id as meter_id, k,
               ((date_trunc('year', (:'month' || '-01')::date) + make_interval(months => k - 1))::timestamp
                   at time zone 'Asia/Shanghai') as read_at,
               c.kind = 'LARGE_INDUSTRY' as industry,
               c.tariff_code in ('ZJ-RES-TOU', 'EXAMPLE-LI-TOU') as tou,
               -- the kWh of month k (between read k on its 1st and read k + 1)
               round(case when c.kind = 'LARGE_INDUSTRY' then 40000 + (m.id * 7919 + k * 104729) % 60000
                          else 120 + (m.id * 7919 + k * 104729) % 480 end, 2) as kwh,
               case when c.kind = 'LARGE_INDUSTRY' and k between 7 and 9 then 0.05 else 0 end as cp_share,
               case when c.kind = 'LARGE_INDUSTRY' then 0.30 else 0.55 + (m.id % 20) / 100.0 end as peak_share,
               case when c.kind = 'LARGE_INDUSTRY' then 0.35 else 0 end as flat_share
          from meter m join service_point sp on sp.id = m.service_point_id join customer c on c.id = sp.customer_id
         cross join generate_series(1, extract(month from (:'month' || '-01')::date)::int + 1) k
         where m.meter_number like 'BM%') reads
window w as (partition by meter_id order by k rows between unbounded preceding and 1 preceding);
-- (read k's registers hold the months before k, so the difference from read k to k + 1 is month k's kWh)

analyze meter_register;
select count(*) as register_reads, count(distinct meter_id) as meters from meter_register;
