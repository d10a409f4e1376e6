-- Customer search by a user whose data scope is one supply station or a few (issue #3). A name or address fragment
-- wants the first matches of the scope in customer-number order. The whole-table indexes answer that badly for a
-- small scope: walking the number index checks the unit of every customer in the table (a million rows when the
-- station has no match), and the trigram index fetches every match in the table to keep the station's few.
-- CustomerRepository walks the scope unit by unit instead (docs/benchmarks.md, "Scoped customer search"):
--
-- 1. customer_unit carries name and address: the first customers of a unit in number order, their name and address
--    tested in the index alone (an index-only scan; a fragment in one customer of ten fills a page of 50 within 500
--    entries). It replaces the index on (unit_id, number), which every other reader of a unit's customers used the
--    same way.
-- 2. The trigram indexes lead with the unit (btree_gin): when the walk finds few matches, the unit's matches of a
--    fragment are one index lookup, however common the fragment is elsewhere. A multicolumn GIN index answers a
--    condition on its second column alone as well as the single-column index it replaces (the admin's search).
create extension if not exists btree_gin;

set local maintenance_work_mem = '512MB';

drop index if exists customer_unit;
create index customer_unit on customer (unit_id, number) include (name, address);

drop index if exists customer_name_trgm;
create index customer_unit_name_trgm on customer using gin (unit_id, name gin_trgm_ops);
drop index if exists customer_address_trgm;
create index customer_unit_address_trgm on customer using gin (unit_id, address gin_trgm_ops);
