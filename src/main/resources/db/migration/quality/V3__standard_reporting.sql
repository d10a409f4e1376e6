-- The seeded default rubrics (V1) are the rubric clauses of the seeded service standards (standards V4): say so,
-- as the SLA module does for its default rules (sla V7). The hotline norms cover the orders the hotline answers
-- itself, the repair and complaint norms their own types, the service commitments the service applications.
update quality_rubric_version
   set source_standard_ref = case order_type
                                 when 'FAULT_REPAIR' then 'GC-QX-001 v1'
                                 when 'COMPLAINT' then 'GC-TS-001 v1'
                                 when 'SERVICE_APPLICATION' then 'GC-FW-001 v1'
                                 else 'GC-RX-001 v1' end
 where created_by = 'migration' and number = 1 and source_standard_ref is null;

-- quality_order_result (V2) gains the order type, the rubric version an inspection was scored with and the service
-- standard that rubric came from (null: written in GridCare), for the standards module's compliance. Columns are
-- a contract: add, never rename or drop.
create or replace view quality_order_result as
select i.order_id,
       i.scored_at     as inspected_at,
       i.error         as confirmed_error,
       i.serious,
       i.score,
       i.staff_username,
       i.inspector,
       i.unit_id,
       i.order_type,
       i.rubric_version_id,
       v.source_standard_ref as rubric_standard_ref
  from quality_inspection i
  join quality_rubric_version v on v.id = i.rubric_version_id
 where i.kind = 'ORDER' and i.status in ('SCORED', 'APPEALED', 'DECIDED');

-- A third reporting view: one row per finding that stands (an item failed and not overturned on appeal) of a
-- scored order inspection, with the item and the standard its rubric came from — the inspection findings of a
-- standard's evaluation report. Columns are a contract: add, never rename or drop.
create view quality_standing_finding as
select i.order_id,
       i.scored_at      as inspected_at,
       i.unit_id,
       i.order_type,
       v.source_standard_ref as rubric_standard_ref,
       it.code          as item_code,
       it.name          as item_name,
       it.name_en       as item_name_en,
       it.severity
  from quality_finding f
  join quality_inspection i on i.id = f.inspection_id
  join quality_rubric_item it on it.id = f.item_id
  join quality_rubric_version v on v.id = i.rubric_version_id
 where i.kind = 'ORDER' and i.status in ('SCORED', 'APPEALED', 'DECIDED')
   and f.result = 'FAIL' and f.appeal_outcome is distinct from 'OVERTURNED';
