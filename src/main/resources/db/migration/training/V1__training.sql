-- Training (培训): courses with materials and an optional exam, annual/quarterly plans with the hours each
-- position must complete, sessions with enrolment and attendance, exam attempts, certificates of completion,
-- and the case library of anonymised teaching cases.

-- The names of the staff module's positions (staff.Position) for the plans, and the identity role a user without a
-- staff profile is counted under (default_role); a profile's position always wins.
create table trn_position (
    code         varchar(40)  primary key,
    name_zh      varchar(100) not null,
    name_en      varchar(100) not null,
    default_role varchar(20)  unique
);
insert into trn_position (code, name_zh, name_en, default_role) values
    ('AGENT', '客服坐席', 'Hotline agent', 'AGENT'),
    ('DISPATCHER', '调度员', 'Dispatcher', 'DISPATCHER'),
    ('REPAIR_ELECTRICIAN', '抢修电工', 'Repair electrician', 'FIELD_STAFF'),
    ('BUSINESS_HALL_CLERK', '营业厅柜员', 'Business-hall clerk', null),
    ('INSPECTOR', '质检员', 'Inspector', 'INSPECTOR'),
    ('TRAINER', '培训师', 'Trainer', 'TRAINER'),
    ('TEAM_LEADER', '班组长', 'Team leader', null),
    ('SUPERVISOR', '值班长/主管', 'Supervisor', 'SUPERVISOR'),
    ('MANAGER', '管理人员', 'Manager', 'MANAGER');

create table trn_course (
    id            bigserial     primary key,
    code          varchar(40)   not null unique,
    title         varchar(200)  not null,
    topic         varchar(20)   not null check (topic in ('POWER_KNOWLEDGE', 'SERVICE_NORMS', 'COMMUNICATION',
                                                          'EMERGENCY_HANDLING', 'STANDARDS', 'SAFETY')),
    mode          varchar(12)   not null check (mode in ('INTERNAL', 'EXTERNAL', 'CASE_STUDY', 'ONLINE')),
    kind          varchar(16)   not null default 'REGULAR' check (kind in ('REGULAR', 'READ_ACKNOWLEDGE')),
    hours         numeric(6, 2) not null check (hours > 0),
    description   varchar(4000),
    unit_id       bigint        not null,
    -- the exam: none while pass_mark is null
    pass_mark     numeric(5, 2) check (pass_mark between 0 and 100),
    max_attempts  integer       check (max_attempts between 1 and 20),
    multiple_rule varchar(20)   not null default 'ALL_OR_NOTHING'
                                check (multiple_rule in ('ALL_OR_NOTHING', 'PROPORTIONAL')),
    -- a read-and-acknowledge course of a standard version
    standard_code   varchar(40),
    standard_version integer,
    created_by    varchar(100)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       integer       not null default 0
);
create index trn_course_unit on trn_course (unit_id);
create unique index trn_course_standard on trn_course (standard_code, standard_version) where kind = 'READ_ACKNOWLEDGE';

-- Materials: an uploaded file (type checked by its bytes), a standard by code or a knowledge article by URL.
create table trn_material (
    id           bigserial    primary key,
    course_id    bigint       not null references trn_course (id),
    kind         varchar(10)  not null check (kind in ('FILE', 'STANDARD', 'ARTICLE')),
    title        varchar(200) not null,
    standard_code varchar(40),
    url          varchar(1000),
    filename     varchar(200),
    content_type varchar(100),
    size_bytes   bigint,
    content      bytea,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null
);
create index trn_material_course on trn_material (course_id, id);

-- The question bank of a course's exam.
create table trn_question (
    id         bigserial     primary key,
    course_id  bigint        not null references trn_course (id),
    kind       varchar(12)   not null check (kind in ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')),
    text       varchar(2000) not null,
    points     numeric(6, 2) not null check (points > 0),
    active     boolean       not null default true,
    created_at timestamptz   not null
);
create index trn_question_course on trn_question (course_id, id);

create table trn_option (
    id          bigserial    primary key,
    question_id bigint       not null references trn_question (id),
    position    integer      not null,
    label       varchar(500) not null,
    correct     boolean      not null
);
create index trn_option_question on trn_option (question_id, position);

-- Training plans (培训计划) of a unit for a year or one quarter of it, with the hours each position must complete.
create table trn_plan (
    id         bigserial    primary key,
    unit_id    bigint       not null,
    year       integer      not null check (year between 2000 and 2100),
    quarter    integer      check (quarter between 1 and 4),
    title      varchar(200) not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    integer      not null default 0
);
create unique index trn_plan_period on trn_plan (unit_id, year, coalesce(quarter, 0));

create table trn_plan_requirement (
    plan_id        bigint        not null references trn_plan (id),
    position       varchar(40)   not null,
    required_hours numeric(6, 2) not null check (required_hours >= 0),
    primary key (plan_id, position)
);

create table trn_plan_course (
    plan_id   bigint not null references trn_plan (id),
    course_id bigint not null references trn_course (id),
    primary key (plan_id, course_id)
);

-- Sessions (培训班次): when, where, who teaches and how many may enrol. enrolled counts the active enrolments;
-- the conditional increment of it is what keeps a session from being over-booked.
create table trn_session (
    id         bigserial    primary key,
    course_id  bigint       not null references trn_course (id),
    unit_id    bigint       not null,
    starts_at  timestamptz  not null,
    ends_at    timestamptz  not null,
    place      varchar(200) not null,
    trainer    varchar(100) not null,
    capacity   integer      not null check (capacity between 1 and 1000),
    enrolled   integer      not null default 0,
    status     varchar(10)  not null default 'SCHEDULED' check (status in ('SCHEDULED', 'CANCELLED')),
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    integer      not null default 0,
    check (ends_at > starts_at),
    check (enrolled between 0 and capacity)
);
create index trn_session_course on trn_session (course_id, starts_at);
create index trn_session_unit on trn_session (unit_id, starts_at);

-- One staff member in one course (through a session, or directly for a read-and-acknowledge course).
create table trn_enrolment (
    id             bigserial     primary key,
    course_id      bigint        not null references trn_course (id),
    session_id     bigint        references trn_session (id),
    user_id        bigint        not null,
    username       varchar(100)  not null,
    display_name   varchar(100)  not null,
    unit_id        bigint        not null,
    source         varchar(10)   not null check (source in ('SELF', 'ASSIGNED', 'STANDARD')),
    status         varchar(10)   not null check (status in ('ENROLLED', 'COMPLETED', 'CANCELLED')),
    attendance     varchar(8)    check (attendance in ('PRESENT', 'ABSENT')),
    attendance_by  varchar(100),
    attendance_at  timestamptz,
    best_score     numeric(5, 2),
    passed         boolean,
    hours_credited numeric(6, 2),
    due_at         timestamptz,
    completed_at   timestamptz,
    enrolled_at    timestamptz   not null,
    updated_at     timestamptz   not null,
    version        integer       not null default 0
);
create unique index trn_enrolment_active_session on trn_enrolment (session_id, user_id)
    where status <> 'CANCELLED' and session_id is not null;
create unique index trn_enrolment_direct on trn_enrolment (course_id, user_id)
    where status <> 'CANCELLED' and session_id is null;
create index trn_enrolment_user on trn_enrolment (user_id, completed_at);
create index trn_enrolment_unit on trn_enrolment (unit_id, completed_at);

create table trn_attempt (
    id           bigserial     primary key,
    enrolment_id bigint        not null references trn_enrolment (id),
    number       integer       not null,
    score        numeric(5, 2) not null,
    points       numeric(8, 2) not null,
    max_points   numeric(8, 2) not null,
    passed       boolean       not null,
    answers      jsonb         not null,
    submitted_at timestamptz   not null,
    unique (enrolment_id, number)
);

-- Certificates of completion (结业证书), one per completed enrolment.
create table trn_certificate (
    id           bigserial     primary key,
    number       varchar(30)   not null unique,
    enrolment_id bigint        not null unique references trn_enrolment (id),
    user_id      bigint        not null,
    course_id    bigint        not null references trn_course (id),
    hours        numeric(6, 2) not null,
    score        numeric(5, 2),
    issued_at    timestamptz   not null
);

-- The case library (案例库): a closed complaint or an exemplary order, anonymised, for teaching.
create table trn_case (
    id           bigserial     primary key,
    source       varchar(12)   not null check (source in ('COMPLAINT', 'WORK_ORDER')),
    source_ref   varchar(40)   not null,
    title        varchar(200)  not null,
    category     varchar(60),
    narrative    varchar(8000) not null,
    handling     varchar(8000),
    lesson       varchar(4000),
    unit_id      bigint        not null,
    created_by   varchar(100)  not null,
    created_at   timestamptz   not null
);
create unique index trn_case_source on trn_case (source, source_ref);

create table trn_course_case (
    course_id bigint not null references trn_course (id),
    case_id   bigint not null references trn_case (id),
    primary key (course_id, case_id)
);
