-- Example tariffs for the archive's commercial and agricultural customers (the demo company's COM-GENERAL and
-- AGR-PROD), so that every kind of customer has a priced tariff. The domain reference gives no prices for them:
-- both are illustrative single-part flat tariffs, marked as examples like EXAMPLE-LI-TOU, in force from
-- 2020-01-01, without tiers, surcharges or a power-factor standard (the reference's 0.85 / 0.80 standards apply
-- from 100 kVA, which the tariff can't tell; a real schedule would be its own code).
insert into tariff (code, name_zh, name_en, example) values
    ('COM-GENERAL', '示例：一般工商业单一制电价', 'Example: general commercial, single-part flat rate', true),
    ('AGR-PROD', '示例：农业生产用电', 'Example: agricultural production, flat rate', true);

insert into tariff_version (tariff_id, effective_from, pricing, tier_basis, basic_capacity_price, basic_demand_price,
                            pf_standard, source)
select id, date '2020-01-01', 'FLAT', 'NONE', null::numeric, null::numeric, null::numeric,
       'example: illustrative general commercial price 0.65 元/kWh (no official source in the domain reference)'
  from tariff where code = 'COM-GENERAL'
union all
select id, date '2020-01-01', 'FLAT', 'NONE', null::numeric, null::numeric, null::numeric,
       'example: illustrative agricultural production price 0.50 元/kWh (no official source in the domain reference)'
  from tariff where code = 'AGR-PROD';

insert into tariff_energy_price (version_id, period, price)
select v.id, 'ALL', p.price
  from tariff_version v join tariff t on t.id = v.tariff_id
  join (values ('COM-GENERAL', 0.65), ('AGR-PROD', 0.50)) as p(code, price) on p.code = t.code;
