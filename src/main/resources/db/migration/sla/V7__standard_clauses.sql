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

-- A second reporting view of the SLA module (a contract like sla_order_outcome: add columns, never rename or
-- drop): per order, the standard versions of the rules of its clocks that ended in time and of those that
-- breached (ended late or passed the due time while running). A service standard's compliance is judged on
-- the clocks its clauses defined. Orders none of whose clocks came from a standard have no row. Kept apart
-- from sla_order_outcome so that the KPI refresh does not pay for the join.
create view sla_order_standard_outcome as
select c.order_id,
       coalesce(array_agg(distinct r.standard_ref)
                    filter (where c.outcome = 'MET' and not c.breach_raised), '{}')          as met_standard_refs,
       coalesce(array_agg(distinct r.standard_ref)
                    filter (where c.outcome = 'BREACHED' or c.breach_raised), '{}')          as breached_standard_refs
  from sla_clock c
  join sla_clock_rule r on r.id = c.rule_id
 where r.standard_ref is not null
 group by c.order_id;
