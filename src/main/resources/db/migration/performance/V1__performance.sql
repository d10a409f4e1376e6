-- Performance assessment (绩效考核): monthly scorecards per staff member from the other modules' figures.
-- The components, the schemes (weights, targets, steps and grade bands per position, effective by month) and the
-- stored cards. Only their public APIs feed the figures; nothing here reads another module's tables.

-- The components a card is made of and how each is normalised to 0–100 points (see docs/configuration.md):
--   RATIO         points = min(100, 100 × value ÷ target)                         (higher is better)
--   INVERSE_RATIO points = 100 when value ≤ target, else max(0, 100 × (2 × target − value) ÷ target)
--   LINEAR_UP     points = max(0, min(100, 100 − step × (target − value)))         (higher is better, per unit short)
--   LINEAR_DOWN   points = max(0, 100 − step × max(0, value − target))            (lower is better, per unit above)
create table perf_component (
    code          varchar(30)  primary key check (code in ('VOLUME', 'ON_TIME', 'SATISFACTION', 'QUALITY_SCORE',
                      'ERROR_RATE', 'COMPLAINTS', 'TRAINING', 'INCENTIVE_POINTS')),
    sort_order    integer      not null,
    normalisation varchar(20)  not null check (normalisation in ('RATIO', 'INVERSE_RATIO', 'LINEAR_UP', 'LINEAR_DOWN')),
    value_unit    varchar(10)  not null check (value_unit in ('ORDERS', 'PERCENT', 'POINTS', 'COUNT')),
    name_zh       varchar(50)  not null,
    name_en       varchar(80)  not null,
    source_zh     varchar(300) not null,
    source_en     varchar(300) not null
);
insert into perf_component (code, sort_order, normalisation, value_unit, name_zh, name_en, source_zh, source_en) values
('VOLUME', 10, 'RATIO', 'ORDERS', '工作量', 'Volume handled',
 '当月受理、由本人处理（无处理人时为受理人）的工单数（指标 ORDERS_RECEIVED，按员工分组）',
 'orders accepted in the month whose handler (else the agent who took them) is the staff member (KPI ORDERS_RECEIVED by staff)'),
('ON_TIME', 20, 'RATIO', 'PERCENT', '工单及时率', 'On-time rate',
 '当月归档的本人工单中所有时限均按时完成的比例（指标 ON_TIME）', 'KPI ON_TIME of the staff member''s orders closed in the month'),
('SATISFACTION', 30, 'RATIO', 'PERCENT', '回访满意率', 'Satisfaction',
 '当月成功回访的本人工单中满意（含基本满意，视指标设置）的比例（指标 SATISFACTION）',
 'KPI SATISFACTION of the staff member''s orders visited in the month'),
('QUALITY_SCORE', 40, 'RATIO', 'POINTS', '质检得分', 'Quality score',
 '当月质检的本人工单平均得分（指标 QUALITY_SCORE_MEAN）', 'KPI QUALITY_SCORE_MEAN of the staff member''s orders inspected in the month'),
('ERROR_RATE', 50, 'INVERSE_RATIO', 'PERCENT', '差错率', 'Error rate',
 '当月质检的本人工单中确认差错的比例（指标 ERROR_RATE）', 'KPI ERROR_RATE of the staff member''s orders inspected in the month'),
('COMPLAINTS', 60, 'LINEAR_DOWN', 'COUNT', '有责投诉', 'Substantiated complaints',
 '当月受理、认定本人有责且未被申诉核减的投诉件数', 'complaints received in the month, substantiated against the staff member and not removed by an accepted appeal'),
('TRAINING', 70, 'RATIO', 'PERCENT', '培训完成率', 'Training completion',
 '截至当月末本年度已完成学时 ÷ 岗位要求学时（培训档案）', 'hours completed this year by the end of the month ÷ hours the position requires (training transcript)'),
('INCENTIVE_POINTS', 80, 'LINEAR_UP', 'POINTS', '奖惩积分', 'Rewards and penalties',
 '当月发生、经批准的奖惩记录积分合计（奖惩台账）', 'sum of the points of the approved rewards and penalties that occurred in the month (ledger)');

-- A scheme (考核方案): the weights, targets and steps of the components and the grade bands for one position, in
-- force from its month until the next scheme of the position. DEFAULT serves staff without a position or a position
-- without a scheme of its own. A change is a new scheme from a later month: months already begun keep theirs.
create table perf_scheme (
    id              bigserial     primary key,
    position        varchar(30)   not null,
    effective_month date          not null check (extract(day from effective_month) = 1),
    grade_a         numeric(5, 2) not null,
    grade_b         numeric(5, 2) not null,
    grade_c         numeric(5, 2) not null,
    note            varchar(500),
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null,
    unique (position, effective_month),
    check (grade_a <= 100 and grade_a > grade_b and grade_b > grade_c and grade_c >= 0)
);
create table perf_scheme_component (
    scheme_id  bigint         not null references perf_scheme (id) on delete cascade,
    component  varchar(30)    not null references perf_component (code),
    weight     numeric(5, 2)  not null check (weight between 0 and 100),
    target     numeric(12, 2) not null check (target >= 0),
    step       numeric(8, 2)  not null check (step >= 0),
    primary key (scheme_id, component)
);

-- The seeded schemes (assumed defaults: every company sets its own). Volume targets are orders per month.
insert into perf_scheme (position, effective_month, grade_a, grade_b, grade_c, note, created_by, created_at)
select p, date '2020-01-01', 90, 80, 60, '默认方案（可调整）', 'migration', now()
  from unnest(array['DEFAULT', 'AGENT', 'DISPATCHER', 'REPAIR_ELECTRICIAN', 'BUSINESS_HALL_CLERK', 'INSPECTOR',
                    'TRAINER', 'TEAM_LEADER', 'SUPERVISOR', 'MANAGER']) as p;

insert into perf_scheme_component (scheme_id, component, weight, target, step)
select s.id, w.component, w.weight, w.target, w.step
  from perf_scheme s
  join (values
    -- position, component, weight, target, step
    ('DEFAULT', 'VOLUME', 15, 100, 0), ('DEFAULT', 'ON_TIME', 20, 98, 0), ('DEFAULT', 'SATISFACTION', 20, 90, 0),
    ('DEFAULT', 'QUALITY_SCORE', 10, 90, 0), ('DEFAULT', 'ERROR_RATE', 10, 0.5, 0), ('DEFAULT', 'COMPLAINTS', 10, 0, 50),
    ('DEFAULT', 'TRAINING', 5, 100, 0), ('DEFAULT', 'INCENTIVE_POINTS', 10, 0, 10),
    ('AGENT', 'VOLUME', 15, 300, 0), ('AGENT', 'ON_TIME', 15, 98, 0), ('AGENT', 'SATISFACTION', 20, 90, 0),
    ('AGENT', 'QUALITY_SCORE', 15, 90, 0), ('AGENT', 'ERROR_RATE', 10, 0.5, 0), ('AGENT', 'COMPLAINTS', 10, 0, 50),
    ('AGENT', 'TRAINING', 5, 100, 0), ('AGENT', 'INCENTIVE_POINTS', 10, 0, 10),
    ('DISPATCHER', 'VOLUME', 15, 200, 0), ('DISPATCHER', 'ON_TIME', 25, 98, 0), ('DISPATCHER', 'SATISFACTION', 15, 90, 0),
    ('DISPATCHER', 'QUALITY_SCORE', 10, 90, 0), ('DISPATCHER', 'ERROR_RATE', 10, 0.5, 0), ('DISPATCHER', 'COMPLAINTS', 10, 0, 50),
    ('DISPATCHER', 'TRAINING', 5, 100, 0), ('DISPATCHER', 'INCENTIVE_POINTS', 10, 0, 10),
    ('REPAIR_ELECTRICIAN', 'VOLUME', 15, 40, 0), ('REPAIR_ELECTRICIAN', 'ON_TIME', 25, 95, 0),
    ('REPAIR_ELECTRICIAN', 'SATISFACTION', 20, 90, 0), ('REPAIR_ELECTRICIAN', 'QUALITY_SCORE', 5, 90, 0),
    ('REPAIR_ELECTRICIAN', 'ERROR_RATE', 5, 0.5, 0), ('REPAIR_ELECTRICIAN', 'COMPLAINTS', 10, 0, 50),
    ('REPAIR_ELECTRICIAN', 'TRAINING', 10, 100, 0), ('REPAIR_ELECTRICIAN', 'INCENTIVE_POINTS', 10, 0, 10),
    ('BUSINESS_HALL_CLERK', 'VOLUME', 15, 150, 0), ('BUSINESS_HALL_CLERK', 'ON_TIME', 15, 98, 0),
    ('BUSINESS_HALL_CLERK', 'SATISFACTION', 25, 90, 0), ('BUSINESS_HALL_CLERK', 'QUALITY_SCORE', 10, 90, 0),
    ('BUSINESS_HALL_CLERK', 'ERROR_RATE', 10, 0.5, 0), ('BUSINESS_HALL_CLERK', 'COMPLAINTS', 10, 0, 50),
    ('BUSINESS_HALL_CLERK', 'TRAINING', 5, 100, 0), ('BUSINESS_HALL_CLERK', 'INCENTIVE_POINTS', 10, 0, 10),
    ('INSPECTOR', 'VOLUME', 0, 100, 0), ('INSPECTOR', 'ON_TIME', 20, 98, 0), ('INSPECTOR', 'SATISFACTION', 10, 90, 0),
    ('INSPECTOR', 'QUALITY_SCORE', 20, 90, 0), ('INSPECTOR', 'ERROR_RATE', 15, 0.5, 0), ('INSPECTOR', 'COMPLAINTS', 10, 0, 50),
    ('INSPECTOR', 'TRAINING', 15, 100, 0), ('INSPECTOR', 'INCENTIVE_POINTS', 10, 0, 10),
    ('TRAINER', 'VOLUME', 0, 100, 0), ('TRAINER', 'ON_TIME', 20, 98, 0), ('TRAINER', 'SATISFACTION', 20, 90, 0),
    ('TRAINER', 'QUALITY_SCORE', 10, 90, 0), ('TRAINER', 'ERROR_RATE', 10, 0.5, 0), ('TRAINER', 'COMPLAINTS', 10, 0, 50),
    ('TRAINER', 'TRAINING', 20, 100, 0), ('TRAINER', 'INCENTIVE_POINTS', 10, 0, 10),
    ('TEAM_LEADER', 'VOLUME', 10, 100, 0), ('TEAM_LEADER', 'ON_TIME', 25, 98, 0), ('TEAM_LEADER', 'SATISFACTION', 20, 90, 0),
    ('TEAM_LEADER', 'QUALITY_SCORE', 10, 90, 0), ('TEAM_LEADER', 'ERROR_RATE', 10, 0.5, 0), ('TEAM_LEADER', 'COMPLAINTS', 10, 0, 50),
    ('TEAM_LEADER', 'TRAINING', 5, 100, 0), ('TEAM_LEADER', 'INCENTIVE_POINTS', 10, 0, 10),
    ('SUPERVISOR', 'VOLUME', 5, 100, 0), ('SUPERVISOR', 'ON_TIME', 25, 98, 0), ('SUPERVISOR', 'SATISFACTION', 20, 90, 0),
    ('SUPERVISOR', 'QUALITY_SCORE', 10, 90, 0), ('SUPERVISOR', 'ERROR_RATE', 10, 0.5, 0), ('SUPERVISOR', 'COMPLAINTS', 15, 0, 50),
    ('SUPERVISOR', 'TRAINING', 5, 100, 0), ('SUPERVISOR', 'INCENTIVE_POINTS', 10, 0, 10),
    ('MANAGER', 'VOLUME', 0, 100, 0), ('MANAGER', 'ON_TIME', 25, 98, 0), ('MANAGER', 'SATISFACTION', 25, 90, 0),
    ('MANAGER', 'QUALITY_SCORE', 10, 90, 0), ('MANAGER', 'ERROR_RATE', 10, 0.5, 0), ('MANAGER', 'COMPLAINTS', 15, 0, 50),
    ('MANAGER', 'TRAINING', 5, 100, 0), ('MANAGER', 'INCENTIVE_POINTS', 10, 0, 10)
  ) as w(position, component, weight, target, step) on w.position = s.position;

-- The months whose cards are closed (stable): the scheduled job closes a month once, after its grace days.
create table perf_month (
    month      date         primary key check (extract(day from month) = 1),
    closed_at  timestamptz  not null,
    cards      integer      not null
);

-- A staff member's card for a month: who they were that month (unit, position, team), the scheme used, the base
-- score (the weighted points of the components with data; null when none had data), the approved adjustments,
-- the total and grade. praise_count: praise orders credited to them in the month (recognition).
create table perf_scorecard (
    id             bigserial     primary key,
    month          date          not null check (extract(day from month) = 1),
    staff_username varchar(100)  not null,
    user_id        bigint        not null,
    display_name   varchar(200)  not null,
    unit_id        bigint        not null,
    position       varchar(30)   not null,
    team_code      varchar(50),
    team_name      varchar(200),
    scheme_id      bigint        not null references perf_scheme (id),
    base_score     numeric(6, 2),
    adjustment     numeric(6, 2) not null default 0,
    total          numeric(6, 2),
    grade          varchar(1)    check (grade in ('A', 'B', 'C', 'D')),
    praise_count   integer       not null default 0,
    computed_at    timestamptz   not null,
    version        integer       not null default 0,
    unique (month, staff_username)
);
create index perf_scorecard_month_unit on perf_scorecard (month, unit_id);
create index perf_scorecard_staff on perf_scorecard (staff_username, month desc);

-- One component of a card: the raw figure (null = NO_DATA), its parts, the scheme's weight/target/step that month
-- and the points (0–100; null = NO_DATA, left out of the base score).
create table perf_scorecard_component (
    scorecard_id bigint         not null references perf_scorecard (id) on delete cascade,
    component    varchar(30)    not null references perf_component (code),
    value        numeric(14, 4),
    numerator    numeric(14, 2),
    denominator  numeric(14, 2),
    weight       numeric(5, 2)  not null,
    target       numeric(12, 2) not null,
    step         numeric(8, 2)  not null,
    points       numeric(6, 2),
    primary key (scorecard_id, component)
);

-- A manager's adjustment (加减分) of a card, with its reason, reviewed by another manager before it counts.
create table perf_adjustment (
    id           bigserial     primary key,
    scorecard_id bigint        not null references perf_scorecard (id),
    points       numeric(5, 2) not null check (points between -20 and 20 and points <> 0),
    reason       varchar(1000) not null,
    status       varchar(10)   not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by  varchar(100)  not null,
    proposed_at  timestamptz   not null,
    reviewed_by  varchar(100),
    reviewed_at  timestamptz,
    review_note  varchar(1000),
    version      integer       not null default 0
);
create index perf_adjustment_card on perf_adjustment (scorecard_id);
create index perf_adjustment_status on perf_adjustment (status, proposed_at desc);
