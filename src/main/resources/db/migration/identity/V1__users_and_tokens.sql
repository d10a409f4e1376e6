create table app_user (
    id                  bigint generated always as identity primary key,
    username            varchar(50)  not null,
    display_name        varchar(100) not null,
    password_hash       varchar(100) not null,
    unit_id             bigint       not null,
    roles               varchar(20)[] not null default '{}',
    enabled             boolean      not null default true,
    failed_attempts     integer      not null default 0,
    locked_until        timestamptz,
    locale              varchar(10),
    version             integer      not null default 0,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    password_changed_at timestamptz  not null
);

create unique index app_user_username on app_user (lower(username));
create index app_user_unit on app_user (unit_id);

create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references app_user (id),
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    prefix       varchar(16)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create index api_token_user on api_token (user_id, created_at desc);
