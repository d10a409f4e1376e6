-- The supply contract's effective-dated history (供用电合同变更记录): which tariff and — for a two-part tariff —
-- which basic-charge basis is in force from which billing month. customer.tariff_code / basic_charge_basis stay
-- the contract in force now (kept current when a change comes into force); the history is what bills of past
-- months are priced on. A customer without history rows has had its archive tariff all along; the first change
-- writes the archive's contract as the row with effective_from null ("since the customer was registered").
alter table customer add column basic_charge_basis varchar(8) check (basic_charge_basis in ('CAPACITY', 'DEMAND'));

create table customer_contract (
    id                 bigserial primary key,
    customer_id        bigint       not null references customer (id),
    effective_from     date check (extract(day from effective_from) = 1),
    tariff_code        varchar(30),
    basic_charge_basis varchar(8) check (basic_charge_basis in ('CAPACITY', 'DEMAND')),
    reason             varchar(500) not null,
    reference          varchar(60),
    created_by         varchar(100) not null,
    created_at         timestamptz  not null
);

-- one term per customer and month; the archive's own (null) at most once
create unique index customer_contract_month on customer_contract (customer_id, coalesce(effective_from, date '0001-01-01'));
-- the terms a month's change brings into force (the rollover)
create index customer_contract_from on customer_contract (effective_from) where effective_from is not null;
