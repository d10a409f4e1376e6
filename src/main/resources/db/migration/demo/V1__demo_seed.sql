-- The demo company's seeding runs: one row when it started (finished_at null while it runs or when it
-- failed), so a second start neither seeds twice nor mistakes its own demo data for a user's data.
create table demo_seed (
    id          integer     primary key check (id = 1),
    seed        bigint      not null,
    customers   integer     not null,
    orders      integer     not null,
    months      integer     not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    took_ms     bigint
);
