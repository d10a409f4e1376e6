-- KPI facts (考核指标事实表): one row per work order with the moments and outcomes the KPIs count, refreshed
-- from the work order and SLA modules' reporting views (wo_kpi_source, sla_order_outcome) — for one order
-- when its events arrive, for an id range after a bulk import, or for all orders on an administrator's
-- rebuild. Nothing here is a counter: every column is recomputed from the events each time.
create table kpi_order_fact (
    order_id          bigint       primary key,
    number            varchar(20)  not null,
    unit_id           bigint       not null,
    type              varchar(30)  not null,
    sub_type          varchar(30),
    channel           varchar(30)  not null,
    category_code     varchar(64)  not null,
    priority          varchar(10)  not null,
    area_type         varchar(10)  not null,
    created_by        varchar(100) not null,
    handler           varchar(100),
    customer_number   varchar(13),
    status            varchar(20)  not null,
    repeat            boolean      not null,
    reopened          boolean      not null,
    repeated          boolean      not null,
    accepted_at       timestamptz  not null,
    first_response_at timestamptz,
    replied_at        timestamptz,
    closed_at         timestamptz,
    arrived_at        timestamptz,
    restored_at       timestamptz,
    visit_required    boolean      not null,
    visit_result      varchar(30),
    visited_at        timestamptz,
    breached          boolean      not null,
    warned            boolean      not null,
    all_clocks_met    boolean      not null,
    arrival_due_at    timestamptz,
    arrival_met       boolean,
    refreshed_at      timestamptz  not null default now()
);
-- Each KPI counts orders by one moment (accepted, closed or visited) within the period.
create index kpi_order_fact_accepted on kpi_order_fact (accepted_at);
create index kpi_order_fact_closed on kpi_order_fact (closed_at) where closed_at is not null;
create index kpi_order_fact_visited on kpi_order_fact (visited_at) where visited_at is not null;
create index kpi_order_fact_unit_accepted on kpi_order_fact (unit_id, accepted_at);
create index kpi_order_fact_handler on kpi_order_fact (handler, accepted_at);

-- The KPI formulas (domain reference §4) as data. Each KPI counts the facts whose `anchor` moment lies
-- in the period and that satisfy `denominator`; `numerator` selects the ones that count in its favour
-- (RATE: numerator ÷ denominator; COUNT: how many satisfy both; MEAN/MEDIAN: of `value_expr` over the
-- denominator; PER_10K: numerator ÷ customers in scope × 10,000; NO_DATA: not measurable yet).
-- Predicates are SQL over kpi_order_fact (alias f) with the parameters :now, :responseHours and
-- :satisfiedResults; only migrations write this table (administrators change targets and settings).
create table kpi_definition (
    name        varchar(40)  primary key,
    sort_order  integer      not null,
    measure     varchar(10)  not null check (measure in ('COUNT', 'RATE', 'MEAN', 'MEDIAN', 'PER_10K', 'NO_DATA')),
    unit        varchar(10)  not null check (unit in ('ORDERS', 'PERCENT', 'HOURS', 'MINUTES', 'PER_10K')),
    anchor      varchar(10)  not null check (anchor in ('ACCEPTED', 'CLOSED', 'VISITED')),
    denominator text         not null,
    numerator   text         not null,
    value_expr  text,
    name_zh     varchar(50)  not null,
    name_en     varchar(80)  not null,
    formula_zh  varchar(300) not null,
    formula_en  varchar(300) not null,
    source      varchar(200)
);

insert into kpi_definition (name, sort_order, measure, unit, anchor, denominator, numerator, value_expr,
                            name_zh, name_en, formula_zh, formula_en, source) values
('ORDERS_RECEIVED', 10, 'COUNT', 'ORDERS', 'ACCEPTED', 'true', 'true', null,
 '受理工单量', 'Orders received', '期间内受理的工单数', 'orders accepted in the period', null),
('RESPONSE_24H', 20, 'RATE', 'PERCENT', 'ACCEPTED',
 'f.first_response_at is not null or (f.status not in (''CANCELLED'', ''MERGED'', ''CLOSED'') and f.accepted_at + make_interval(hours => :responseHours) <= :now)',
 'f.first_response_at <= f.accepted_at + make_interval(hours => :responseHours)', null,
 '响应及时率', 'Response within 24 h',
 '受理后 24 小时内首次响应（接单或答复）的工单 ÷ 受理工单（不含未响应即撤销、合并或归档的，以及仍在响应时限内的）',
 'orders first responded to (taken or replied) within 24 h ÷ orders received (without those finished before any response and those still within the limit)',
 '供电服务指南：服务响应时间应控制在24小时内'),
('ON_TIME', 30, 'RATE', 'PERCENT', 'CLOSED', 'true', 'f.all_clocks_met', null,
 '工单及时率', 'On-time rate', '所有时限均按时完成的工单 ÷ 期间内归档的工单',
 'orders whose every clock met its deadline ÷ orders closed in the period', '领域参考 §4'),
('HANDLING_HOURS_MEAN', 40, 'MEAN', 'HOURS', 'CLOSED', 'true', 'true',
 'extract(epoch from f.closed_at - f.accepted_at) / 3600',
 '平均处理时长', 'Mean handling time', '期间内归档工单从受理到归档的平均小时数',
 'mean hours from acceptance to archiving of the orders closed in the period', null),
('HANDLING_HOURS_MEDIAN', 50, 'MEDIAN', 'HOURS', 'CLOSED', 'true', 'true',
 'extract(epoch from f.closed_at - f.accepted_at) / 3600',
 '处理时长中位数', 'Median handling time', '期间内归档工单从受理到归档小时数的中位数',
 'median hours from acceptance to archiving of the orders closed in the period', null),
('SATISFACTION', 60, 'RATE', 'PERCENT', 'VISITED',
 'f.visit_result in (''SATISFIED'', ''BASICALLY_SATISFIED'', ''DISSATISFIED'')',
 'f.visit_result = any(:satisfiedResults)', null,
 '回访满意率', 'Satisfaction', '（满意 + 基本满意）÷ 成功回访（基本满意是否计入为可配置项）',
 '(satisfied + basically satisfied) ÷ successful return visits (whether basically satisfied counts is a setting)',
 '领域参考 §4；供电服务指南：满意率不低于 90%'),
('RETURN_VISIT_RATE', 70, 'RATE', 'PERCENT', 'CLOSED', 'f.visit_required',
 'f.visit_result in (''SATISFIED'', ''BASICALLY_SATISFIED'', ''DISSATISFIED'')', null,
 '回访率', 'Return-visit rate', '成功回访的工单 ÷ 期间内归档的需回访工单',
 'orders with a successful visit ÷ orders requiring one, closed in the period', '领域参考 §4'),
('COMPLAINTS_PER_10K', 80, 'PER_10K', 'PER_10K', 'ACCEPTED', 'true',
 'f.type = ''COMPLAINT'' and f.status not in (''CANCELLED'', ''MERGED'')', null,
 '投诉万户比', 'Complaints per 10,000 customers',
 '期间内受理的投诉工单 ÷ 范围内客户数 × 10000（投诉核实与申诉上线前按受理的投诉计）',
 'complaint orders received ÷ customers in scope × 10,000 (received complaints until substantiation and appeals exist)',
 '领域参考 §4'),
('REPEAT_RATE', 90, 'RATE', 'PERCENT', 'ACCEPTED',
 'f.type = ''COMPLAINT'' and f.status not in (''CANCELLED'', ''MERGED'')', 'f.repeat', null,
 '重复投诉率', 'Repeat-complaint rate', '重复投诉 ÷ 期间内受理的投诉', 'repeat complaints ÷ complaints received', '领域参考 §4'),
('FIRST_CONTACT_RESOLUTION', 100, 'RATE', 'PERCENT', 'CLOSED', 'true', 'not f.reopened and not f.repeated', null,
 '一次办结率', 'First-contact resolution', '未重办且无重复来电的工单 ÷ 期间内归档的工单',
 'orders resolved without reopening or a repeat order ÷ orders closed in the period', '领域参考 §4'),
('REPAIR_ARRIVAL_ON_TIME', 110, 'RATE', 'PERCENT', 'ACCEPTED',
 'f.type = ''FAULT_REPAIR'' and f.arrival_met is not null', 'f.arrival_met', null,
 '抢修到达及时率', 'Repair arrival on time', '在到达时限（城区 45、农村 90、边远 120 分钟）内到达的报修 ÷ 到达时限已有结论的报修',
 'repairs arriving within their arrival limit (45/90/120 min) ÷ repairs whose arrival clock is decided', '供电服务"十项承诺"'),
('REPAIR_ARRIVAL_MINUTES_MEAN', 120, 'MEAN', 'MINUTES', 'ACCEPTED',
 'f.type = ''FAULT_REPAIR'' and f.arrived_at is not null', 'true',
 'extract(epoch from f.arrived_at - f.accepted_at) / 60',
 '平均到达时长', 'Mean arrival time', '报修从受理到首次到达现场的平均分钟数',
 'mean minutes from acceptance to the first arrival on site, over repairs received', null),
('REPAIR_RESTORATION_MINUTES_MEAN', 130, 'MEAN', 'MINUTES', 'ACCEPTED',
 'f.type = ''FAULT_REPAIR'' and f.arrived_at is not null and f.restored_at is not null', 'true',
 'extract(epoch from f.restored_at - f.arrived_at) / 60',
 '平均修复时长', 'Mean restoration time', '报修从到达现场到恢复送电的平均分钟数',
 'mean minutes from arrival on site to restoration, over repairs received', null),
('OVERDUE', 140, 'COUNT', 'ORDERS', 'ACCEPTED', 'true', 'f.breached', null,
 '超时工单数', 'Overdue orders', '期间内受理、至少一个时限超时的工单数',
 'orders received in the period with at least one clock past its deadline', null),
('ERROR_RATE', 150, 'NO_DATA', 'PERCENT', 'ACCEPTED', 'false', 'false', null,
 '差错率', 'Error rate', '确认存在质量差错的工单 ÷ 质检工单（质检上线后提供数据）',
 'orders with a confirmed quality error ÷ orders inspected (data once quality inspection exists)',
 '供电服务指南：差错率低于 0.5%');

-- Targets (考核目标) per KPI and per unit subtree; unit_id null is the company default. The most specific
-- target along the scope unit's ancestors wins. state: GREEN when the value meets `comparison target`,
-- AMBER within amber_band of it, RED beyond.
create table kpi_target (
    id          bigint generated by default as identity primary key,
    kpi         varchar(40)   not null references kpi_definition (name),
    unit_id     bigint,
    comparison  varchar(2)    not null check (comparison in ('>=', '>', '<=', '<')),
    target      numeric(12, 2) not null,
    amber_band  numeric(12, 2) not null check (amber_band >= 0),
    note        varchar(300),
    updated_by  varchar(100)  not null,
    updated_at  timestamptz   not null
);
create unique index kpi_target_scope on kpi_target (kpi, coalesce(unit_id, 0));

insert into kpi_target (kpi, unit_id, comparison, target, amber_band, note, updated_by, updated_at) values
('RESPONSE_24H', null, '>=', 99, 1, '供电服务指南：24 小时内响应的工单不低于 99%', 'migration', now()),
('SATISFACTION', null, '>=', 90, 2, '供电服务指南：满意率不低于 90%', 'migration', now()),
('ERROR_RATE', null, '<', 0.5, 0.2, '供电服务指南：差错率低于 0.5%', 'migration', now()),
('ON_TIME', null, '>=', 98, 2, '默认值（可调整）', 'migration', now()),
('RETURN_VISIT_RATE', null, '>=', 95, 3, '默认值（可调整）', 'migration', now()),
('COMPLAINTS_PER_10K', null, '<=', 1, 0.5, '默认值（可调整）', 'migration', now()),
('REPEAT_RATE', null, '<=', 5, 2, '默认值（可调整）', 'migration', now()),
('FIRST_CONTACT_RESOLUTION', null, '>=', 90, 5, '默认值（可调整）', 'migration', now()),
('REPAIR_ARRIVAL_ON_TIME', null, '>=', 95, 3, '供电服务"十项承诺"到达时限；目标为默认值（可调整）', 'migration', now());

-- Settings of the formulas, editable by an administrator.
create table kpi_setting (
    name       varchar(50)  primary key,
    value      varchar(100) not null,
    note       varchar(300),
    updated_by varchar(100) not null,
    updated_at timestamptz  not null
);
insert into kpi_setting (name, value, note, updated_by, updated_at) values
('RESPONSE_HOURS', '24', '响应及时率的响应时限（小时）：供电服务指南"服务响应时间应控制在24小时内"', 'migration', now()),
('BASICALLY_SATISFIED_COUNTS', 'true', '回访满意率是否把"基本满意"计为满意（领域参考 §4）', 'migration', now());
