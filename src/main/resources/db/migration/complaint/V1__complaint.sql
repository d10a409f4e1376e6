-- Complaint handling (投诉管理): one case per COMPLAINT work order with its grade and clocks, investigation and
-- responsibility (有责/无责) with reviewer approval, appeal (申诉/核减) decided one level up, rectification
-- actions (整改) with verification, evidence attachments and the notices to leadership and supervisors.

-- Where a complaint came from (投诉来源), derived from the order's channel; editable on the case.
create table complaint_source_rule (
    channel    varchar(30)  primary key,
    source     varchar(20)  not null check (source in ('HOTLINE_95598', 'REGULATOR_12398', 'GOV_12345', 'MEDIA', 'IN_PERSON')),
    updated_by varchar(100) not null,
    updated_at timestamptz  not null
);
insert into complaint_source_rule (channel, source, updated_by, updated_at) values
('HOTLINE_95598', 'HOTLINE_95598', 'migration', now()),
('APP', 'HOTLINE_95598', 'migration', now()),
('WEB', 'HOTLINE_95598', 'migration', now()),
('WECHAT', 'HOTLINE_95598', 'migration', now()),
('EMAIL', 'HOTLINE_95598', 'migration', now()),
('REGULATOR_12398', 'REGULATOR_12398', 'migration', now()),
('GOV_12345', 'GOV_12345', 'migration', now()),
('COUNTER', 'IN_PERSON', 'migration', now()),
('FIELD', 'IN_PERSON', 'migration', now());

-- The clocks of a case by grade (投诉分级时限). The grading itself is *assumed* (domain reference §2: common
-- practice 一般/重要/重大, 重大 = injury, media attention or special events, reported to leadership at once):
-- investigation = findings approved, closure = rectification verified and the case closed, both in working days
-- after the complaint was received (sla working-day calendar); the warning is raised when warn_percent of the
-- time has passed.
create table complaint_grade_rule (
    grade                      varchar(10)  primary key check (grade in ('ORDINARY', 'IMPORTANT', 'MAJOR')),
    investigation_working_days integer      not null check (investigation_working_days between 1 and 60),
    closure_working_days       integer      not null check (closure_working_days between 1 and 120),
    warn_percent               integer      not null check (warn_percent between 1 and 99),
    notify_leadership          boolean      not null,
    note                       varchar(300),
    updated_by                 varchar(100) not null,
    updated_at                 timestamptz  not null,
    check (closure_working_days >= investigation_working_days)
);
insert into complaint_grade_rule (grade, investigation_working_days, closure_working_days, warn_percent,
                                  notify_leadership, note, updated_by, updated_at) values
('ORDINARY', 4, 15, 75, false, '一般投诉：4 个工作日内核实答复（95598 投诉答复时限），15 个工作日内整改闭环（假定值，可调整）', 'migration', now()),
('IMPORTANT', 3, 10, 60, false, '重要投诉：时限收紧（假定值，可调整）', 'migration', now()),
('MAJOR', 1, 5, 50, true, '重大投诉（人身伤害、媒体关注、特殊事件）：立即报告单位领导，1 个工作日内核实（假定值，可调整）', 'migration', now());

-- Root causes (投诉原因) an investigation chooses from.
create table complaint_root_cause (
    code       varchar(40)  primary key,
    name       varchar(100) not null,
    name_en    varchar(100) not null,
    sort_order integer      not null,
    enabled    boolean      not null default true
);
insert into complaint_root_cause (code, name, name_en, sort_order) values
('STAFF_BEHAVIOUR', '员工服务行为', 'Staff behaviour', 10),
('TIME_LIMIT_OVERRUN', '办理超时限', 'Time limit overrun', 20),
('BILLING_ERROR', '电费差错', 'Billing error', 30),
('METERING_ERROR', '计量差错', 'Metering error', 40),
('OUTAGE_NOTICE_MISSING', '停电未通知', 'Outage notice missing', 50),
('SUPPLY_QUALITY', '供电质量', 'Supply quality', 60),
('CONSTRUCTION', '电网建设施工', 'Construction', 70),
('POLICY', '政策规定（非企业责任）', 'Policy (not the company''s fault)', 80),
('CUSTOMER_MISUNDERSTANDING', '客户误解', 'Customer misunderstanding', 90),
('OTHER', '其他', 'Other', 100);

create table complaint_case (
    id                      bigserial     primary key,
    order_id                bigint        not null unique,
    order_number            varchar(20)   not null,
    unit_id                 bigint        not null,
    customer_number         varchar(13),
    channel                 varchar(30)   not null,
    source                  varchar(20)   not null check (source in ('HOTLINE_95598', 'REGULATOR_12398', 'GOV_12345', 'MEDIA', 'IN_PERSON')),
    category_code           varchar(64)   not null,
    grade                   varchar(10)   not null references complaint_grade_rule (grade),
    grade_reason            varchar(500),
    injury                  boolean       not null default false,
    media                   boolean       not null default false,
    special_event           boolean       not null default false,
    escalation_risk         boolean       not null default false,
    repeat_of_id            bigint        references complaint_case (id),
    status                  varchar(20)   not null check (status in ('OPEN', 'UNDER_REVIEW', 'DETERMINED', 'CLOSED', 'WITHDRAWN')),
    findings                varchar(4000),
    root_cause              varchar(40)   references complaint_root_cause (code),
    responsibility          varchar(20)   check (responsibility in ('SUBSTANTIATED', 'NOT_SUBSTANTIATED')),
    responsible_unit_id     bigint,
    responsible_staff       varchar(100),
    investigated_by         varchar(100),
    investigated_at         timestamptz,
    approved_by             varchar(100),
    approved_at             timestamptz,
    review_comment          varchar(2000),
    appeal_status           varchar(10)   not null default 'NONE' check (appeal_status in ('NONE', 'PENDING', 'ACCEPTED', 'REJECTED')),
    appeal_reason           varchar(4000),
    appealed_by             varchar(100),
    appealed_at             timestamptz,
    appeal_decided_by       varchar(100),
    appeal_decided_at       timestamptz,
    appeal_comment          varchar(2000),
    received_at             timestamptz   not null,
    closed_at               timestamptz,
    closed_by               varchar(100),
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 integer       not null default 0
);
create index complaint_case_unit_received on complaint_case (unit_id, received_at desc);
create index complaint_case_customer on complaint_case (customer_number, received_at desc) where customer_number is not null;
create index complaint_case_open on complaint_case (status) where status in ('OPEN', 'UNDER_REVIEW', 'DETERMINED');
create index complaint_case_responsible on complaint_case (responsible_unit_id) where responsible_unit_id is not null;

-- The case's clocks (INVESTIGATION, CLOSURE): due times from the grade rule and the working-day calendar;
-- regraded cases get new due times; the scanner raises each warning and breach once.
create table complaint_deadline (
    id             bigserial    primary key,
    case_id        bigint       not null references complaint_case (id),
    kind           varchar(20)  not null check (kind in ('INVESTIGATION', 'CLOSURE')),
    started_at     timestamptz  not null,
    warn_at        timestamptz  not null,
    due_at         timestamptz  not null,
    stopped_at     timestamptz,
    warning_raised boolean      not null default false,
    breach_raised  boolean      not null default false,
    unique (case_id, kind)
);
create index complaint_deadline_warn on complaint_deadline (warn_at) where stopped_at is null and not warning_raised;
create index complaint_deadline_due on complaint_deadline (due_at) where stopped_at is null and not breach_raised;

-- Rectification actions (整改措施): OPEN → DONE (by the owner) → VERIFIED (by a supervisor; a failed
-- verification sends it back to OPEN).
create table complaint_action (
    id            bigserial     primary key,
    case_id       bigint        not null references complaint_case (id),
    description   varchar(2000) not null,
    owner         varchar(100)  not null,
    due_date      date          not null,
    status        varchar(10)   not null check (status in ('OPEN', 'DONE', 'VERIFIED')),
    completion    varchar(2000),
    completed_at  timestamptz,
    verified_by   varchar(100),
    verified_at   timestamptz,
    verification  varchar(2000),
    created_by    varchar(100)  not null,
    created_at    timestamptz   not null,
    version       integer       not null default 0
);
create index complaint_action_case on complaint_action (case_id, id);

-- Evidence (证据材料) of the investigation, the appeal or the rectification: size-limited, type checked by content.
create table complaint_attachment (
    id           bigserial    primary key,
    case_id      bigint       not null references complaint_case (id),
    purpose      varchar(20)  not null check (purpose in ('INVESTIGATION', 'APPEAL', 'RECTIFICATION')),
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    content      bytea        not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null
);
create index complaint_attachment_case on complaint_attachment (case_id, id);

-- The case's history: every step with who, when and what.
create table complaint_event (
    id          bigserial     primary key,
    case_id     bigint        not null references complaint_case (id),
    occurred_at timestamptz   not null,
    actor       varchar(100)  not null,
    action      varchar(30)   not null,
    detail      varchar(2000)
);
create index complaint_event_case on complaint_event (case_id, id);

-- Notices (通知): a MAJOR complaint to the unit's leadership (MANAGER), clock warnings and breaches to the
-- unit's supervisors and managers. A notice is for every user of that role whose scope holds the unit.
create table complaint_notice (
    id               bigserial    primary key,
    case_id          bigint       not null references complaint_case (id),
    order_number     varchar(20)  not null,
    unit_id          bigint       not null,
    recipient_role   varchar(20)  not null,
    kind             varchar(30)  not null,
    detail           varchar(2000),
    created_at       timestamptz  not null
);
create index complaint_notice_unit on complaint_notice (unit_id, created_at desc);

-- The complaint module's reporting interface (see docs/architecture.md): one row per case with what the KPIs
-- count. substantiated: the approved responsibility is SUBSTANTIATED (有责); appeal_accepted: an appeal removed
-- it from the count after appeals (核减). Columns are a contract: add, never rename or drop.
create view complaint_case_kpi as
select c.order_id,
       c.id                                  as case_id,
       c.category_code,
       c.grade,
       c.source,
       c.status,
       c.repeat_of_id is not null            as repeat,
       c.responsible_unit_id,
       (c.approved_at is not null and c.responsibility = 'SUBSTANTIATED') as substantiated,
       c.appeal_status = 'ACCEPTED'          as appeal_accepted,
       c.received_at,
       c.closed_at
  from complaint_case c;
