-- Customer numbers are digits compared byte by byte: with the "C" collation the unique index on
-- number serves both a prefix search (`number like '3301%'` becomes an index range) and `order by
-- number`, so the separate text_pattern_ops index is no longer needed.
alter table customer alter column number type varchar(13) collate "C";
drop index if exists customer_number_prefix;
