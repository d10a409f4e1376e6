-- The daily KPI rollup (日汇总): the additive parts of every KPI formula (counts of denominator and numerator,
-- sums of the values a MEAN averages) per Asia/Shanghai day and anchor, at three levels of detail:
--   0: unit;   1: unit, type, channel and category;   2: unit and staff (handler, else the accepting agent).
-- Computed from kpi_order_fact with the formulas in force (their fingerprint is kept in kpi_rollup_state; a
-- change of formulas or settings empties the rollup and it is computed again). A report reads the rollup for
-- "clean" days — rolled up, settled (every :now-dependent condition decided: the day ended responseHours ago)
-- and not marked dirty — and the facts for every other day, in one snapshot, so its figures are always the
-- facts' figures. Medians are not additive and always come from the facts.
create table kpi_rollup (
    level          smallint     not null check (level in (0, 1, 2)),
    day            date         not null,
    anchor         varchar(10)  not null,
    unit_id        bigint       not null,
    type           varchar(30)  not null default '',
    channel        varchar(30)  not null default '',
    category_code  varchar(64)  not null default '',
    staff          varchar(100) not null default '',
    n              numeric[]    not null,
    d              numeric[]    not null,
    primary key (level, day, anchor, unit_id, type, channel, category_code, staff)
);

-- Days whose facts changed after they were rolled up (written in the statement that refreshes the facts).
create table kpi_rollup_dirty (
    day date primary key
);

-- rolled_until: the first day not rolled up yet (every earlier day is, or is marked dirty); fingerprint: the
-- formulas and settings the rollup was computed with.
create table kpi_rollup_state (
    id           integer primary key check (id = 1),
    fingerprint  varchar(64),
    rolled_until date,
    updated_at   timestamptz not null default now()
);
insert into kpi_rollup_state (id) values (1);
