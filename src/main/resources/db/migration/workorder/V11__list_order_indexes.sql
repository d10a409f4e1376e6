-- Lists are ordered by created_at desc, id desc (the id keeps pages stable among orders of the same moment).
-- With the id in the index an equality filter plus that order is one index range read in list order, stopping
-- after the page. Without it PostgreSQL had to choose between sorting a handler's 50,000 orders and walking
-- the newest orders of everyone until 20 were that handler's (84 ms at 1,000,000 orders when the newest were
-- someone else's, see docs/benchmarks.md, "Lists and customer search, fourth pass").
create index work_order_handler_created_id on work_order (handler, created_at desc, id desc);
drop index work_order_handler_created;
create index work_order_status_created_id on work_order (status, created_at desc, id desc);
drop index work_order_status_created;
create index work_order_open_sla_created_id on work_order (sla_state, created_at desc, id desc)
    where sla_state <> 'NONE' and status not in ('CLOSED', 'CANCELLED', 'MERGED');
drop index work_order_open_sla_created;
create index work_order_created_id on work_order (created_at desc, id desc);
drop index work_order_created;
