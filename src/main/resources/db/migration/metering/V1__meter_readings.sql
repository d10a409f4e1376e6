-- Meter readings (计量数据). Meters belong to the customer module and are referenced here by their id
-- only (no foreign key across module tables).
--
-- Sizing: 1M meters x 96 points/day = 96M interval rows/day, ~2.9 billion a month. An interval row is
-- (meter_id int8, start_at timestamptz, minutes int2, kwh_e4 int4): 22 bytes of data, 48 with the
-- tuple header and alignment, ~80 with its primary key entry. kWh is a scaled integer in units of
-- 0.0001 kWh (0.1 Wh): fixed width, 4 bytes instead of a 6-10 byte numeric, and sum() over int4 is
-- several times faster than over numeric. 2^31 x 0.0001 kWh = 214,748 kWh per interval, far beyond
-- any meter's secondary reading in 15-60 minutes. Register reads are one or two a day per meter, so
-- they keep numeric for exact decimal totals.
--
-- Every reading table is range-partitioned by calendar month in Asia/Shanghai; partitions are made
-- ahead by a scheduled job and on demand by an import (metering_ensure_month), so old months can be
-- detached, archived or dropped whole.

create table meter_interval (
    meter_id bigint      not null,
    start_at timestamptz not null,
    minutes  smallint    not null check (minutes in (15, 30, 60)),
    kwh_e4   integer     not null check (kwh_e4 >= 0),
    primary key (meter_id, start_at)
) partition by range (start_at);

create table meter_register (
    meter_id       bigint         not null,
    read_at        timestamptz    not null,
    total          numeric(14, 4) not null check (total >= 0),
    critical_peak  numeric(14, 4) check (critical_peak >= 0),
    peak           numeric(14, 4) check (peak >= 0),
    flat           numeric(14, 4) check (flat >= 0),
    valley         numeric(14, 4) check (valley >= 0),
    reactive_kvarh numeric(14, 4) check (reactive_kvarh >= 0),
    max_demand_kw  numeric(12, 4) check (max_demand_kw >= 0),
    primary key (meter_id, read_at)
) partition by range (read_at);

-- The interval readings of a meter summed per day (Asia/Shanghai), kept by the import in the same
-- transaction as the readings it adds: analysis of a year reads 365 rows per meter, not 35,040.
-- max_kw_e4: the highest average demand of one interval that day (kWh x 60 / minutes), 0.0001 kW.
create table meter_interval_day (
    meter_id  bigint   not null,
    day       date     not null,
    kwh_e4    bigint   not null,
    points    smallint not null,
    max_kw_e4 integer  not null,
    primary key (meter_id, day)
) partition by range (day);

-- Creates the month's partition of every reading table if it is missing. Serialised by an advisory
-- lock, so that concurrent callers don't race on the catalogue.
create function metering_ensure_month(month_start date) returns void language plpgsql as $$
declare
    first_day date := date_trunc('month', month_start)::date;
    next_day  date := (date_trunc('month', month_start) + interval '1 month')::date;
    suffix    text := to_char(month_start, 'YYYYMM');
    lo        timestamptz := first_day::timestamp at time zone 'Asia/Shanghai';
    hi        timestamptz := next_day::timestamp at time zone 'Asia/Shanghai';
begin
    if to_regclass('meter_interval_' || suffix) is not null then
        return;
    end if;
    perform pg_advisory_xact_lock(hashtext('metering_ensure_month'));
    execute format('create table if not exists %I partition of meter_interval for values from (%L) to (%L)',
                   'meter_interval_' || suffix, lo, hi);
    execute format('create table if not exists %I partition of meter_register for values from (%L) to (%L)',
                   'meter_register_' || suffix, lo, hi);
    execute format('create table if not exists %I partition of meter_interval_day for values from (%L) to (%L)',
                   'meter_interval_day_' || suffix, first_day, next_day);
end
$$;

-- An upload of readings and how far its background run has come; what the progress bar polls.
create table meter_import (
    id              bigserial primary key,
    kind            varchar(10)  not null check (kind in ('INTERVAL', 'REGISTER')),
    file_name       varchar(255) not null,
    file_size       bigint       not null,
    file_sha256     char(64)     not null,
    status          varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    phase           varchar(12),
    bytes_read      bigint       not null default 0,
    rows_read       bigint       not null default 0,
    rows_accepted   bigint       not null default 0,
    rows_unchanged  bigint       not null default 0,
    rows_rejected   bigint       not null default 0,
    failure         varchar(40),
    requested_by    varchar(100) not null,
    unit_id         bigint       not null,
    instance_id     varchar(40)  not null,
    created_at      timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz  not null
);

create index meter_import_recent on meter_import (created_at desc);
create index meter_import_open on meter_import (status) where status in ('QUEUED', 'RUNNING');

-- The rejected rows of an import: line number in the file (1 = header), the field, a message code
-- and its arguments (the message is rendered in the reader's language).
create table meter_import_problem (
    import_id bigint      not null references meter_import (id) on delete cascade,
    line      bigint      not null,
    field     varchar(20),
    code      varchar(30) not null,
    arguments varchar(100)[] not null default '{}',
    primary key (import_id, line)
);
