-- A name prefix search ("许峰", a name of two characters that 400 of a million customers start with) wants its first
-- 50 matches in customer-number order. From the plain prefix index that meant fetching every match from the table
-- to learn its number and sort, which PostgreSQL costed above walking the whole number index until 50 names
-- matched — 130,000 rows, 20 ms and more (docs/benchmarks.md, issue #3). With the number and unit carried in the
-- index the matches' numbers come from the index alone (an index-only scan of a few hundred entries and a top-50
-- sort, ~1 ms), the data scope checked there too; a common prefix ("王") still walks the number index.
drop index if exists customer_name_prefix;
set local maintenance_work_mem = '512MB';
create index customer_name_prefix on customer (name text_pattern_ops) include (number, unit_id);
