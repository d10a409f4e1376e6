-- Indexes measured against 1,000,000 orders (bench/work-orders-1m.sql): a handler's orders of any
-- status, and the open overdue / warning queues in creation order.
create index work_order_handler_created on work_order (handler, created_at desc);
create index work_order_open_sla_created on work_order (sla_state, created_at desc)
    where sla_state <> 'NONE' and status not in ('CLOSED', 'CANCELLED', 'MERGED');
create index work_order_status_created on work_order (status, created_at desc);
