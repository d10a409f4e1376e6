-- Complaint outcomes in the KPI facts, from the complaint module's reporting view complaint_case_kpi:
-- complaint_category (the case's category, corrected by the investigation; null for other types — a complaint's
-- category_code is this category too, so the category filter, split and rollup count it there),
-- complaint_grade, complaint_substantiated (有责, approved) and complaint_appeal_accepted (申诉核减 accepted).
alter table kpi_order_fact
    add column complaint_category        varchar(64),
    add column complaint_grade           varchar(10),
    add column complaint_substantiated   boolean not null default false,
    add column complaint_appeal_accepted boolean not null default false;

update kpi_definition
   set formula_zh = '期间内受理的投诉工单（不含撤销、合并）÷ 范围内客户数 × 10000（受理口径；有责口径与核减后口径见下两项）',
       formula_en = 'complaint orders received (not cancelled or merged) ÷ customers in scope × 10,000 (as received; see the substantiated and after-appeal figures)'
 where name = 'COMPLAINTS_PER_10K';

insert into kpi_definition (name, sort_order, measure, unit, anchor, denominator, numerator, value_expr,
                            name_zh, name_en, formula_zh, formula_en, source) values
('COMPLAINTS_SUBSTANTIATED_PER_10K', 81, 'PER_10K', 'PER_10K', 'ACCEPTED', 'true',
 'f.type = ''COMPLAINT'' and f.status not in (''CANCELLED'', ''MERGED'') and f.complaint_substantiated', null,
 '有责投诉万户比', 'Substantiated complaints per 10,000 customers',
 '期间内受理、经审核认定有责的投诉 ÷ 范围内客户数 × 10000（含申诉核减的）',
 'complaints received in the period and substantiated on review ÷ customers in scope × 10,000 (appeals not deducted)',
 '领域参考 §4'),
('COMPLAINTS_AFTER_APPEAL_PER_10K', 82, 'PER_10K', 'PER_10K', 'ACCEPTED', 'true',
 'f.type = ''COMPLAINT'' and f.status not in (''CANCELLED'', ''MERGED'') and f.complaint_substantiated and not f.complaint_appeal_accepted', null,
 '投诉万户比（核减后）', 'Complaints per 10,000 customers after appeals',
 '期间内受理、认定有责且未经申诉核减的投诉 ÷ 范围内客户数 × 10000（考核口径）',
 'complaints received in the period, substantiated and not removed by an accepted appeal ÷ customers in scope × 10,000 (the assessed figure)',
 '领域参考 §4：有责投诉（申诉核减后）÷ 客户数 × 10000');

insert into kpi_target (kpi, unit_id, comparison, target, amber_band, note, updated_by, updated_at) values
('COMPLAINTS_AFTER_APPEAL_PER_10K', null, '<=', 0.5, 0.25, '默认值（可调整）', 'migration', now());
