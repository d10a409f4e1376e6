-- The SLA scheduler's two due-deadline scans (DeadlineScheduler: breaches, then warnings), as the scheduler
-- runs them, against a benchmark database: the plans and their execution times. Run 5 times; the scheduler
-- claims at most a batch of 500 per scan. The `for update skip locked` is kept, inside a transaction that is
-- rolled back, so nothing is claimed.
--   psql -h localhost -p 55431 -U postgres -d gridcare -f bench/sla-scan.sql
\timing off
select count(*) as clocks, count(*) filter (where stopped_at is null) as running from sla_clock;
begin;
explain (analyze, buffers, costs off)
select id from sla_clock
 where stopped_at is null and paused_since is null and not breach_raised and due_at <= now()
 order by due_at limit 500 for update skip locked;
explain (analyze, buffers, costs off)
select id from sla_clock
 where stopped_at is null and paused_since is null and not warning_raised and warning_at <= now()
 order by warning_at limit 500 for update skip locked;
rollback;
