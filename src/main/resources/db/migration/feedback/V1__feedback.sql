-- Service feedback (服务反馈) not tied to a work order: praise, criticism and suggestions on any channel,
-- handled NEW → IN_HANDLING → RESPONDED → CLOSED with its own response deadline (working days).
create table feedback (
    id              bigserial     primary key,
    channel         varchar(10)   not null check (channel in ('PHONE', 'EMAIL', 'ONLINE', 'COUNTER')),
    category        varchar(12)   not null check (category in ('QUALITY', 'EFFICIENCY', 'ATTITUDE', 'OTHER')),
    sentiment       varchar(10)   not null check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    status          varchar(12)   not null check (status in ('NEW', 'IN_HANDLING', 'RESPONDED', 'CLOSED')),
    unit_id         bigint        not null,
    unit_code       varchar(32)   not null,
    customer_number varchar(13),
    staff_username  varchar(100),
    contact_name    varchar(50),
    contact_phone   varchar(30),
    description     varchar(4000) not null,
    response_text   varchar(4000),
    due_at          timestamptz   not null,
    responded_at    timestamptz,
    closed_at       timestamptz,
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         integer       not null default 0
);
create index feedback_unit_created on feedback (unit_id, created_at desc);
create index feedback_open_due on feedback (due_at) where status in ('NEW', 'IN_HANDLING');

-- Every move with its reason: the feedback's own history.
create table feedback_event (
    id          bigserial    primary key,
    feedback_id bigint       not null references feedback (id),
    occurred_at timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(12)  not null,
    from_status varchar(12),
    to_status   varchar(12)  not null,
    reason      varchar(2000)
);
create index feedback_event_feedback on feedback_event (feedback_id, id);
