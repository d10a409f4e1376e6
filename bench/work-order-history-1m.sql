-- Gives the orders of bench/work-orders-1m.sql a history, so that the KPI facts have something to count:
-- timeline steps (accepted, taken, on site, restored, replied, visited, closed or cancelled), a final return
-- visit for visited types, and the FIRST_RESPONSE (all) and ARRIVAL (repairs) clocks with their outcomes.
-- About 4 % of first responses come after 24 h, about 10 % of repair arrivals after 45 min; visits are
-- 80 % satisfied, 10 % basically satisfied, 5 % dissatisfied, 5 % unreachable. Run after
-- work-orders-1m.sql (and once), then rebuild the KPI facts (POST /api/v1/kpis/facts/rebuild):
--   psql -h localhost -p 55441 -U postgres -d gridcare -f bench/work-order-history-1m.sql
\set ON_ERROR_STOP on
\timing on

create temporary table bench_history as
select o.id, o.type, o.status, o.created_at,
       o.created_at + ((o.id * 7) % 1500) * interval '1 minute' as taken_at,
       o.created_at + (20 + (o.id * 13) % 30 + case when o.id % 10 = 0 then 40 else 0 end) * interval '1 minute'
           as arrived_at,
       o.created_at + (100 + (o.id * 17) % 200) * interval '1 minute' as restored_at,
       o.created_at + (1500 + (o.id * 11) % 2880) * interval '1 minute' as replied_at
  from work_order o
 where o.created_by = 'bench'
   and not exists (select 1 from work_order_timeline t where t.order_id = o.id);

insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select id, created_at, 'bench', 'CREATE', null, 'ACCEPTED' from bench_history;

insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select id, created_at + interval '10 minutes', 'bench', 'CANCEL', 'ACCEPTED', 'CANCELLED'
  from bench_history where status = 'CANCELLED';

insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select id, taken_at, 'bench', 'ACCEPT', 'DISPATCHED', 'IN_PROGRESS'
  from bench_history where status not in ('ACCEPTED', 'DISPATCHED', 'CANCELLED');

insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select id, arrived_at, 'bench', 'ARRIVE', 'IN_PROGRESS', 'IN_PROGRESS'
  from bench_history where type = 'FAULT_REPAIR' and status in ('REPLIED', 'VISITED', 'CLOSED');
insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select id, restored_at, 'bench', 'RESTORE', 'IN_PROGRESS', 'IN_PROGRESS'
  from bench_history where type = 'FAULT_REPAIR' and status in ('REPLIED', 'VISITED', 'CLOSED');

insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select id, greatest(replied_at, restored_at + interval '5 minutes'), 'bench', 'REPLY', 'IN_PROGRESS', 'REPLIED'
  from bench_history where status in ('REPLIED', 'VISITED', 'CLOSED');

insert into work_order_visit (order_id, attempt, result, source, final, visitor, visited_at)
select id, 1, case when id % 20 = 0 then 'DISSATISFIED' when id % 20 in (1, 2) then 'BASICALLY_SATISFIED'
                   when id % 20 = 3 then 'UNREACHABLE' else 'SATISFIED' end,
       'AGENT', true, 'bench', greatest(replied_at, restored_at) + interval '3 hours'
  from bench_history
 where status in ('VISITED', 'CLOSED') and type not in ('CONSULTATION', 'OPINION');
insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select v.order_id, v.visited_at, 'bench', 'VISIT', 'REVIEWED', 'VISITED'
  from work_order_visit v join bench_history h on h.id = v.order_id;

insert into work_order_timeline (order_id, occurred_at, actor, action, from_status, to_status)
select id, greatest(replied_at, restored_at) + interval '5 hours', 'bench', 'CLOSE',
       case when type in ('CONSULTATION', 'OPINION') then 'REVIEWED' else 'VISITED' end, 'CLOSED'
  from bench_history where status = 'CLOSED';

insert into sla_order (order_id, policy_version_id, order_type, area_type, channel, started_at)
select h.id, 1, h.type, 'URBAN', 'HOTLINE_95598', h.created_at from bench_history h
on conflict do nothing;

insert into sla_clock (order_id, clock_name, rule_id, started_at, due_at, warning_at, stopped_at, outcome,
                       breach_raised)
select h.id, 'FIRST_RESPONSE',
       (select id from sla_clock_rule where policy_version_id = 1 and clock_name = 'FIRST_RESPONSE' and order_type is null),
       h.created_at, h.created_at + interval '24 hours', h.created_at + interval '19 hours 12 minutes',
       case when h.status not in ('ACCEPTED', 'DISPATCHED', 'CANCELLED') then h.taken_at end,
       case when h.status = 'CANCELLED' then 'VOID'
            when h.status in ('ACCEPTED', 'DISPATCHED') then null
            when h.taken_at <= h.created_at + interval '24 hours' then 'MET' else 'BREACHED' end,
       h.status not in ('CANCELLED') and h.taken_at > h.created_at + interval '24 hours'
  from bench_history h;

insert into sla_clock (order_id, clock_name, rule_id, started_at, due_at, warning_at, stopped_at, outcome,
                       breach_raised)
select h.id, 'ARRIVAL',
       (select id from sla_clock_rule where policy_version_id = 1 and clock_name = 'ARRIVAL'
           and order_type = 'FAULT_REPAIR' and area_type is null),
       h.created_at, h.created_at + interval '45 minutes', h.created_at + interval '36 minutes', h.arrived_at,
       case when h.arrived_at <= h.created_at + interval '45 minutes' then 'MET' else 'BREACHED' end,
       h.arrived_at > h.created_at + interval '45 minutes'
  from bench_history h where h.type = 'FAULT_REPAIR' and h.status in ('REPLIED', 'VISITED', 'CLOSED');

analyze work_order_timeline;
analyze work_order_visit;
analyze sla_clock;
