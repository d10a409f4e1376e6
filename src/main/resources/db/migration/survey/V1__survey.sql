-- Customer self-rating surveys (客户自评): settings, sampling rates, staff contacts never surveyed,
-- the secret that signs the links, the links themselves and the outbox of "SMS" messages.

-- One row: the rules every link follows. score_results[n] is the VisitResult a score of n maps to.
create table survey_setting (
    id                     integer      primary key check (id = 1),
    customer_interval_days integer      not null check (customer_interval_days between 0 and 365),
    link_validity_hours    integer      not null check (link_validity_hours between 1 and 720),
    score_results          varchar(30)[] not null check (cardinality(score_results) = 5),
    updated_by             varchar(100) not null,
    updated_at             timestamptz  not null,
    version                integer      not null default 0
);
insert into survey_setting (id, customer_interval_days, link_validity_hours, score_results, updated_by, updated_at)
values (1, 30, 72, '{DISSATISFIED,DISSATISFIED,BASICALLY_SATISFIED,SATISFIED,SATISFIED}', 'system', now());

-- Share of reviewed orders of each type that get a link (0 … 1). Assumed defaults: every fifth repair,
-- every complaint, none of the types that need no visit.
create table survey_sampling (
    order_type varchar(30)  primary key,
    rate       numeric(5, 4) not null check (rate between 0 and 1)
);
insert into survey_sampling (order_type, rate) values
 ('FAULT_REPAIR', 0.2), ('COMPLAINT', 1), ('REPORT', 0), ('SERVICE_APPLICATION', 0.2), ('OPINION', 0),
 ('CONSULTATION', 0);

-- Phone numbers and customer numbers of staff: their own orders are never surveyed.
create table survey_staff_contact (
    contact varchar(30) primary key
);

-- The HMAC-SHA256 key of the links, generated on first start (unless configured).
create table survey_secret (
    id         integer     primary key check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null
);

create table survey_link (
    id              bigserial    primary key,
    order_id        bigint       not null,
    order_number    varchar(20)  not null,
    order_type      varchar(30)  not null,
    unit_id         bigint       not null,
    customer_number varchar(13),
    phone           varchar(30)  not null,
    nonce           varchar(32)  not null,
    issued_at       timestamptz  not null,
    expires_at      timestamptz  not null,
    used_at         timestamptz,
    score           smallint     check (score between 1 and 5)
);
create index survey_link_order on survey_link (order_id);
create index survey_link_customer on survey_link (customer_number, issued_at desc) where customer_number is not null;
create index survey_link_phone on survey_link (phone, issued_at desc);

-- The outbox: what an SMS gateway would send. GridCare has no gateway; the console shows the messages.
create table survey_message (
    id           bigserial    primary key,
    link_id      bigint       not null references survey_link (id),
    unit_id      bigint       not null,
    order_number varchar(20)  not null,
    phone        varchar(30)  not null,
    body         varchar(500) not null,
    created_at   timestamptz  not null,
    sent_at      timestamptz
);
create index survey_message_created on survey_message (created_at desc);
