-- Similar customers (same supply station and kind) are read in id order, a few hundred at a time, for the
-- consumption comparison: this index serves that read from the index alone, where the (unit_id, number)
-- index had to fetch every customer of the station from the table to check its kind (2.2 s cold at 1M).
create index if not exists customer_unit_kind on customer (unit_id, kind, id);
