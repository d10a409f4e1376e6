-- Rewards and penalties (奖惩). A rule per cause type gives the points and the amount (元; negative = penalty)
-- a record of that cause carries, and whether GridCare proposes records of it by itself from events. The
-- amounts are *assumed* defaults: every company sets its own (editable by administrators and managers).
create table incentive_rule (
    cause_type     varchar(30)    primary key check (cause_type in ('PRAISE_ORDER', 'INSPECTION_ERROR',
                       'INSPECTION_SERIOUS_ERROR', 'SUBSTANTIATED_COMPLAINT', 'SLA_BREACH', 'TRAINING_RESULT',
                       'OTHER')),
    points         integer        not null check (points between -1000 and 1000),
    amount         numeric(12, 2) not null check (amount between -1000000 and 1000000),
    auto_propose   boolean        not null,
    description    varchar(300)   not null,
    description_en varchar(300)   not null,
    updated_by     varchar(100)   not null,
    updated_at     timestamptz    not null,
    version        integer        not null default 0
);
insert into incentive_rule (cause_type, points, amount, auto_propose, description, description_en, updated_by,
                            updated_at) values
('PRAISE_ORDER', 2, 50.00, true, '客户表扬（表扬工单归档后记入处理人，默认值可调整）',
 'customer praise (credited to the handler when the praise order is closed; assumed default)', 'migration', now()),
('INSPECTION_ERROR', -2, -50.00, true, '质检确认差错（默认值可调整）',
 'confirmed quality error found by an inspection (assumed default)', 'migration', now()),
('INSPECTION_SERIOUS_ERROR', -5, -200.00, true, '质检确认严重差错（默认值可调整）',
 'confirmed serious quality error (assumed default)', 'migration', now()),
('SUBSTANTIATED_COMPLAINT', -5, -200.00, false, '有责投诉（默认值可调整；投诉模块上线前手工登记）',
 'substantiated complaint (assumed default; recorded by hand until the complaint module proposes it)', 'migration', now()),
('SLA_BREACH', -1, -20.00, true, '工单超时（每个超时时限一次，默认值可调整）',
 'an order clock breached (once per clock; assumed default)', 'migration', now()),
('TRAINING_RESULT', 1, 0.00, false, '培训考试合格（默认值可调整，手工登记）',
 'training passed (assumed default; recorded by hand)', 'migration', now()),
('OTHER', 0, 0.00, false, '其他（手工登记，分值与金额逐条填写）', 'other (recorded by hand with its own points and amount)',
 'migration', now());

-- A reward or penalty of one staff member, linked to its cause (type + reference: an order number, an
-- inspection, a complaint case, a clock, a training). PROPOSED by GridCare or a supervisor, APPROVED or
-- REJECTED by a manager; WITHDRAWN when its cause fell away before a decision (an appeal overturned the finding).
-- The ledger is the approved records.
create table incentive_record (
    id             bigserial      primary key,
    staff_username varchar(100)   not null,
    unit_id        bigint         not null,
    cause_type     varchar(30)    not null references incentive_rule (cause_type),
    cause_ref      varchar(100)   not null,
    points         integer        not null,
    amount         numeric(12, 2) not null,
    note           varchar(2000),
    status         varchar(10)    not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    occurred_at    timestamptz    not null,
    proposed_by    varchar(100)   not null,
    proposed_at    timestamptz    not null,
    decided_by     varchar(100),
    decided_at     timestamptz,
    decision_note  varchar(2000),
    version        integer        not null default 0
);
create unique index incentive_record_cause on incentive_record (cause_type, cause_ref, staff_username)
    where status in ('PROPOSED', 'APPROVED');
create index incentive_record_staff on incentive_record (staff_username, occurred_at desc);
create index incentive_record_unit_status on incentive_record (unit_id, status, proposed_at desc);
