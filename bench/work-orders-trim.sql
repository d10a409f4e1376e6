-- Takes a benchmark database back to the orders it was loaded with: deletes every work order above :keep
-- (the ids bench/work-orders-1m.sql gave, 1..count) with everything that hangs on it, and the audit records
-- written since the first of them, then rewrites the tables so their indexes are as compact as after the load.
-- Each intake run adds ~25,000 orders; after a few hundred runs the order table is several times the volume the
-- targets are set for (docs/benchmarks.md, ninth pass), so run this between series:
--   psql -h localhost -p 55451 -U postgres -d gridcare -v keep=1000000 -f bench/work-orders-trim.sql
-- Takes ~3 min for 3.8M orders on 2 cores. Run it with the server idle; the daily counters are left as they are
-- (numbers after a trim continue past the deleted ones).
\set ON_ERROR_STOP on
\if :{?keep}
\else
  \set keep 1000000
\endif
\timing on
set maintenance_work_mem = '1GB';
-- the deleted rows only reference each other or older rows: no foreign key check is needed (and the self-reference
-- of complaint cases, unindexed, would cost a scan per deleted case)
set session_replication_role = replica;
begin;
create temporary table gone_case as select id from complaint_case where order_id > :keep;
delete from complaint_action where case_id in (select id from gone_case);
delete from complaint_attachment where case_id in (select id from gone_case);
delete from complaint_deadline where case_id in (select id from gone_case);
delete from complaint_event where case_id in (select id from gone_case);
delete from complaint_notice where case_id in (select id from gone_case);
delete from trn_course_case where case_id in (select id from gone_case);
delete from complaint_case where id in (select id from gone_case);
delete from kpi_fact_pending where order_id > :keep;
delete from kpi_order_fact where order_id > :keep;
delete from quality_inspection where order_id > :keep;
delete from sla_clock where order_id > :keep;
delete from sla_order where order_id > :keep;
delete from survey_link where order_id > :keep;
delete from work_order_attachment where order_id > :keep;
delete from work_order_idempotency where order_id > :keep;
delete from work_order_notification where order_id > :keep;
delete from work_order_timeline where order_id > :keep;
delete from work_order_visit where order_id > :keep;
delete from audit_event where occurred_at >= (select min(created_at) from work_order where id > :keep);
delete from work_order where id > :keep;
commit;
vacuum full complaint_case, complaint_deadline, complaint_event, complaint_notice, kpi_order_fact, sla_clock,
  sla_order, work_order_timeline, work_order_idempotency, work_order_notification, audit_event, work_order,
  kpi_fact_pending, event_publication;
-- a rewrite leaves the visibility map empty, and until a plain vacuum sets it every index-only scan reads the heap
-- too: the queue counts took 14-24 ms instead of 0.1-0.5 ms after a trim (docs/benchmarks.md, eleventh pass)
vacuum analyze complaint_case, complaint_deadline, complaint_event, complaint_notice, kpi_order_fact, sla_clock,
  sla_order, work_order_timeline, work_order_idempotency, work_order_notification, audit_event, work_order,
  kpi_fact_pending, event_publication;
-- the rewrite leaves gigabytes of WAL and dirty pages: flushed here, not by checkpoints during the next runs (tenth
-- pass: the first run after a trim had p99 of 100-250 ms while they ran)
checkpoint;
select count(*) as orders from work_order;
