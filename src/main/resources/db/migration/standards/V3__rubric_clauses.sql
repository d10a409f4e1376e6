-- Inspection rubric clauses (RUBRIC_ITEM): the weighted items of the quality rubric of one order type, one row per
-- item (code in element_code), grouped by order type in position order. Published, they become a rubric version
-- of the quality module per order type, whose source is the standard version.
alter table std_clause drop constraint std_clause_kind_check;
alter table std_clause add constraint std_clause_kind_check
    check (kind in ('SLA_CLOCK', 'REPLY_ELEMENT', 'RUBRIC_ITEM'));
alter table std_clause add column rubric_title varchar(200);
alter table std_clause add column item_name    varchar(200);
alter table std_clause add column name_en      varchar(200);
alter table std_clause add column description  varchar(1000);
alter table std_clause add column points       numeric(6, 2);
alter table std_clause add column severity     varchar(14) check (severity in ('ERROR', 'SERIOUS_ERROR'));
