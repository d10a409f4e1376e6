-- Phone fragment search by 4-digit windows (尾号 search). A search for four digits ("5678") matched the trigram
-- index on phone_digits: a bitmap of every customer whose digits hold the fragment's two trigrams (1,000–7,000 at
-- a million customers), each re-checked in the table and all of them sorted by number for a page of 20 — about
-- 4 ms of PostgreSQL per search, the tail of customer search under load (docs/benchmarks.md, fifth pass).
--
-- customer_phone_window holds every 4-digit window of every phone of a customer, once per customer and window
-- (a customer whose phones hold "1234" twice has one row). Windows are taken within one phone, never across the
-- space between two phones of phone_digits, so they match exactly what `phone_digits like '%1234%'` matches for
-- four digits. The primary key (fragment, number) is in customer-number order ("C" collation, as customer.number)
-- and carries unit_id: the first page of a fragment is an index-only range scan in number order, the data scope
-- (`unit_id = any(:units)`) filtered in the index, and only the page's rows are joined to customer (kind and flag
-- filters are applied there). A window is stored as its number (0571 → 571; every window has four digits, so the
-- number is unique).
--
-- Kept by triggers, not by the application: customers are written by single inserts and updates, a batched
-- INSERT … ON CONFLICT (CSV import), COPY (CustomerBulkLoad, the demo company) and plain SQL (bench/customers-1m.sql,
-- operators' repairs). A trigger sees every one of them, in the same transaction, and a new write path cannot forget
-- it. They are statement triggers with transition tables, so a COPY or a 1,000,000-row INSERT … SELECT adds its
-- windows in one set-based INSERT instead of one trigger call per row; an update rewrites the windows only of the
-- rows whose phones, number or unit changed (a tariff change of every customer touches none).
create function customer_phone_windows(phone_digits text) returns setof smallint
    language sql immutable strict parallel safe as $$
    select distinct cast(substr(phone, i, 4) as smallint)
      from regexp_split_to_table(phone_digits, '[^0-9]+') as phone,
           generate_series(1, length(phone) - 3) as i
$$;

create table customer_phone_window (
    fragment smallint    not null check (fragment between 0 and 9999),
    number   varchar(13) collate "C" not null,
    unit_id  bigint      not null
);

create function customer_phone_window_insert() returns trigger language plpgsql as $$
begin
    insert into customer_phone_window (fragment, number, unit_id)
    select w, n.number, n.unit_id from new_customers n, customer_phone_windows(n.phone_digits) as w;
    return null;
end
$$;

create function customer_phone_window_update() returns trigger language plpgsql as $$
begin
    delete from customer_phone_window w
     using old_customers o join new_customers n on n.id = o.id, customer_phone_windows(o.phone_digits) as x
     where (o.phone_digits, o.number, o.unit_id) is distinct from (n.phone_digits, n.number, n.unit_id)
       and w.fragment = x and w.number = o.number;
    insert into customer_phone_window (fragment, number, unit_id)
    select x, n.number, n.unit_id
      from old_customers o join new_customers n on n.id = o.id, customer_phone_windows(n.phone_digits) as x
     where (o.phone_digits, o.number, o.unit_id) is distinct from (n.phone_digits, n.number, n.unit_id);
    return null;
end
$$;

create function customer_phone_window_delete() returns trigger language plpgsql as $$
begin
    delete from customer_phone_window w
     using old_customers o, customer_phone_windows(o.phone_digits) as x
     where w.fragment = x and w.number = o.number;
    return null;
end
$$;

-- The backfill: one set-based insert in key order (so the table's pages follow the index), then the key built
-- over the sorted rows (docs/benchmarks.md: the time it takes at 1,000,000 customers).
set local maintenance_work_mem = '512MB';
set local work_mem = '256MB';
insert into customer_phone_window (fragment, number, unit_id)
select w, c.number, c.unit_id from customer c, customer_phone_windows(c.phone_digits) as w
 order by 1, 2;
alter table customer_phone_window add primary key (fragment, number) include (unit_id);
analyze customer_phone_window;

create trigger customer_phone_window_insert after insert on customer
    referencing new table as new_customers for each statement execute function customer_phone_window_insert();
create trigger customer_phone_window_update after update on customer
    referencing old table as old_customers new table as new_customers
    for each statement execute function customer_phone_window_update();
create trigger customer_phone_window_delete after delete on customer
    referencing old table as old_customers for each statement execute function customer_phone_window_delete();
