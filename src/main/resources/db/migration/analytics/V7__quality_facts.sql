-- The quality module's inspections in the KPI facts (issue #6): each fact carries its order's inspection result
-- from the reporting view quality_order_result (inspected_at = when it was scored; quality_error = a failed
-- ERROR or SERIOUS_ERROR item that no appeal overturned). ERROR_RATE becomes a RATE over the orders inspected in
-- the period (anchor INSPECTED), and QUALITY_SCORE_MEAN the mean inspection score (0–100 points).
alter table kpi_order_fact
    add column inspected_at    timestamptz,
    add column quality_error   boolean,
    add column quality_serious boolean,
    add column quality_score   numeric(5, 2);
create index kpi_order_fact_inspected on kpi_order_fact (inspected_at) where inspected_at is not null;

alter table kpi_definition drop constraint kpi_definition_anchor_check;
alter table kpi_definition add constraint kpi_definition_anchor_check
    check (anchor in ('ACCEPTED', 'CLOSED', 'VISITED', 'INSPECTED'));
alter table kpi_definition drop constraint kpi_definition_unit_check;
alter table kpi_definition add constraint kpi_definition_unit_check
    check (unit in ('ORDERS', 'PERCENT', 'HOURS', 'MINUTES', 'PER_10K', 'POINTS'));

update kpi_definition
   set measure = 'RATE', unit = 'PERCENT', anchor = 'INSPECTED', denominator = 'f.inspected_at is not null',
       numerator = 'f.quality_error',
       formula_zh = '质检确认存在差错（含严重差错，申诉改判的不计）的工单 ÷ 期间内质检的工单',
       formula_en = 'orders with a confirmed quality error (serious errors included, findings overturned on appeal not) ÷ orders inspected in the period'
 where name = 'ERROR_RATE';

insert into kpi_definition (name, sort_order, measure, unit, anchor, denominator, numerator, value_expr,
                            name_zh, name_en, formula_zh, formula_en, source) values
('QUALITY_SCORE_MEAN', 160, 'MEAN', 'POINTS', 'INSPECTED', 'f.inspected_at is not null and f.quality_score is not null',
 'true', 'f.quality_score', '平均质检得分', 'Mean quality score',
 '期间内质检工单得分（通过项分值 ÷ 适用项分值 × 100）的平均值',
 'mean score (points of items passed ÷ points of applicable items × 100) of the orders inspected in the period', null);

-- the facts of orders already inspected (none on a new database; an upgrade refreshes them on the next rebuild)
update kpi_order_fact f
   set inspected_at = q.inspected_at, quality_error = q.confirmed_error, quality_serious = q.serious,
       quality_score = q.score
  from quality_order_result q
 where q.order_id = f.order_id;
