create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(100) not null,
    actor_unit_id  bigint,
    action         varchar(60)  not null,
    entity_type    varchar(60),
    entity_id      varchar(100),
    summary        text,
    client_address varchar(64),
    request_id     varchar(64)
);

create index audit_event_occurred_at on audit_event (occurred_at desc, id desc);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_actor on audit_event (actor, occurred_at desc);
