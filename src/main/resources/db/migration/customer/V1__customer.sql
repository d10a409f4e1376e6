-- The customer archive (客户档案). Customers belong to a supply station (an organisation unit, by id;
-- no foreign key across module tables). Search at a million rows: the number by prefix through a
-- text_pattern_ops btree, name/address/phone fragments through pg_trgm GIN indexes.
create extension if not exists pg_trgm;

create sequence customer_id_seq;

create table customer (
    id            bigint primary key default nextval('customer_id_seq'),
    number        varchar(13)  not null unique check (number ~ '^[0-9]{10,13}$'),
    name          varchar(100) not null,
    kind          varchar(20)  not null check (kind in ('RESIDENTIAL', 'COMMERCIAL', 'LARGE_INDUSTRY', 'AGRICULTURE')),
    voltage_level varchar(10)  not null check (voltage_level in ('AC220V', 'AC380V', 'AC10KV', 'AC20KV', 'AC35KV',
                                                                 'AC110KV', 'AC220KV')),
    address       varchar(200) not null,
    phones        varchar(20)[] not null check (cardinality(phones) between 1 and 5),
    -- every phone as digits only, space separated: what phone search matches against
    phone_digits  varchar(120) not null,
    id_number     varchar(18),
    tariff_code   varchar(30),
    capacity_kva  numeric(12, 2) check (capacity_kva >= 0),
    unit_id       bigint       not null,
    flags         varchar(12)[] not null default '{}',
    version       integer      not null default 0,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

alter sequence customer_id_seq owned by customer.id;

create index customer_number_prefix on customer (number text_pattern_ops);
create index customer_name_prefix on customer (name text_pattern_ops);
create index customer_name_trgm on customer using gin (name gin_trgm_ops);
create index customer_address_trgm on customer using gin (address gin_trgm_ops);
create index customer_phone_trgm on customer using gin (phone_digits gin_trgm_ops);
create index customer_unit on customer (unit_id, number);
create index customer_flags on customer using gin (flags);

-- Where the supply reaches the customer (计量点); a customer has one or more.
create table service_point (
    id          bigserial primary key,
    customer_id bigint      not null references customer (id),
    code        varchar(20) not null,
    created_at  timestamptz not null,
    unique (customer_id, code)
);

create table meter (
    id               bigserial primary key,
    service_point_id bigint        not null references service_point (id),
    meter_number     varchar(32)   not null unique,
    type             varchar(20)   not null check (type in ('SINGLE_PHASE', 'THREE_PHASE', 'THREE_PHASE_CT',
                                                            'HIGH_VOLTAGE_CT')),
    multiplier       numeric(10, 2) not null check (multiplier > 0),
    installed_on     date          not null,
    removed_on       date check (removed_on is null or removed_on >= installed_on),
    created_at       timestamptz   not null
);

create index meter_service_point on meter (service_point_id);
-- at most one active (not removed) meter per service point
create unique index meter_one_active_per_point on meter (service_point_id) where removed_on is null;
