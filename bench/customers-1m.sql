-- Loads realistic customers into a GridCare database for the customer-search benchmark.
-- Run on demand (never in the test suite), against a GridCare that has started once (so that the
-- customer migrations ran), e.g.:
--   psql -h localhost -p 55432 -U postgres -d gridcare -v count=1000000 -f bench/customers-1m.sql
-- Customers are spread over the enabled supply stations; when there are none, 5 city companies with
-- 10 stations each are created under the root unit (codes BENCH-Cn and BENCH-Cn-Smm).
-- Customer numbers are 12 digits starting 3301 (3301 + 8-digit sequence); rerunning skips numbers
-- that exist. The trigram indexes and the key of the phone windows (customer_phone_window, filled by the
-- customer table's triggers as the rows go in) are dropped during the load and rebuilt after it (much faster).
\set ON_ERROR_STOP on
\if :{?count}
\else
  \set count 1000000
\endif
\timing on

-- 1. supply stations to spread the customers over
do $$
declare
    root_id bigint;
    root_path text;
    city_id bigint;
    city_path text;
    station_id bigint;
begin
    if exists (select 1 from org_unit where kind = 'SUPPLY_STATION' and enabled) then
        return;
    end if;
    select id, path into root_id, root_path from org_unit where parent_id is null order by id limit 1;
    for c in 1..5 loop
        city_id := nextval('org_unit_id_seq');
        city_path := root_path || city_id || '/';
        insert into org_unit (id, code, name, kind, area_type, parent_id, path, enabled, version, created_at, updated_at)
        values (city_id, 'BENCH-C' || c, (array['杭州','宁波','温州','嘉兴','湖州'])[c] || '供电公司', 'CITY_COMPANY',
                'URBAN', root_id, city_path, true, 0, now(), now());
        for s in 1..10 loop
            station_id := nextval('org_unit_id_seq');
            insert into org_unit (id, code, name, kind, area_type, parent_id, path, enabled, version, created_at, updated_at)
            values (station_id, 'BENCH-C' || c || '-S' || lpad(s::text, 2, '0'),
                    (array['杭州','宁波','温州','嘉兴','湖州'])[c] || '第' || s || '供电所', 'SUPPLY_STATION',
                    case when s > 7 then 'RURAL' else 'URBAN' end, city_id, city_path || station_id || '/', true, 0,
                    now(), now());
        end loop;
    end loop;
end $$;

-- 2. drop the trigram indexes, the number walk's index and the phone windows' key for the load
drop index if exists customer_number_walk;
drop index if exists customer_unit_name_trgm;
drop index if exists customer_unit_address_trgm;
drop index if exists customer_phone_trgm;
alter table customer_phone_window drop constraint if exists customer_phone_window_pkey;

-- 3. the customers: Chinese names and addresses, mobile (and some landline) phones, kinds and flags
with stations as (
    select array_agg(id order by id) as ids from org_unit where kind = 'SUPPLY_STATION' and enabled
), words as (
    select array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗',
                 '郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡',
                 '余','杜','叶','程','苏','魏','吕','丁','任','沈'] as surnames,
           array['伟','芳','娜','秀','英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','霞',
                 '平','刚','桂','兰','华','建','国','文','海','燕','玲','红','辉','鹏','飞','波','斌','宇','浩','凯',
                 '晨','阳','欣','怡','佳','俊','峰','婷','琳','雪'] as given,
           array['西湖区','上城区','拱墅区','滨江区','萧山区','余杭区','临平区','钱塘区','富阳区','临安区',
                 '海曙区','江北区','鄞州区','鹿城区','瓯海区','南湖区','秀洲区','吴兴区','南浔区','德清县'] as districts,
           array['文三','文一','天目山','莫干山','延安','解放','庆春','凤起','体育场','江南','滨盛','建设',
                 '人民','中山','环城北','学院','教工','古墩','紫金港','丰潭','湖墅南','秋涛','望江','复兴',
                 '之江','石桥','半山','东新','新华','江城'] as roads,
           array['路','大道','街'] as road_kinds,
           array['阳光','金色','翠苑','嘉绿','雅苑','和家','德苑','东方','锦绣','碧水','新城','幸福'] as estates,
           array['公司','商贸有限公司','机械厂','食品厂','纺织有限公司','电子科技有限公司','农业合作社','酒店','超市','物业管理有限公司'] as businesses,
           array['38','39','37','36','35','50','51','52','58','59','86','87','88','89','57','77'] as mobile_prefixes
), generated as (
    select i,
           (hashint4(i) & 2147483647) as h1,
           (hashint4(i + 7919) & 2147483647) as h2,
           (hashint4(i + 104729) & 2147483647) as h3
    from generate_series(1, :count) as i
)
insert into customer (number, name, kind, voltage_level, address, phones, phone_digits, id_number, tariff_code,
                      capacity_kva, unit_id, flags, version, created_at, updated_at)
select c.number, c.name, c.kind, c.voltage_level, c.address, c.phones, array_to_string(c.phones, ' '),
       c.id_number, c.tariff_code, c.capacity_kva, c.unit_id, c.flags, 0, now(), now()
from (
    select '3301' || lpad(g.i::text, 8, '0') as number,
           case when g.h1 % 100 < 88
                then w.surnames[1 + g.h1 % 50] || w.given[1 + g.h2 % 50] || case when g.h3 % 3 = 0 then '' else w.given[1 + g.h3 % 50] end
                else w.districts[1 + g.h2 % 20] || w.roads[1 + g.h3 % 30] || w.businesses[1 + g.h1 % 10] end as name,
           case when g.h1 % 100 < 88 then 'RESIDENTIAL'
                when g.h1 % 100 < 96 then 'COMMERCIAL'
                when g.h1 % 100 < 98 then 'LARGE_INDUSTRY'
                else 'AGRICULTURE' end as kind,
           case when g.h1 % 100 < 80 then 'AC220V'
                when g.h1 % 100 < 96 then 'AC380V'
                when g.h1 % 100 < 99 then 'AC10KV'
                else 'AC35KV' end as voltage_level,
           '浙江省' || w.districts[1 + g.h2 % 20] || w.roads[1 + g.h3 % 30] || w.road_kinds[1 + g.h1 % 3]
               || (1 + g.h2 % 999) || '号'
               || case when g.h1 % 100 < 88
                       then w.estates[1 + g.h3 % 12] || '小区' || (1 + g.h1 % 40) || '幢' || (1 + g.h2 % 6) || '单元'
                            || (1 + g.h3 % 30) || lpad((1 + g.h1 % 4)::text, 2, '0') || '室'
                       else '' end as address,
           case when g.h2 % 10 = 0
                then array['1' || w.mobile_prefixes[1 + g.h1 % 16] || lpad((g.h2 % 100000000)::text, 8, '0'),
                           '0571' || lpad((g.h3 % 100000000)::text, 8, '0')]::varchar(20)[]
                else array['1' || w.mobile_prefixes[1 + g.h1 % 16] || lpad((g.h2 % 100000000)::text, 8, '0')]::varchar(20)[]
           end as phones,
           case when g.h1 % 100 < 88
                then '3301' || lpad((g.h3 % 100)::text, 2, '0') || (1940 + g.h2 % 65) || lpad((1 + g.h1 % 12)::text, 2, '0')
                     || lpad((1 + g.h3 % 28)::text, 2, '0') || lpad((g.h2 % 1000)::text, 3, '0')
                     || (array['0','1','2','3','4','5','6','7','8','9','X'])[1 + g.h3 % 11]
                else null end as id_number,
           case when g.h1 % 100 < 88 then 'RES-TIER' when g.h1 % 100 < 96 then 'GEN-COM'
                when g.h1 % 100 < 98 then 'LI-2PART' else 'AGRI' end as tariff_code,
           case when g.h1 % 100 < 88 then 8 when g.h1 % 100 < 96 then 50 + g.h2 % 200
                when g.h1 % 100 < 98 then 315 + (g.h2 % 20) * 100 else 30 + g.h2 % 70 end as capacity_kva,
           s.ids[1 + g.h3 % cardinality(s.ids)] as unit_id,
           (case when g.h2 % 1000 < 5 then array['IMPORTANT'] else array[]::text[] end
            || case when g.h3 % 1000 < 10 then array['SENSITIVE'] else array[]::text[] end
            || case when g.h1 % 1000 < 20 then array['VULNERABLE'] else array[]::text[] end)::varchar(12)[] as flags
    from generated g cross join words w cross join stations s
) c
on conflict (number) do nothing;

-- 4. rebuild the trigram indexes, the number walk's index and the windows' key (same definitions as
--    db/migration/customer/V1__customer.sql, V6__phone_windows.sql, V8__scoped_search.sql and V9__number_walk_covering.sql)
set maintenance_work_mem = '512MB';
create index if not exists customer_unit_name_trgm on customer using gin (unit_id, name gin_trgm_ops);
create index if not exists customer_unit_address_trgm on customer using gin (unit_id, address gin_trgm_ops);
create index if not exists customer_phone_trgm on customer using gin (phone_digits gin_trgm_ops);
create index if not exists customer_number_walk on customer (number) include (unit_id, name, address)
    where unit_id is not null;
alter table customer_phone_window add primary key (fragment, number) include (unit_id);
analyze customer;
analyze customer_phone_window;

select count(*) as customers, count(distinct unit_id) as stations from customer;
