-- Work orders (工单): the order, its daily number counter, idempotency keys, timeline, attachments,
-- the business category tree and the handlers' notification inbox.

create table wo_category (
    code        varchar(64)  primary key,
    parent_code varchar(64)  references wo_category (code),
    type        varchar(30)  not null,
    name        varchar(100) not null,
    name_en     varchar(100) not null,
    sort_order  integer      not null default 0,
    enabled     boolean      not null default true
);
create index wo_category_parent on wo_category (parent_code);

create table work_order (
    id               bigserial    primary key,
    number           varchar(20)  not null unique,
    type             varchar(30)  not null,
    sub_type         varchar(30),
    category_code    varchar(64)  not null references wo_category (code),
    channel          varchar(30)  not null,
    priority         varchar(10)  not null,
    status           varchar(20)  not null,
    customer_number  varchar(13),
    caller_name      varchar(50)  not null,
    caller_phone     varchar(30)  not null,
    address          varchar(200),
    area_type        varchar(10)  not null,
    unit_id          bigint       not null,
    unit_code        varchar(32)  not null,
    handler          varchar(100),
    description      text         not null,
    sensitive        boolean      not null default false,
    media            boolean      not null default false,
    escalation_risk  boolean      not null default false,
    repeat           boolean      not null default false,
    repeat_of_id     bigint       references work_order (id),
    parent_id        bigint       references work_order (id),
    suspended_from   varchar(20),
    arrived_at       timestamptz,
    restored_at      timestamptz,
    reply_text       text,
    result           varchar(100),
    satisfaction     varchar(30),
    urge_count       integer      not null default 0,
    reopen_count     integer      not null default 0,
    supervise_note   varchar(2000),
    supervise_due_at timestamptz,
    sla_policy_id    bigint,
    -- NONE, WARNING or BREACHED: set by the SLA scheduler's events, drives the red/amber marks and queues
    sla_state        varchar(10)  not null default 'NONE',
    created_by       varchar(100) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          integer      not null default 0
);

-- Queues look at open orders only; a partial index keeps them small however many orders are archived.
create index work_order_open_unit on work_order (unit_id, status, created_at desc)
    where status not in ('CLOSED', 'CANCELLED', 'MERGED');
create index work_order_open_handler on work_order (handler, status)
    where status not in ('CLOSED', 'CANCELLED', 'MERGED');
create index work_order_open_sla on work_order (sla_state, unit_id)
    where sla_state <> 'NONE' and status not in ('CLOSED', 'CANCELLED', 'MERGED');
create index work_order_unit_created on work_order (unit_id, created_at desc);
create index work_order_created on work_order (created_at desc);
create index work_order_customer on work_order (customer_number, created_at desc);
create index work_order_address on work_order (address, created_at desc);
create index work_order_phone on work_order (caller_phone);
create index work_order_parent on work_order (parent_id) where parent_id is not null;

-- One row per business day (Asia/Shanghai): the last number given out. Updated in the creating
-- transaction, so a rolled-back creation gives its number back and numbers stay gap-free.
create table work_order_counter (
    day  date    primary key,
    last integer not null
);

create table work_order_idempotency (
    username   varchar(100) not null,
    key        varchar(100) not null,
    order_id   bigint       not null references work_order (id),
    created_at timestamptz  not null,
    primary key (username, key)
);

create table work_order_timeline (
    id          bigserial    primary key,
    order_id    bigint       not null references work_order (id),
    occurred_at timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(20)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    note        text
);
create index work_order_timeline_order on work_order_timeline (order_id, id);

create table work_order_attachment (
    id           bigserial    primary key,
    order_id     bigint       not null references work_order (id),
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    content      bytea        not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null
);
create index work_order_attachment_order on work_order_attachment (order_id);

-- The console inbox: to one user (the handler) or to the supervisors of a unit.
create table work_order_notification (
    id                 bigserial    primary key,
    order_id           bigint       not null references work_order (id),
    order_number       varchar(20)  not null,
    recipient_username varchar(100),
    recipient_unit_id  bigint,
    kind               varchar(20)  not null,
    detail             varchar(2000),
    created_at         timestamptz  not null,
    read_at            timestamptz
);
create index work_order_notification_user on work_order_notification (recipient_username, created_at desc);
create index work_order_notification_unit on work_order_notification (recipient_unit_id, created_at desc);
