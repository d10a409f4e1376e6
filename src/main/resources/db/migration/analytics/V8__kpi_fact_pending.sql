-- Orders whose KPI facts are to be refreshed (issue #3: the refresh is no longer part of the change's own
-- transaction). A change writes its orders here in its transaction, so the note commits or rolls back with it;
-- FactRefresher refreshes the facts of the noted orders in batches after the commit (every
-- gridcare.analytics.fact-refresh-interval) and, before any KPI report or drill-down is read, of every order
-- noted until then, so a report still counts every change committed before it started.
create table kpi_fact_pending (
    id       bigint generated always as identity primary key,
    order_id bigint not null
);
