-- Loads work orders into a GridCare database for the work-order benchmarks (queues, lists).
-- Run on demand (never in the test suite) after bench/customers-1m.sql, e.g.:
--   psql -h localhost -p 55431 -U postgres -d gridcare -v count=1000000 -f bench/work-orders-1m.sql
-- Orders are spread over the last 365 days (Asia/Shanghai), over the customers and their stations;
-- 88 % are archived (CLOSED), the rest open in every status, a few with SLA warnings or breaches.
-- Numbers follow GridCare's scheme (GD + yyyyMMdd + 6-digit daily sequence) and the daily counters
-- are moved past them, so orders created through the API afterwards continue without gaps.
\set ON_ERROR_STOP on
\if :{?count}
\else
  \set count 1000000
\endif
\timing on

create temporary table bench_customer as
select row_number() over (order by c.id) as rn, c.number, c.unit_id, u.code as unit_code, u.area_type,
       c.address, c.name
  from customer c join org_unit u on u.id = c.unit_id;
create index on bench_customer (rn);
select count(*) as customers from bench_customer \gset

create temporary table bench_order as
select g,
       (now() at time zone 'Asia/Shanghai')::date - (g % 365) as day,
       (array['FAULT_REPAIR','CONSULTATION','COMPLAINT','SERVICE_APPLICATION','REPORT','OPINION'])[1 + (g % 6)] as type,
       case when g % 100 < 88 then 'CLOSED'
            when g % 100 < 91 then 'ACCEPTED'
            when g % 100 < 93 then 'DISPATCHED'
            when g % 100 < 95 then 'IN_PROGRESS'
            when g % 100 < 96 then 'REPLIED'
            when g % 100 < 97 then 'SUSPENDED'
            when g % 100 < 98 then 'CANCELLED'
            else 'VISITED' end as status,
       1 + ((g::bigint * 7919) % :customers) as rn
  from generate_series(1, :count) g;

insert into work_order (number, type, sub_type, category_code, channel, priority, status, customer_number,
                        caller_name, caller_phone, address, area_type, unit_id, unit_code, handler, description,
                        sla_state, created_by, created_at, updated_at, version)
select 'GD' || to_char(o.day, 'YYYYMMDD') || lpad(row_number() over (partition by o.day order by o.g)::text, 6, '0'),
       o.type,
       case when o.type = 'SERVICE_APPLICATION' then 'OTHER' end,
       case o.type when 'FAULT_REPAIR' then 'FAULT_REPAIR.NO_POWER' when 'CONSULTATION' then 'CONSULTATION.TARIFF'
                   when 'COMPLAINT' then 'COMPLAINT.SERVICE' when 'SERVICE_APPLICATION' then 'SERVICE_APPLICATION'
                   when 'REPORT' then 'REPORT.THEFT' else 'OPINION' end,
       (array['HOTLINE_95598','HOTLINE_95598','HOTLINE_95598','APP','WECHAT','WEB','COUNTER','GOV_12345','REGULATOR_12398'])[1 + (o.g % 9)],
       case when o.g % 50 = 0 then 'URGENT' else 'NORMAL' end,
       o.status, c.number, c.name, '138' || lpad(((o.g::bigint * 104729) % 100000000)::text, 8, '0'), c.address,
       c.area_type, c.unit_id, c.unit_code,
       case when o.status in ('ACCEPTED', 'CANCELLED') then null else 'bench.crew' || (o.g % 20) end,
       '压测工单 ' || o.g,
       case when o.status in ('CLOSED', 'CANCELLED', 'VISITED') then 'NONE'
            when o.g % 37 = 0 then 'BREACHED' when o.g % 41 = 0 then 'WARNING' else 'NONE' end,
       'bench',
       (o.day + time '08:00' + (o.g % 43200) * interval '1 second') at time zone 'Asia/Shanghai',
       (o.day + time '08:00' + (o.g % 43200) * interval '1 second') at time zone 'Asia/Shanghai',
       0
  from bench_order o join bench_customer c on c.rn = o.rn;

insert into work_order_counter (day, last)
select to_date(substr(number, 3, 8), 'YYYYMMDD'), max(substr(number, 11, 6)::integer)
  from work_order where created_by = 'bench'
 group by 1
on conflict (day) do update set last = greatest(work_order_counter.last, excluded.last);

analyze work_order;
select status, count(*) from work_order group by status order by 2 desc;
