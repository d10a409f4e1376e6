-- The work order module's published reporting interface (see docs/architecture.md): one read-only row per
-- order with the moments the KPIs are computed from, derived from the timeline and the return-visit
-- history (events), never from counters such as reopen_count. Other modules (analytics) read this view,
-- never the tables behind it; its columns are a contract: add columns, do not rename or drop them.
--
-- first_response_at: the first 接单 (ACCEPT, the TAKEN event) or reply (REPLY, or the CLOSE of a
--   consultation answered at first contact, which records the REPLIED event) — the events that stop the
--   FIRST_RESPONSE clock (sla.OrderEvent.TAKEN: "counts as the first response to the customer").
-- replied_at: the last reply; closed_at: the last archiving, only while the order is CLOSED (a reopened
--   order is open again); arrived_at / restored_at: the first arrival on site and the first restoration.
-- reopened: a REOPEN step exists; repeated: a later order was accepted as a repeat of this one.
-- visit_*: the latest attempt that ended the return visit (work_order_visit.final).
-- visited_any: the order had a return visit step or attempt (with the SLA's RETURN_VISIT clock, what
--   "requires a visit" means for the return-visit rate).
create index work_order_repeat_of on work_order (repeat_of_id) where repeat_of_id is not null;

create view wo_kpi_source as
select o.id                                   as order_id,
       o.number,
       o.unit_id,
       o.type,
       o.sub_type,
       o.channel,
       o.category_code,
       o.priority,
       o.area_type,
       o.created_by,
       o.handler,
       o.customer_number,
       o.status,
       o.repeat,
       o.repeat_of_id,
       o.created_at                           as accepted_at,
       t.first_response_at,
       t.replied_at,
       case when o.status = 'CLOSED' then t.last_closed_at end as closed_at,
       t.arrived_at,
       t.restored_at,
       coalesce(t.reopened, false)            as reopened,
       exists (select 1 from work_order r where r.repeat_of_id = o.id) as repeated,
       v.result                               as visit_result,
       v.visited_at,
       (coalesce(t.visit_steps, 0) > 0 or exists (select 1 from work_order_visit a where a.order_id = o.id))
                                              as visited_any,
       o.version                              as order_version
  from work_order o
 cross join lateral (
        select min(s.occurred_at) filter (where s.action in ('ACCEPT', 'REPLY')
                    or (s.action = 'CLOSE' and s.from_status = 'ACCEPTED' and o.type = 'CONSULTATION'))
                                                                          as first_response_at,
               max(s.occurred_at) filter (where s.action = 'REPLY'
                    or (s.action = 'CLOSE' and s.from_status = 'ACCEPTED' and o.type = 'CONSULTATION'))
                                                                          as replied_at,
               max(s.occurred_at) filter (where s.to_status = 'CLOSED' and s.action = 'CLOSE') as last_closed_at,
               min(s.occurred_at) filter (where s.action = 'ARRIVE')     as arrived_at,
               min(s.occurred_at) filter (where s.action = 'RESTORE')    as restored_at,
               bool_or(s.action = 'REOPEN')                               as reopened,
               count(*) filter (where s.action = 'VISIT')                 as visit_steps
          from work_order_timeline s
         where s.order_id = o.id) t
  left join lateral (
        select a.result, a.visited_at
          from work_order_visit a
         where a.order_id = o.id and a.final
         order by a.attempt desc
         limit 1) v on true;
