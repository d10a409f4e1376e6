-- The SLA module's published reporting interface (see docs/architecture.md): one read-only row per order
-- with the outcome of its clocks. Other modules (analytics) read this view, never sla_clock itself; its
-- columns are a contract: add columns, do not rename or drop them.
--
-- breached: some clock ended late or passed its due time while running (breach raised).
-- warned: some clock passed its warning threshold.
-- all_met: every clock that was judged (not VOID) ended in time; null when the order had none.
-- arrival_*: the order's first ARRIVAL clock (repairs): its due time and whether the crew arrived in
--   time (true), late or not at all by the due time (false), or null while it still runs in time / VOID.
-- return_visit_clock: the policy gave the order a RETURN_VISIT clock (the order requires a visit).
create view sla_order_outcome as
select c.order_id,
       count(*) filter (where c.outcome is distinct from 'VOID')                       as clocks,
       coalesce(bool_or(c.outcome = 'BREACHED' or c.breach_raised), false)             as breached,
       coalesce(bool_or(c.warning_raised), false)                                      as warned,
       bool_and(coalesce(c.outcome, 'RUNNING') = 'MET' and not c.breach_raised)
           filter (where c.outcome is distinct from 'VOID')                            as all_met,
       (array_agg(c.due_at order by c.id) filter (where c.clock_name = 'ARRIVAL'))[1]  as arrival_due_at,
       (array_agg(case when c.outcome = 'MET' then true
                       when c.outcome = 'BREACHED' or c.breach_raised then false end order by c.id)
            filter (where c.clock_name = 'ARRIVAL'))[1]                                as arrival_met,
       coalesce(bool_or(c.clock_name = 'RETURN_VISIT'), false)                         as return_visit_clock
  from sla_clock c
 group by c.order_id;
