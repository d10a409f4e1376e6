-- Return-visit rules per order type (回访设置), edited by administrators in the console. Repairs and
-- complaints always need a visit (visit_mandatory, from the issue and the service guide); the others
-- are a choice. A praise is only recorded and never visited, so it has no row.
create table work_order_visit_setting (
    order_type          varchar(30)  primary key,
    visit_needed        boolean      not null,
    visit_mandatory     boolean      not null default false,
    -- unreachable attempts before the visit is closed as unreachable
    max_attempts        integer      not null check (max_attempts between 1 and 10),
    -- what a DISSATISFIED verdict does: REOPEN (back to the handler) or ESCALATE (to the unit's supervisors)
    dissatisfied_action varchar(20)  not null check (dissatisfied_action in ('REOPEN', 'ESCALATE')),
    updated_by          varchar(100) not null,
    updated_at          timestamptz  not null,
    version             integer      not null default 0,
    check (visit_needed or not visit_mandatory)
);

insert into work_order_visit_setting (order_type, visit_needed, visit_mandatory, max_attempts, dissatisfied_action,
                                      updated_by, updated_at) values
 ('FAULT_REPAIR', true, true, 3, 'REOPEN', 'system', now()),
 ('COMPLAINT', true, true, 3, 'ESCALATE', 'system', now()),
 ('REPORT', true, false, 3, 'ESCALATE', 'system', now()),
 ('SERVICE_APPLICATION', true, false, 3, 'REOPEN', 'system', now()),
 ('OPINION', false, false, 3, 'REOPEN', 'system', now()),
 ('CONSULTATION', false, false, 3, 'REOPEN', 'system', now());

-- The verdict vocabulary is VisitResult now: the old UNSATISFIED is DISSATISFIED.
update work_order set satisfaction = 'DISSATISFIED' where satisfaction = 'UNSATISFIED';

-- The return-visit queue: reviewed orders waiting for their visit, per unit.
create index work_order_awaiting_visit on work_order (unit_id, updated_at) where status = 'REVIEWED';
