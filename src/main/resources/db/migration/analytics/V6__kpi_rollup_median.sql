-- The values a MEDIAN formula takes (e.g. handling hours) per rollup key: a median is not additive, but the
-- median of a period is the median of the union of its days' values. Same keys and levels as kpi_rollup; one
-- row per MEDIAN formula (kpi) and key that has values.
create table kpi_rollup_median (
    level          smallint     not null check (level in (0, 1, 2)),
    day            date         not null,
    anchor         varchar(10)  not null,
    unit_id        bigint       not null,
    type           varchar(30)  not null default '',
    channel        varchar(30)  not null default '',
    category_code  varchar(64)  not null default '',
    staff          varchar(100) not null default '',
    kpi            varchar(40)  not null,
    vals           numeric[]    not null,
    primary key (level, day, kpi, anchor, unit_id, type, channel, category_code, staff)
);
