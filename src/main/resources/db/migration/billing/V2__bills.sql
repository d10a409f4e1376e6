-- Monthly bills (电费账单) computed from stored readings. A bill is keyed by customer and month; recalculating
-- replaces it and its lines in one transaction, so the same readings and tariff always leave the same bill.
-- customer_number and unit_id refer to the customer module by value (no foreign key across module tables).

create table bill (
    customer_number     varchar(13)    not null,
    month               date           not null check (extract(day from month) = 1),
    unit_id             bigint         not null,
    tariff_code         varchar(30)    not null,
    tariff_version_id   bigint         not null references tariff_version (id),
    period_start        date           not null,
    period_end          date           not null,
    days                smallint       not null,
    source              varchar(8)     not null check (source in ('REGISTER', 'INTERVAL')),
    total_kwh           numeric(16, 4) not null,
    critical_peak_kwh   numeric(16, 4),
    peak_kwh            numeric(16, 4),
    flat_kwh            numeric(16, 4),
    valley_kwh          numeric(16, 4),
    kwh_earlier_in_year numeric(16, 4) not null,
    capacity_kva        numeric(12, 2),
    max_demand_kw       numeric(14, 4),
    basic_charge_basis  varchar(8) check (basic_charge_basis in ('CAPACITY', 'DEMAND')),
    reactive_kvarh      numeric(16, 4),
    power_factor        numeric(3, 2),
    pf_standard         numeric(3, 2),
    pf_percent          numeric(6, 2),
    energy_charge       numeric(14, 2) not null,
    tier_extra          numeric(14, 2) not null,
    basic_charge        numeric(14, 2) not null,
    pf_adjustment       numeric(14, 2),
    surcharges          numeric(14, 2) not null,
    total               numeric(14, 2) not null,
    run_id              bigint,
    calculated_at       timestamptz    not null,
    primary key (customer_number, month)
);

create index bill_month_unit on bill (month, unit_id);

create table bill_line (
    customer_number varchar(13)    not null,
    month           date           not null,
    line_no         smallint       not null,
    kind            varchar(14)    not null check (kind in ('ENERGY', 'TIER_INCREMENT', 'BASIC_CHARGE', 'POWER_FACTOR',
                                                            'SURCHARGE')),
    tier            smallint,
    period          varchar(13),
    basis           varchar(8),
    code            varchar(30),
    quantity        numeric(18, 4) not null,
    unit            varchar(10)    not null,
    unit_price      numeric(12, 6),
    percent         numeric(6, 2),
    amount          numeric(14, 2) not null,
    primary key (customer_number, month, line_no),
    foreign key (customer_number, month) references bill (customer_number, month) on delete cascade
);

-- A background run computing the bills of every customer of a scope for a month.
create table bill_run (
    id                     bigserial primary key,
    month                  date         not null,
    status                 varchar(8)   not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    requested_by           varchar(100) not null,
    unit_id                bigint       not null,
    scope_all              boolean      not null,
    scope_units            bigint[]     not null default '{}',
    customers_seen         integer      not null default 0,
    bills_written          integer      not null default 0,
    skipped_no_tariff      integer      not null default 0,
    skipped_unknown_tariff integer      not null default 0,
    skipped_no_readings    integer      not null default 0,
    skipped_invalid        integer      not null default 0,
    failure                varchar(300),
    created_at             timestamptz  not null,
    -- the last sign of life of the instance running it; a run silent for gridcare.billing.stale-after is FAILED
    heartbeat_at           timestamptz  not null,
    started_at             timestamptz,
    finished_at            timestamptz
);

create index bill_run_recent on bill_run (created_at desc);

-- Why a customer got no bill in a run (the first gridcare.billing.skip-report-limit of them).
create table bill_run_skip (
    run_id          bigint      not null references bill_run (id) on delete cascade,
    customer_number varchar(13) not null,
    reason          varchar(16) not null check (reason in ('NO_TARIFF', 'UNKNOWN_TARIFF', 'NO_READINGS', 'INVALID')),
    field           varchar(40),
    code            varchar(60),
    primary key (run_id, customer_number)
);
