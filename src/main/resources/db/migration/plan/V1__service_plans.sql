-- Personalised service plans (个性化服务方案). Customers, tariffs and work orders belong to other modules and are
-- referenced here by their number or code only (no foreign key across module tables).

-- Which tariff a customer on one tariff may switch to (the flat ↔ time-of-use advice); data, not code, so an
-- administrator adds a province's pairs without a release.
create table plan_tariff_switch (
    from_code varchar(30) not null,
    to_code   varchar(30) not null,
    primary key (from_code, to_code),
    check (from_code <> to_code)
);

insert into plan_tariff_switch (from_code, to_code) values
    ('ZJ-RES-FLAT', 'ZJ-RES-TOU'),
    ('ZJ-RES-TOU', 'ZJ-RES-FLAT');

-- A plan: the options an agent chose from the advice, recorded against the customer's work order (e.g. the
-- high-bill consultation), carried out (a tariff or basis change through a SERVICE_APPLICATION order) and
-- evaluated after evaluation_months full months. The setup before and after is what the evaluation prices.
create table service_plan (
    id                 bigserial primary key,
    customer_number    varchar(13)    not null,
    unit_id            bigint         not null,
    order_number       varchar(30)    not null,
    status             varchar(10)    not null check (status in ('RECORDED', 'EXECUTED', 'EVALUATED', 'CANCELLED')),
    tariff_before      varchar(30)    not null,
    basis_before       varchar(8)     check (basis_before in ('CAPACITY', 'DEMAND')),
    tariff_after       varchar(30)    not null,
    basis_after        varchar(8)     check (basis_after in ('CAPACITY', 'DEMAND')),
    capacity_kva       numeric(12, 2),
    peak_shift_share   numeric(4, 3),
    estimated_saving   numeric(14, 2) not null,
    advice_from        date           not null,
    advice_to          date           not null,
    note               varchar(1000),
    application_order  varchar(30),
    evaluation_months  smallint       not null check (evaluation_months between 1 and 12),
    created_by         varchar(100)   not null,
    created_at         timestamptz    not null,
    executed_by        varchar(100),
    executed_at        timestamptz,
    evaluation_due_at  timestamptz,
    evaluated_at       timestamptz,
    cancelled_by       varchar(100),
    cancelled_at       timestamptz,
    version            integer        not null default 0
);

create index service_plan_customer on service_plan (customer_number, created_at desc);
create index service_plan_order on service_plan (order_number);
create index service_plan_due on service_plan (evaluation_due_at) where status = 'EXECUTED';

-- The chosen options with the estimate the advice gave for each.
create table service_plan_option (
    plan_id          bigint         not null references service_plan (id),
    option_key       varchar(60)    not null,
    kind             varchar(20)    not null,
    estimated_saving numeric(14, 2) not null,
    summary          varchar(1000)  not null,
    primary key (plan_id, option_key)
);

-- The evaluation: the months after against the same months a year before. cost_before: the months before on the
-- setup before; cost_after: the months after on the setup after (what the customer pays now); counterfactual: the
-- months after as the customer would have used them without the plan (the year-before months' time-of-use shares,
-- reactive energy per kWh and maximum demand) on the setup before; realised_saving = counterfactual - cost_after.
create table service_plan_evaluation (
    plan_id          bigint         primary key references service_plan (id),
    outcome          varchar(10)    not null check (outcome in ('REALISED', 'NO_DATA')),
    after_from       date           not null,
    after_to         date           not null,
    months           smallint       not null,
    kwh_before       numeric(16, 4),
    cost_before      numeric(14, 2),
    kwh_after        numeric(16, 4),
    cost_after       numeric(14, 2),
    counterfactual   numeric(14, 2),
    realised_saving  numeric(14, 2),
    evaluated_at     timestamptz    not null
);

create table service_plan_evaluation_month (
    plan_id         bigint         not null references service_plan_evaluation (plan_id),
    month           date           not null,
    kwh_before      numeric(16, 4),
    cost_before     numeric(14, 2),
    kwh_after       numeric(16, 4) not null,
    cost_after      numeric(14, 2) not null,
    counterfactual  numeric(14, 2) not null,
    saving          numeric(14, 2) not null,
    primary key (plan_id, month)
);
