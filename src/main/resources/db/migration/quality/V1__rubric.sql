-- Quality rubrics (质检标准): per work order type a versioned, weighted checklist. A version is a DRAFT while
-- it is edited, PUBLISHED with the moment it takes effect, and SUPERSEDED (superseded_at = the effective moment
-- of its successor) when a later version is published: the version in force at a moment t is the one with
-- effective_from <= t < coalesce(superseded_at, infinity). One PUBLISHED version per type at a time; an
-- inspection keeps the version it was scored with. source_standard_ref names the service standard (standards
-- module, issue #8) a version was published from; null for versions written here or in the console.
create table quality_rubric_version (
    id                  bigserial     primary key,
    order_type          varchar(30)   not null,
    number              integer       not null,
    title               varchar(200)  not null,
    note                varchar(2000),
    status              varchar(12)   not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    effective_from      timestamptz,
    superseded_at       timestamptz,
    source_standard_ref varchar(200),
    created_by          varchar(100)  not null,
    created_at          timestamptz   not null,
    published_by        varchar(100),
    published_at        timestamptz,
    version             integer       not null default 0,
    unique (order_type, number),
    check (status = 'DRAFT' or effective_from is not null)
);
create unique index quality_rubric_one_published on quality_rubric_version (order_type) where status = 'PUBLISHED';

-- The weighted items of a version: failing one is an ERROR (差错) or a SERIOUS_ERROR (严重差错).
create table quality_rubric_item (
    id                bigserial     primary key,
    rubric_version_id bigint        not null references quality_rubric_version (id) on delete cascade,
    position          integer       not null,
    code              varchar(40)   not null,
    name              varchar(200)  not null,
    name_en           varchar(200),
    description       varchar(1000),
    points            numeric(6, 2) not null check (points > 0),
    severity          varchar(14)   not null check (severity in ('ERROR', 'SERIOUS_ERROR')),
    unique (rubric_version_id, code)
);
create index quality_rubric_item_version on quality_rubric_item (rubric_version_id, position);

-- Default rubrics for every order type (version 1, in force since 2020 so that historic orders can be
-- inspected): six common items worth 85 points and one item of the type worth 15. Administrators publish
-- new versions in the console or from a service standard.
insert into quality_rubric_version (order_type, number, title, note, status, effective_from, created_by,
                                    created_at, published_by, published_at)
select t.type, 1, t.title, '默认质检标准（可由管理员发布新版本替换）', 'PUBLISHED', timestamptz '2020-01-01 00:00:00+08',
       'migration', now(), 'migration', now()
  from (values ('CONSULTATION', '咨询工单质检标准'), ('FAULT_REPAIR', '故障报修工单质检标准'),
               ('COMPLAINT', '投诉工单质检标准'), ('REPORT', '举报工单质检标准'), ('OPINION', '意见建议工单质检标准'),
               ('PRAISE', '表扬工单质检标准'), ('SERVICE_APPLICATION', '服务申请工单质检标准')) t(type, title);

insert into quality_rubric_item (rubric_version_id, position, code, name, name_en, description, points, severity)
select v.id, c.position, c.code, c.name, c.name_en, c.description, c.points, c.severity
  from quality_rubric_version v
 cross join (values
    (1, 'GREETING', '规范用语与身份核实', 'Greeting and identification',
     '使用规范服务用语（问候、自报工号、结束语），核实客户身份与户号', 10.00, 'ERROR'),
    (2, 'CLASSIFICATION', '工单分类准确', 'Accurate classification',
     '工单类型、业务分类、紧急程度与客户诉求一致', 10.00, 'ERROR'),
    (3, 'INTAKE_COMPLETE', '受理信息完整准确', 'Complete and accurate intake',
     '客户、地址、联系方式与诉求记录完整准确，无错别字与歧义', 15.00, 'ERROR'),
    (4, 'REPLY', '答复完整正确', 'Complete and correct reply',
     '答复内容针对诉求、依据政策准确、处理结果明确，无推诿', 20.00, 'ERROR'),
    (5, 'TIME_LIMITS', '时限达标', 'Time limits met',
     '响应、派单、到达、答复等各环节在规定时限内完成', 15.00, 'ERROR'),
    (6, 'NO_FORBIDDEN', '无员工服务"十个不准"行为', 'No forbidden behaviour (the ten prohibitions)',
     '无推诿塞责、泄露客户信息、违规收费、指定设计施工供货单位、收受礼品宴请等"十个不准"所列行为', 15.00,
     'SERIOUS_ERROR')) c(position, code, name, name_en, description, points, severity)
 where v.created_by = 'migration';

insert into quality_rubric_item (rubric_version_id, position, code, name, name_en, description, points, severity)
select v.id, 7, s.code, s.name, s.name_en, s.description, 15.00, s.severity
  from quality_rubric_version v
  join (values
    ('CONSULTATION', 'KNOWLEDGE', '知识库引用准确', 'Knowledge base used correctly',
     '按知识库口径答复，一次办结的咨询无需重复来电', 'ERROR'),
    ('FAULT_REPAIR', 'REPAIR_PROCESS', '抢修过程规范', 'Repair carried out properly',
     '到达、恢复送电与安全措施记录完整，故障原因明确', 'ERROR'),
    ('COMPLAINT', 'INVESTIGATION', '投诉调查核实到位', 'Complaint investigated',
     '调查事实清楚、责任认定准确、整改措施落实并向客户反馈', 'SERIOUS_ERROR'),
    ('REPORT', 'CONFIDENTIALITY', '举报人信息保密', 'Reporter kept confidential',
     '举报人身份与举报内容未向被举报方泄露，转办流程合规', 'SERIOUS_ERROR'),
    ('OPINION', 'FOLLOW_UP', '意见建议转办与反馈', 'Opinion forwarded and answered',
     '意见建议转至责任部门并向客户反馈采纳情况', 'ERROR'),
    ('PRAISE', 'CREDIT', '表扬核实并记入', 'Praise verified and credited',
     '表扬事实经核实并记入被表扬员工或班组', 'ERROR'),
    ('SERVICE_APPLICATION', 'PROCESS_STEPS', '业务环节与资料齐全', 'Process steps and documents complete',
     '业务办理环节完整、资料齐全、收费符合规定', 'ERROR')) s(type, code, name, name_en, description, severity)
    on s.type = v.order_type
 where v.created_by = 'migration';
