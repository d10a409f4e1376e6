create sequence org_unit_id_seq;

create table org_unit (
    id         bigint primary key default nextval('org_unit_id_seq'),
    code       varchar(32)  not null unique,
    name       varchar(100) not null,
    kind       varchar(20)  not null check (kind in ('PROVINCE_COMPANY', 'CITY_COMPANY', 'COUNTY_COMPANY',
                                                     'SUPPLY_STATION', 'SERVICE_CENTRE', 'TEAM')),
    area_type  varchar(10)  not null check (area_type in ('URBAN', 'RURAL', 'REMOTE')),
    parent_id  bigint references org_unit (id),
    path       varchar(1000) not null,
    enabled    boolean      not null default true,
    version    integer      not null default 0,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

alter sequence org_unit_id_seq owned by org_unit.id;
create index org_unit_path on org_unit (path varchar_pattern_ops);
create index org_unit_parent on org_unit (parent_id);
