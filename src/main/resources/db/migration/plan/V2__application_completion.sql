-- A plan that changes the supply contract waits for its SERVICE_APPLICATION order: when the order is archived
-- (CLOSED) the change is written to the customer's contract from the next billing month (effective_from) and the
-- plan is IN_EFFECT; when the order is cancelled or merged away the plan was NOT_CARRIED_OUT. The evaluation
-- window starts at effective_from; a plan whose application was not completed by its due date is evaluated as
-- NOT_COMPLETED (no numbers).
alter table service_plan drop constraint service_plan_status_check;
alter table service_plan alter column status type varchar(16);
alter table service_plan add constraint service_plan_status_check
    check (status in ('RECORDED', 'EXECUTED', 'IN_EFFECT', 'EVALUATED', 'CANCELLED', 'NOT_CARRIED_OUT'));

alter table service_plan add column effective_from date check (extract(day from effective_from) = 1);
-- the application order's status as last reported by the work-order module, and when it was completed or dropped
alter table service_plan add column application_status varchar(12);
alter table service_plan add column application_done_at timestamptz;

drop index service_plan_due;
create index service_plan_due on service_plan (evaluation_due_at) where status in ('EXECUTED', 'IN_EFFECT');
create index service_plan_application on service_plan (application_order) where application_order is not null;

alter table service_plan_evaluation drop constraint service_plan_evaluation_outcome_check;
alter table service_plan_evaluation alter column outcome type varchar(16);
alter table service_plan_evaluation add constraint service_plan_evaluation_outcome_check
    check (outcome in ('REALISED', 'NO_DATA', 'NOT_COMPLETED'));
