-- Clock rules that come from a service standard (standards module): the standard version a rule was
-- published from ("GC-TS-001 v2"), shown on the policy screens. A rule copied unchanged into a later
-- policy version keeps its reference; an administrator's own rule has none.
alter table sla_clock_rule add column standard_ref varchar(60);
alter table sla_policy_version add column standard_ref varchar(60);

-- The seeded default rules are the clauses of the seeded standards (standards V2): say so.
update sla_clock_rule set standard_ref = 'GC-FW-001 v1'
 where policy_version_id = 1 and (clock_name in ('FIRST_RESPONSE', 'CLOSE') or order_type = 'SERVICE_APPLICATION');
update sla_clock_rule set standard_ref = 'GC-QX-001 v1' where policy_version_id = 1 and order_type = 'FAULT_REPAIR';
update sla_clock_rule set standard_ref = 'GC-TS-001 v1' where policy_version_id = 1 and order_type = 'COMPLAINT';
update sla_clock_rule set standard_ref = 'GC-RX-001 v1'
 where policy_version_id = 1 and order_type in ('CONSULTATION', 'OPINION', 'REPORT');

-- The reporting view gains, per order, the clocks that ended in time and the clocks that breached, and the
-- standard versions of the rules of those clocks, so a standard's compliance is judged on the clocks its
-- clauses defined (columns added at the end only).
create or replace view sla_order_outcome as
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
       coalesce(bool_or(c.clock_name = 'RETURN_VISIT'), false)                         as return_visit_clock,
       coalesce(array_agg(distinct c.clock_name::varchar)
                    filter (where c.outcome = 'MET' and not c.breach_raised), '{}')    as met_clocks,
       coalesce(array_agg(distinct c.clock_name::varchar)
                    filter (where c.outcome = 'BREACHED' or c.breach_raised), '{}')    as breached_clocks,
       coalesce(array_agg(distinct r.standard_ref)
                    filter (where r.standard_ref is not null and c.outcome = 'MET' and not c.breach_raised),
                '{}')                                                                  as met_standard_refs,
       coalesce(array_agg(distinct r.standard_ref)
                    filter (where r.standard_ref is not null and (c.outcome = 'BREACHED' or c.breach_raised)),
                '{}')                                                                  as breached_standard_refs
  from sla_clock c
  join sla_clock_rule r on r.id = c.rule_id
 group by c.order_id;
