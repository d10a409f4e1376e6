-- Inspection plans (质检计划): for one month and one unit's subtree, a reproducible random sample of each staff
-- member's closed orders (sample_percent of them, at least min_per_staff, stratified by order type, drawn
-- with `seed`) plus the targeted orders (every complaint, dissatisfied return visit, SLA breach), assigned to
-- inspectors round-robin or by load. Orders come from the work order and SLA modules' reporting views.
create table quality_plan (
    id                 bigserial     primary key,
    month              date          not null,
    unit_id            bigint        not null,
    unit_code          varchar(32)   not null,
    sample_percent     numeric(5, 2) not null check (sample_percent >= 0 and sample_percent <= 100),
    min_per_staff      integer       not null check (min_per_staff >= 0),
    seed               bigint        not null,
    assignment         varchar(12)   not null check (assignment in ('ROUND_ROBIN', 'BY_LOAD')),
    exclude_own_unit   boolean       not null,
    target_complaints  boolean       not null,
    target_dissatisfied boolean      not null,
    target_breaches    boolean       not null,
    population         integer       not null,
    sampled            integer       not null,
    targeted           integer       not null,
    unassigned         integer       not null,
    created_by         varchar(100)  not null,
    created_at         timestamptz   not null,
    unique (month, unit_id)
);

-- An inspection (质检记录): of a work order (kind ORDER, from a plan or added by hand) or a spot check outside
-- orders (MYSTERY_VISIT to a business hall, CALL_RECORDING reviewed by reference), scored against the rubric
-- version it keeps. PENDING → SCORED → (APPEALED → DECIDED). error / serious: a failed ERROR / SERIOUS_ERROR
-- item that an appeal has not overturned (the finding stands until overturned).
create table quality_inspection (
    id                bigserial     primary key,
    kind              varchar(16)   not null check (kind in ('ORDER', 'MYSTERY_VISIT', 'CALL_RECORDING')),
    plan_id           bigint        references quality_plan (id),
    order_id          bigint,
    order_number      varchar(20),
    order_type        varchar(30)   not null,
    unit_id           bigint        not null,
    staff_username    varchar(100),
    taken_by          varchar(100),
    reasons           varchar(60)   not null,
    subject_ref       varchar(200),
    occurred_at       timestamptz   not null,
    inspector         varchar(100),
    rubric_version_id bigint        not null references quality_rubric_version (id),
    status            varchar(10)   not null check (status in ('PENDING', 'SCORED', 'APPEALED', 'DECIDED')),
    earned_points     numeric(8, 2),
    max_points        numeric(8, 2),
    score             numeric(5, 2),
    error             boolean       not null default false,
    serious           boolean       not null default false,
    comment           varchar(4000),
    scored_at         timestamptz,
    appeal_due_at     timestamptz,
    appeal_reason     varchar(2000),
    appealed_at       timestamptz,
    decided_by        varchar(100),
    decided_at        timestamptz,
    decision_note     varchar(2000),
    created_by        varchar(100)  not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           integer       not null default 0,
    check ((kind = 'ORDER') = (order_id is not null))
);
create unique index quality_inspection_order on quality_inspection (order_id) where order_id is not null;
create index quality_inspection_inspector on quality_inspection (inspector, status);
create index quality_inspection_staff on quality_inspection (staff_username, created_at desc);
create index quality_inspection_plan on quality_inspection (plan_id);
create index quality_inspection_unit on quality_inspection (unit_id, created_at desc);

-- One result per rubric item; appeal_outcome is set on the items the staff member appealed.
create table quality_finding (
    id             bigserial     primary key,
    inspection_id  bigint        not null references quality_inspection (id),
    item_id        bigint        not null references quality_rubric_item (id),
    result         varchar(14)   not null check (result in ('PASS', 'FAIL', 'NOT_APPLICABLE')),
    comment        varchar(2000),
    appealed       boolean       not null default false,
    appeal_outcome varchar(10)   check (appeal_outcome in ('UPHELD', 'OVERTURNED')),
    unique (inspection_id, item_id)
);

-- The quality module's published reporting interface (see docs/architecture.md): one row per inspected work
-- order (scored, whatever its appeal), for the KPI facts of the analytics module. Spot checks are not in it:
-- they are counted on their own. Columns are a contract: add, never rename or drop.
create view quality_order_result as
select i.order_id,
       i.scored_at     as inspected_at,
       i.error         as confirmed_error,
       i.serious,
       i.score,
       i.staff_username,
       i.inspector,
       i.unit_id
  from quality_inspection i
 where i.kind = 'ORDER' and i.status in ('SCORED', 'APPEALED', 'DECIDED');
