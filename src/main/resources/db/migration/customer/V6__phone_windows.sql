-- Phone fragment search by 4-digit windows (尾号 search). A search for four digits ("5678") matched the trigram
-- index on phone_digits: a bitmap of every customer whose digits hold the fragment's two trigrams (1,000–7,000 at
-- a million customers), each re-checked in the table and all of them sorted by number for a page of 20 — about
-- 4 ms of PostgreSQL per search, the tail of customer search under load (docs/benchmarks.md, fifth pass).
--
-- customer_phone_window holds every 4-digit window of every phone of a customer, once per customer and window
-- (a customer whose phones hold "1234" twice has one row). Windows are taken within one phone, never across the
-- space between two phones of phone_digits (digits only, space separated), so they match exactly what
-- `phone_digits like '%1234%'` matches for four digits. A window is stored as its number (0571 → 571; every window
-- has four digits, so the number is unique). The primary key (fragment, number) is in customer-number order ("C"
-- collation, as customer.number) and carries unit_id: the first page of a fragment is an index-only range scan in
-- number order with the data scope (`unit_id = any(:units)`) checked in the index, and only the page's rows are
-- joined to customer (kind and flag filters are applied there). A longer fragment is read as two of its windows
-- joined on number, then checked against phone_digits (CustomerRepository.phoneBranch).
--
-- The windows are written out in each statement below rather than as a set-returning function: PostgreSQL cannot
-- inline such a function, and calling it once per row made the backfill six times slower.
--
-- Kept by triggers, not by the application: customers are written by single inserts and updates, a batched
-- INSERT … ON CONFLICT (CSV import), COPY (CustomerBulkLoad, the demo company) and plain SQL (bench/customers-1m.sql,
-- operators' repairs). A trigger sees every one of them, in the same transaction, and a new write path cannot forget
-- it. They are statement triggers with transition tables, so a COPY or a 1,000,000-row INSERT … SELECT adds its
-- windows in one set-based INSERT instead of one trigger call per row; an update rewrites the windows only of the
-- rows whose phones, number or unit changed (a tariff change of every customer touches none), each by its key.
create table customer_phone_window (
    fragment smallint    not null check (fragment between 0 and 9999),
    number   varchar(13) collate "C" not null,
    unit_id  bigint      not null
);

create function customer_phone_window_insert() returns trigger language plpgsql as $$
begin
    insert into customer_phone_window (fragment, number, unit_id)
    select x.w, n.number, n.unit_id
      from new_customers n,
           lateral (select distinct cast(substr(phone, i, 4) as smallint) as w
                      from unnest(string_to_array(n.phone_digits, ' ')) as phone,
                           generate_series(1, length(phone) - 3) as i) x;
    return null;
end
$$;

-- An update or delete changes the windows customer by customer: each is a few probes of the key. (As one statement
-- over the transition tables PostgreSQL, which has no row counts for them, hashed all 9 million windows to join them.)
create function customer_phone_window_update() returns trigger language plpgsql as $$
declare
    changed record;
begin
    for changed in
        select o.number as old_number, o.phone_digits as old_digits, n.number, n.phone_digits, n.unit_id
          from old_customers o join new_customers n on n.id = o.id
         where (o.phone_digits, o.number, o.unit_id) is distinct from (n.phone_digits, n.number, n.unit_id)
    loop
        delete from customer_phone_window
         where number = changed.old_number
           and fragment = any (array(select cast(substr(phone, i, 4) as smallint)
                                       from unnest(string_to_array(changed.old_digits, ' ')) as phone,
                                            generate_series(1, length(phone) - 3) as i));
        insert into customer_phone_window (fragment, number, unit_id)
        select distinct cast(substr(phone, i, 4) as smallint), changed.number, changed.unit_id
          from unnest(string_to_array(changed.phone_digits, ' ')) as phone,
               generate_series(1, length(phone) - 3) as i;
    end loop;
    return null;
end
$$;

create function customer_phone_window_delete() returns trigger language plpgsql as $$
declare
    gone record;
begin
    for gone in select number, phone_digits from old_customers loop
        delete from customer_phone_window
         where number = gone.number
           and fragment = any (array(select cast(substr(phone, i, 4) as smallint)
                                       from unnest(string_to_array(gone.phone_digits, ' ')) as phone,
                                            generate_series(1, length(phone) - 3) as i));
    end loop;
    return null;
end
$$;

-- The backfill: one set-based insert in key order, then the key built over all rows at once (faster than growing it
-- row by row). Until autovacuum (its insert threshold) has marked the new pages all-visible, an index scan of the key
-- fetches each row from the table: in key order a fragment's rows share a few pages instead of one page each. At
-- 1,000,000 customers (8.9 million windows, 440 MB and a 340 MB key) this takes about 40 s on 2 cores.
set local maintenance_work_mem = '512MB';
insert into customer_phone_window (fragment, number, unit_id)
select x.w, c.number, c.unit_id
  from customer c,
       lateral (select distinct cast(substr(phone, i, 4) as smallint) as w
                  from unnest(string_to_array(c.phone_digits, ' ')) as phone,
                       generate_series(1, length(phone) - 3) as i) x
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
