-- Gives the first :meters bench customers (by id; numbers 3301…, from customers-1m.sql) a meter numbered 'BM' + customer number at service point
-- SP01, installed 2020-01-01, multiplier 1 — the meters of the metering import benchmark.
-- Run after bench/customers-1m.sql, e.g.:
--   psql -h localhost -p 55431 -U postgres -d gridcare -v meters=10000 -f bench/meters.sql
\set ON_ERROR_STOP on
\if :{?meters}
\else
  \set meters 10000
\endif
insert into service_point (customer_id, code, created_at)
select id, 'SP01', now() from customer where number like '3301%' order by id limit :meters
on conflict do nothing;
insert into meter (service_point_id, meter_number, type, multiplier, installed_on, created_at)
select sp.id, 'BM' || c.number, 'SINGLE_PHASE', 1, date '2020-01-01', now()
  from (select id, number from customer where number like '3301%' order by id limit :meters) c
  join service_point sp on sp.customer_id = c.id and sp.code = 'SP01'
on conflict do nothing;
select count(*) as bench_meters from meter where meter_number like 'BM%';
