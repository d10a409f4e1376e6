-- Return visits (回访): every attempt on an order, by an agent on the phone or by the customer through a
-- self-rating link. The order's current verdict stays on work_order.satisfaction; this is the history
-- the KPIs count (satisfaction rate, return-visit rate).
create table work_order_visit (
    id         bigserial    primary key,
    order_id   bigint       not null references work_order (id),
    attempt    integer      not null,
    result     varchar(30)  not null
        check (result in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'UNREACHABLE', 'REFUSED')),
    -- QUALITY, EFFICIENCY, ATTITUDE: what the customer was not satisfied with
    aspects    varchar(20)[] not null default '{}',
    comment    varchar(2000),
    -- 1–5 for a customer's self-rating, else null
    score      smallint     check (score between 1 and 5),
    source     varchar(20)  not null check (source in ('AGENT', 'SELF_RATING')),
    -- true when this attempt ended the visit (verdict, refusal, or last unreachable attempt)
    final      boolean      not null,
    visitor    varchar(100) not null,
    visited_at timestamptz  not null,
    unique (order_id, attempt)
);
create index work_order_visit_order on work_order_visit (order_id, attempt);
create index work_order_visit_at on work_order_visit (visited_at);
