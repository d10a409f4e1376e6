-- A meter's consumption per calendar month (Asia/Shanghai), kept by the imports in the same transaction
-- as the readings: the peer comparison of an analysis reads 12 rows per peer meter instead of 365 daily
-- sums or a year of register reads. Values are the meter's own (not multiplied).
--   kwh_e4 / days / max_kw_e4: the month's interval readings (sum, days with data, highest interval demand);
--   register_kwh / register_days: the register differences whose earlier read is in the month (at most
--   32 days apart) and the days they span.
create table meter_month (
    meter_id      bigint         not null,
    month         date           not null,
    kwh_e4        bigint         not null default 0,
    days          smallint       not null default 0,
    max_kw_e4     integer        not null default 0,
    register_kwh  numeric(16, 4) not null default 0,
    register_days numeric(10, 4) not null default 0,
    primary key (meter_id, month)
);

insert into meter_month (meter_id, month, kwh_e4, days, max_kw_e4)
select meter_id, date_trunc('month', day)::date, sum(kwh_e4), count(*), max(max_kw_e4)
  from meter_interval_day group by 1, 2;

insert into meter_month as m (meter_id, month, register_kwh, register_days)
select meter_id, date_trunc('month', read_at at time zone 'Asia/Shanghai')::date, sum(next_total - total),
       sum(extract(epoch from next_at - read_at)) / 86400
  from (select meter_id, read_at, total, lead(read_at) over w as next_at, lead(total) over w as next_total
          from meter_register window w as (partition by meter_id order by read_at)) pairs
 where next_at is not null and next_at > read_at and next_at - read_at <= interval '32 days'
 group by 1, 2
on conflict (meter_id, month) do update set register_kwh = excluded.register_kwh, register_days = excluded.register_days;
