-- A text search is planned by how many customers its fragment matches. PostgreSQL estimates a name prefix
-- or a fragment from the column's histogram; with the default 100 buckets every estimate was about 1 % of
-- the table or more (a name prefix matching 451 of 1,000,000 customers was taken for 9,811), so PostgreSQL
-- walked the number index through 400,000 rows instead of reading the 451 matches from the prefix index.
-- 1,000 buckets estimate such fragments within a factor of about 2 (docs/benchmarks.md, fourth pass).
alter table customer alter column name set statistics 1000;
alter table customer alter column address set statistics 1000;
alter table customer alter column phone_digits set statistics 1000;
analyze customer;
