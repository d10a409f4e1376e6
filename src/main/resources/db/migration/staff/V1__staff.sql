-- Service staff (服务人员): profiles on top of the identity module's users (keyed by its user id), teams under
-- org units, skills, on-duty shifts and certificates. The kinds of certificate, which work each covers, for
-- which positions it is mandatory, the shift codes and the voltage levels are configuration data seeded here.

-- Teams (班组) under an org unit, with a leader and their duties.
create table staff_team (
    id              bigserial     primary key,
    code            varchar(32)   not null unique,
    name            varchar(100)  not null,
    unit_id         bigint        not null,
    leader_user_id  bigint,
    duties          varchar(2000),
    enabled         boolean       not null default true,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         integer       not null default 0
);
create index staff_team_unit on staff_team (unit_id);

-- A staff member's profile: position (岗位), team, hire date, languages/dialects and voltage levels.
create table staff_profile (
    user_id         bigint        primary key,
    position        varchar(30)   not null check (position in ('AGENT', 'DISPATCHER', 'REPAIR_ELECTRICIAN',
                        'BUSINESS_HALL_CLERK', 'INSPECTOR', 'TRAINER', 'TEAM_LEADER', 'SUPERVISOR', 'MANAGER')),
    team_id         bigint        references staff_team (id),
    hire_date       date,
    languages       varchar(50)[] not null default '{}',
    voltage_levels  varchar(20)[] not null default '{}',
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         integer       not null default 0
);
create index staff_profile_team on staff_profile (team_id);
create index staff_profile_position on staff_profile (position);

-- Skills: the order types (and optionally one category of the type, with its sub-categories) a person handles.
create table staff_skill (
    user_id         bigint        not null references staff_profile (user_id) on delete cascade,
    order_type      varchar(30)   not null,
    category_code   varchar(64)   not null default '',
    primary key (user_id, order_type, category_code)
);
create index staff_skill_type on staff_skill (order_type, category_code);

-- Voltage levels a person is qualified to work on (电压等级).
create table staff_voltage_level (
    code            varchar(20)   primary key,
    name            varchar(50)   not null,
    name_en         varchar(50)   not null,
    sort_order      integer       not null
);
insert into staff_voltage_level (code, name, name_en, sort_order) values
 ('LV_0_4KV', '低压 0.4kV', 'Low voltage 0.4 kV', 10),
 ('MV_10KV', '中压 10kV', 'Medium voltage 10 kV', 20),
 ('MV_20KV', '中压 20kV', 'Medium voltage 20 kV', 30),
 ('HV_35KV', '高压 35kV', 'High voltage 35 kV', 40),
 ('HV_110KV', '高压 110kV', 'High voltage 110 kV', 50);

-- Shift codes (班次) with their local start and end (Asia/Shanghai); an end before the start ends the next day.
create table staff_shift_code (
    code            varchar(20)   primary key,
    name            varchar(50)   not null,
    name_en         varchar(50)   not null,
    starts_at       time          not null,
    ends_at         time          not null
);
insert into staff_shift_code (code, name, name_en, starts_at, ends_at) values
 ('DAY', '白班', 'Day shift', '08:00', '17:00'),
 ('EVENING', '中班', 'Evening shift', '16:00', '24:00'),
 ('NIGHT', '夜班', 'Night shift', '17:00', '08:00'),
 ('STANDBY', '24小时值守', '24-hour standby', '08:00', '08:00');

-- On-duty shifts (排班): one row per person and shift, by code or with explicit times.
create table staff_shift (
    id              bigserial     primary key,
    user_id         bigint        not null references staff_profile (user_id) on delete cascade,
    shift_date      date          not null,
    shift_code      varchar(20)   references staff_shift_code (code),
    starts_at       timestamptz   not null,
    ends_at         timestamptz   not null,
    note            varchar(500),
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null,
    check (ends_at > starts_at)
);
create index staff_shift_user_time on staff_shift (user_id, starts_at);
create index staff_shift_time on staff_shift (starts_at, ends_at);

-- Kinds of certificate (证书类别): name, level, usual validity.
create table staff_certificate_kind (
    code            varchar(40)   primary key,
    name            varchar(100)  not null,
    name_en         varchar(100)  not null,
    validity_months integer       check (validity_months is null or validity_months > 0),
    enabled         boolean       not null default true,
    sort_order      integer       not null
);
insert into staff_certificate_kind (code, name, name_en, validity_months, sort_order) values
 ('ELECTRICIAN_LV', '低压电工作业证（特种作业操作证）', 'Electrician licence, low voltage (special operations)', 72, 10),
 ('ELECTRICIAN_HV', '高压电工作业证（特种作业操作证）', 'Electrician licence, high voltage (special operations)', 72, 20),
 ('ELECTRICIAN_ENTRY', '电工进网作业许可证', 'Grid-access electrician permit', 72, 30),
 ('MARKETING_5', '电力营销师（五级/初级工）', 'Power marketing professional, level 5 (junior)', null, 40),
 ('MARKETING_4', '电力营销师（四级/中级工）', 'Power marketing professional, level 4 (intermediate)', null, 50),
 ('MARKETING_3', '电力营销师（三级/高级工）', 'Power marketing professional, level 3 (senior)', null, 60),
 ('MARKETING_2', '电力营销师（二级/技师）', 'Power marketing professional, level 2 (technician)', null, 70),
 ('CUSTOMER_SERVICE', '客户服务专员', 'Customer service specialist', 36, 80),
 ('QUALITY_INSPECTOR', '服务质量检查员', 'Service quality inspector', 36, 90);

-- Which work a kind of certificate covers: an order type, optionally narrowed to a category (and its children).
create table staff_certificate_coverage (
    kind_code       varchar(40)   not null references staff_certificate_kind (code),
    order_type      varchar(30)   not null,
    category_code   varchar(64)   not null default '',
    primary key (kind_code, order_type, category_code)
);
insert into staff_certificate_coverage (kind_code, order_type, category_code) values
 ('ELECTRICIAN_LV', 'FAULT_REPAIR', ''),
 ('ELECTRICIAN_LV', 'SERVICE_APPLICATION', 'SERVICE_APPLICATION.RECONNECTION'),
 ('ELECTRICIAN_LV', 'SERVICE_APPLICATION', 'SERVICE_APPLICATION.METER_ANOMALY'),
 ('CUSTOMER_SERVICE', 'COMPLAINT', ''),
 ('CUSTOMER_SERVICE', 'CONSULTATION', '');

-- For which positions a kind is mandatory (必备证书): an expired or missing one blocks the work it covers.
create table staff_certificate_requirement (
    position        varchar(30)   not null,
    kind_code       varchar(40)   not null references staff_certificate_kind (code),
    primary key (position, kind_code)
);
insert into staff_certificate_requirement (position, kind_code) values
 ('REPAIR_ELECTRICIAN', 'ELECTRICIAN_LV'),
 ('AGENT', 'CUSTOMER_SERVICE');

-- A person's certificates with their scan.
create table staff_certificate (
    id                bigserial     primary key,
    user_id           bigint        not null references staff_profile (user_id) on delete cascade,
    kind_code         varchar(40)   not null references staff_certificate_kind (code),
    number            varchar(64)   not null,
    issuer            varchar(100)  not null,
    issued_on         date          not null,
    expires_on        date,
    scan_filename     varchar(200),
    scan_content_type varchar(100),
    scan_size         integer,
    scan              bytea,
    created_by        varchar(100)  not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           integer       not null default 0,
    check (expires_on is null or expires_on >= issued_on),
    unique (kind_code, number)
);
create index staff_certificate_user on staff_certificate (user_id, kind_code);
create index staff_certificate_expiry on staff_certificate (expires_on) where expires_on is not null;

-- Notices for staff (expiring and expired certificates). One per certificate, kind, expiry date and recipient:
-- the scheduled job inserts with "on conflict do nothing", so a re-run never repeats a reminder, and a renewal
-- (a new expiry date) gets its own reminders when its time comes.
create table staff_notice (
    id              bigserial     primary key,
    recipient       varchar(100)  not null,
    subject_user_id bigint        not null,
    certificate_id  bigint        not null references staff_certificate (id) on delete cascade,
    kind            varchar(30)   not null check (kind in ('CERTIFICATE_EXPIRING', 'CERTIFICATE_EXPIRED')),
    expires_on      date          not null,
    created_at      timestamptz   not null,
    read_at         timestamptz,
    unique (certificate_id, kind, expires_on, recipient)
);
create index staff_notice_recipient on staff_notice (recipient, created_at desc);
