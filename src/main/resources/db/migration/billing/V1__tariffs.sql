-- Tariff schedules (电价) as effective-dated data. A tariff (code) has versions; the version in force on a
-- day is the one with the latest effective_from on or before it. A version prices energy per TOU period
-- (or ALL for a flat price), optionally tiered on cumulative consumption (annual: the calendar year;
-- monthly: the month), with a basic charge (两部制 basic charge by capacity or by demand), a power-factor
-- standard and government surcharges per kWh. Every number comes from docs/billing.md's sources, never code.

create table tariff (
    id          bigserial primary key,
    code        varchar(30)  not null unique check (code ~ '^[A-Z0-9_-]{1,30}$'),
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    -- an illustrative tariff (not an official schedule), marked as such in the console
    example     boolean      not null default false,
    created_at  timestamptz  not null default now()
);

create table tariff_version (
    id                   bigserial primary key,
    tariff_id            bigint        not null references tariff (id),
    effective_from       date          not null,
    -- FLAT: one energy price (period ALL); TOU: a price per time-of-use period
    pricing              varchar(4)    not null check (pricing in ('FLAT', 'TOU')),
    -- NONE, or tiers counted on the calendar year's / the month's cumulative kWh (all periods together)
    tier_basis           varchar(7)    not null check (tier_basis in ('NONE', 'ANNUAL', 'MONTHLY')),
    -- two-part tariff: 元/kVA·month of contracted capacity, 元/kW·month of maximum demand
    basic_capacity_price numeric(10, 4) check (basic_capacity_price >= 0),
    basic_demand_price   numeric(10, 4) check (basic_demand_price >= 0),
    -- power-factor standard (力调标准) of the tariff; a customer's own standard may override it
    pf_standard          numeric(3, 2) check (pf_standard in (0.90, 0.85, 0.80)),
    source               varchar(300)  not null,
    unique (tariff_id, effective_from)
);

-- Tier n applies to the kWh beyond above_kwh of the cumulative consumption; increment is what tier n adds
-- to every period's (tier 1) energy price. Tier 1 is above 0 with increment 0.
create table tariff_tier (
    version_id bigint        not null references tariff_version (id),
    tier       smallint      not null check (tier between 1 and 9),
    above_kwh  numeric(12, 2) not null check (above_kwh >= 0),
    increment  numeric(10, 5) not null check (increment >= 0),
    primary key (version_id, tier)
);

-- The (tier 1) energy price of each period; ALL for a FLAT version.
create table tariff_energy_price (
    version_id bigint        not null references tariff_version (id),
    period     varchar(13)   not null check (period in ('ALL', 'CRITICAL_PEAK', 'PEAK', 'FLAT', 'VALLEY')),
    price      numeric(10, 5) not null check (price >= 0),
    primary key (version_id, period)
);

-- When each TOU period runs, local time (Asia/Shanghai), [starts, ends); months null = every month. A
-- critical-peak window lies inside a peak window and wins in its months.
create table tariff_tou_window (
    version_id bigint      not null references tariff_version (id),
    period     varchar(13) not null check (period in ('CRITICAL_PEAK', 'PEAK', 'FLAT', 'VALLEY')),
    starts     time        not null,
    ends       time        not null,
    months     smallint[],
    primary key (version_id, period, starts)
);

-- Government funds and surcharges (政府性基金及附加) per kWh of the total.
create table tariff_surcharge (
    version_id    bigint         not null references tariff_version (id),
    code          varchar(30)    not null,
    name_zh       varchar(100)   not null,
    name_en       varchar(100)   not null,
    price_per_kwh numeric(10, 6) not null check (price_per_kwh >= 0),
    primary key (version_id, code)
);

-- The power-factor adjustment table (功率因数调整电费表): percent of (basic + energy charge) for a monthly
-- power factor at a standard; negative = a reduction. From the domain reference's power-factor-adjustment.csv.
create table power_factor_adjustment (
    standard     numeric(3, 2) not null check (standard in (0.90, 0.85, 0.80)),
    power_factor numeric(3, 2) not null check (power_factor between 0 and 1),
    percent      numeric(6, 2) not null,
    primary key (standard, power_factor)
);

insert into power_factor_adjustment (standard, power_factor, percent) values
    (0.90, 1.00, -0.75), (0.85, 1.00, -1.10), (0.80, 1.00, -1.30), (0.90, 0.99, -0.75), (0.85, 0.99, -1.10), (0.80, 0.99, -1.30),
    (0.90, 0.98, -0.75), (0.85, 0.98, -1.10), (0.80, 0.98, -1.30), (0.90, 0.97, -0.75), (0.85, 0.97, -1.10), (0.80, 0.97, -1.30),
    (0.90, 0.96, -0.75), (0.85, 0.96, -1.10), (0.80, 0.96, -1.30), (0.90, 0.95, -0.75), (0.85, 0.95, -1.10), (0.80, 0.95, -1.30),
    (0.90, 0.94, -0.60), (0.85, 0.94, -1.10), (0.80, 0.94, -1.30), (0.90, 0.93, -0.45), (0.85, 0.93, -0.95), (0.80, 0.93, -1.30),
    (0.90, 0.92, -0.30), (0.85, 0.92, -0.80), (0.80, 0.92, -1.30), (0.90, 0.91, -0.15), (0.85, 0.91, -0.65), (0.80, 0.91, -1.15),
    (0.90, 0.90, 0.00), (0.85, 0.90, -0.50), (0.80, 0.90, -1.00), (0.90, 0.89, 0.50), (0.85, 0.89, -0.40), (0.80, 0.89, -0.90),
    (0.90, 0.88, 1.00), (0.85, 0.88, -0.30), (0.80, 0.88, -0.80), (0.90, 0.87, 1.50), (0.85, 0.87, -0.20), (0.80, 0.87, -0.70),
    (0.90, 0.86, 2.00), (0.85, 0.86, -0.10), (0.80, 0.86, -0.60), (0.90, 0.85, 2.50), (0.85, 0.85, -0.00), (0.80, 0.85, -0.50),
    (0.90, 0.84, 3.00), (0.85, 0.84, 0.50), (0.80, 0.84, -0.40), (0.90, 0.83, 3.50), (0.85, 0.83, 1.00), (0.80, 0.83, -0.30),
    (0.90, 0.82, 4.00), (0.85, 0.82, 1.50), (0.80, 0.82, -0.20), (0.90, 0.81, 4.50), (0.85, 0.81, 2.00), (0.80, 0.81, -0.10),
    (0.90, 0.80, 5.00), (0.85, 0.80, 2.50), (0.80, 0.80, -0.00), (0.90, 0.79, 5.50), (0.85, 0.79, 3.00), (0.80, 0.79, 0.50),
    (0.90, 0.78, 6.00), (0.85, 0.78, 3.50), (0.80, 0.78, 1.00), (0.90, 0.77, 6.50), (0.85, 0.77, 4.00), (0.80, 0.77, 1.50),
    (0.90, 0.76, 7.00), (0.85, 0.76, 4.50), (0.80, 0.76, 2.00), (0.90, 0.75, 7.50), (0.85, 0.75, 5.00), (0.80, 0.75, 2.50),
    (0.90, 0.74, 8.00), (0.85, 0.74, 5.50), (0.80, 0.74, 3.00), (0.90, 0.73, 8.50), (0.85, 0.73, 6.00), (0.80, 0.73, 3.50),
    (0.90, 0.72, 9.00), (0.85, 0.72, 6.50), (0.80, 0.72, 4.00), (0.90, 0.71, 9.50), (0.85, 0.71, 7.00), (0.80, 0.71, 4.50),
    (0.90, 0.70, 10.00), (0.85, 0.70, 7.50), (0.80, 0.70, 5.00), (0.90, 0.69, 11.00), (0.85, 0.69, 8.00), (0.80, 0.69, 5.50),
    (0.90, 0.68, 12.00), (0.85, 0.68, 8.50), (0.80, 0.68, 6.00), (0.90, 0.67, 13.00), (0.85, 0.67, 9.00), (0.80, 0.67, 6.50),
    (0.90, 0.66, 14.00), (0.85, 0.66, 9.50), (0.80, 0.66, 7.00), (0.90, 0.65, 15.00), (0.85, 0.65, 10.00), (0.80, 0.65, 7.50),
    (0.90, 0.64, 17.00), (0.85, 0.64, 11.00), (0.80, 0.64, 8.00), (0.90, 0.63, 19.00), (0.85, 0.63, 12.00), (0.80, 0.63, 8.50),
    (0.90, 0.62, 21.00), (0.85, 0.62, 13.00), (0.80, 0.62, 9.00), (0.90, 0.61, 23.00), (0.85, 0.61, 14.00), (0.80, 0.61, 9.50),
    (0.90, 0.60, 25.00), (0.85, 0.60, 15.00), (0.80, 0.60, 10.00), (0.90, 0.59, 27.00), (0.85, 0.59, 17.00), (0.80, 0.59, 11.00),
    (0.90, 0.58, 29.00), (0.85, 0.58, 19.00), (0.80, 0.58, 12.00), (0.90, 0.57, 31.00), (0.85, 0.57, 21.00), (0.80, 0.57, 13.00),
    (0.90, 0.56, 33.00), (0.85, 0.56, 23.00), (0.80, 0.56, 14.00), (0.90, 0.55, 35.00), (0.85, 0.55, 25.00), (0.80, 0.55, 15.00),
    (0.90, 0.54, 37.00), (0.85, 0.54, 27.00), (0.80, 0.54, 17.00), (0.90, 0.53, 39.00), (0.85, 0.53, 29.00), (0.80, 0.53, 19.00),
    (0.90, 0.52, 41.00), (0.85, 0.52, 31.00), (0.80, 0.52, 21.00), (0.90, 0.51, 43.00), (0.85, 0.51, 33.00), (0.80, 0.51, 23.00),
    (0.90, 0.50, 45.00), (0.85, 0.50, 35.00), (0.80, 0.50, 25.00), (0.90, 0.49, 47.00), (0.85, 0.49, 37.00), (0.80, 0.49, 27.00),
    (0.90, 0.48, 49.00), (0.85, 0.48, 39.00), (0.80, 0.48, 29.00), (0.90, 0.47, 51.00), (0.85, 0.47, 41.00), (0.80, 0.47, 31.00),
    (0.90, 0.46, 53.00), (0.85, 0.46, 43.00), (0.80, 0.46, 33.00), (0.90, 0.45, 55.00), (0.85, 0.45, 45.00), (0.80, 0.45, 35.00),
    (0.90, 0.44, 57.00), (0.85, 0.44, 47.00), (0.80, 0.44, 37.00), (0.90, 0.43, 59.00), (0.85, 0.43, 49.00), (0.80, 0.43, 39.00),
    (0.90, 0.42, 61.00), (0.85, 0.42, 51.00), (0.80, 0.42, 41.00), (0.90, 0.41, 63.00), (0.85, 0.41, 53.00), (0.80, 0.41, 43.00),
    (0.90, 0.40, 65.00), (0.85, 0.40, 55.00), (0.80, 0.40, 45.00), (0.90, 0.39, 67.00), (0.85, 0.39, 57.00), (0.80, 0.39, 47.00),
    (0.90, 0.38, 69.00), (0.85, 0.38, 59.00), (0.80, 0.38, 49.00), (0.90, 0.37, 71.00), (0.85, 0.37, 61.00), (0.80, 0.37, 51.00),
    (0.90, 0.36, 73.00), (0.85, 0.36, 63.00), (0.80, 0.36, 53.00), (0.90, 0.35, 75.00), (0.85, 0.35, 65.00), (0.80, 0.35, 55.00),
    (0.90, 0.34, 77.00), (0.85, 0.34, 67.00), (0.80, 0.34, 57.00), (0.90, 0.33, 79.00), (0.85, 0.33, 69.00), (0.80, 0.33, 59.00),
    (0.90, 0.32, 81.00), (0.85, 0.32, 71.00), (0.80, 0.32, 61.00), (0.90, 0.31, 83.00), (0.85, 0.31, 73.00), (0.80, 0.31, 63.00),
    (0.90, 0.30, 85.00), (0.85, 0.30, 75.00), (0.80, 0.30, 65.00);

-- Zhejiang residential, annual tiers (domain reference §3). The reference gives no start date: the seeded
-- versions are in force from 2020-01-01.
insert into tariff (code, name_zh, name_en, example) values
    ('ZJ-RES-FLAT', '浙江居民生活用电（阶梯，非分时）', 'Zhejiang residential, tiered, flat rate', false),
    ('ZJ-RES-TOU', '浙江居民生活用电（阶梯，峰谷分时）', 'Zhejiang residential, tiered, time-of-use', false),
    ('EXAMPLE-LI-TOU', '示例：大工业两部制峰谷电价（广东式时段）', 'Example: large industry two-part TOU (Guangdong-style periods)', true);

insert into tariff_version (tariff_id, effective_from, pricing, tier_basis, basic_capacity_price, basic_demand_price,
                            pf_standard, source)
select id, date '2020-01-01', 'FLAT', 'ANNUAL', null::numeric, null::numeric, null::numeric, 'domain reference §3: Zhejiang residential annual tiers'
  from tariff where code = 'ZJ-RES-FLAT'
union all
select id, date '2020-01-01', 'TOU', 'ANNUAL', null::numeric, null::numeric, null::numeric, 'domain reference §3: Zhejiang residential annual tiers, TOU'
  from tariff where code = 'ZJ-RES-TOU'
union all
select id, date '2020-01-01', 'TOU', 'NONE', 26, 40, 0.90,
       'example: Guangdong 2021 TOU periods, assignment prices (1.25/1.00/0.60/0.30), 26 元/kVA, 40 元/kW, PF 0.90'
  from tariff where code = 'EXAMPLE-LI-TOU';

-- tiers 2761–4800 and above 4800 kWh a year; +0.05 / +0.30 元/kWh on every period's price
insert into tariff_tier (version_id, tier, above_kwh, increment)
select v.id, t.tier, t.above_kwh, t.increment
  from tariff_version v join tariff f on f.id = v.tariff_id
 cross join (values (1, 0, 0), (2, 2760, 0.05), (3, 4800, 0.30)) as t(tier, above_kwh, increment)
 where f.code in ('ZJ-RES-FLAT', 'ZJ-RES-TOU');

insert into tariff_energy_price (version_id, period, price)
select v.id, p.period, p.price
  from tariff_version v join tariff f on f.id = v.tariff_id
  join (values ('ZJ-RES-FLAT', 'ALL', 0.538),
               ('ZJ-RES-TOU', 'PEAK', 0.568), ('ZJ-RES-TOU', 'VALLEY', 0.288),
               ('EXAMPLE-LI-TOU', 'CRITICAL_PEAK', 1.25), ('EXAMPLE-LI-TOU', 'PEAK', 1.00),
               ('EXAMPLE-LI-TOU', 'FLAT', 0.60), ('EXAMPLE-LI-TOU', 'VALLEY', 0.30)) as p(code, period, price)
       on p.code = f.code;

insert into tariff_tou_window (version_id, period, starts, ends, months)
select v.id, w.period, w.starts::time, w.ends::time, w.months::smallint[]
  from tariff_version v join tariff f on f.id = v.tariff_id
  join (values ('ZJ-RES-TOU', 'PEAK', '08:00', '22:00', null),
               ('ZJ-RES-TOU', 'VALLEY', '22:00', '24:00', null),
               ('ZJ-RES-TOU', 'VALLEY', '00:00', '08:00', null),
               ('EXAMPLE-LI-TOU', 'VALLEY', '00:00', '08:00', null),
               ('EXAMPLE-LI-TOU', 'FLAT', '08:00', '10:00', null),
               ('EXAMPLE-LI-TOU', 'PEAK', '10:00', '12:00', null),
               ('EXAMPLE-LI-TOU', 'FLAT', '12:00', '14:00', null),
               ('EXAMPLE-LI-TOU', 'PEAK', '14:00', '19:00', null),
               ('EXAMPLE-LI-TOU', 'FLAT', '19:00', '24:00', null),
               ('EXAMPLE-LI-TOU', 'CRITICAL_PEAK', '11:00', '12:00', '{7,8,9}'),
               ('EXAMPLE-LI-TOU', 'CRITICAL_PEAK', '15:00', '17:00', '{7,8,9}')) as w(code, period, starts, ends, months)
       on w.code = f.code;
