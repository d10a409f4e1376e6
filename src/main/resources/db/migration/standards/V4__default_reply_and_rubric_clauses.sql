-- The seeded standards (V2) gain their reply-element and rubric clauses.
--
-- Reply elements (REPLY_ELEMENT): what the repair norms (GC-QX-001 §三、§四: tell the customer the cause) and the
-- complaint-handling norms (GC-TS-001 §三 答复要求: the investigation and the handling) require of a reply. An
-- element is present when the reply contains one of its keywords (case and spaces ignored).
insert into std_clause (version_id, kind, position, order_type, element_code, label, keywords) values
(3, 'REPLY_ELEMENT', 0, 'FAULT_REPAIR', 'CAUSE', '故障原因', '{原因,查明,检查为,经检查,故障点,cause}'),
(3, 'REPLY_ELEMENT', 1, 'FAULT_REPAIR', 'RESTORATION', '供电恢复情况', '{恢复,复电,送电,restor}'),
(4, 'REPLY_ELEMENT', 0, 'COMPLAINT', 'INVESTIGATION', '调查核实情况', '{核实,调查,核查,经查,investigat}'),
(4, 'REPLY_ELEMENT', 1, 'COMPLAINT', 'HANDLING', '处理结果与措施', '{处理,整改,致歉,道歉,退还,解释,handl}');

-- Their live counterpart: the reply requirements the workorder module checks (workorder V9), in force since the
-- standards themselves. Written here, once, because the seeded standards were published by migration and not
-- through the standards module (which publishes them with ReplyRequirements.publish); later sets come from there.
insert into work_order_reply_rule_set (order_type, effective_from, source, created_by, created_at) values
('FAULT_REPAIR', '2000-01-01T00:00:00+08:00', 'GC-QX-001 v1', 'migration', now()),
('COMPLAINT', '2000-01-01T00:00:00+08:00', 'GC-TS-001 v1', 'migration', now());

insert into work_order_reply_element (rule_set_id, position, code, label, keywords)
select s.id, c.position, c.element_code, c.label, c.keywords
  from work_order_reply_rule_set s
  join std_clause c on c.kind = 'REPLY_ELEMENT' and c.order_type = s.order_type
                   and c.version_id = case s.order_type when 'FAULT_REPAIR' then 3 else 4 end
 where s.created_by = 'migration' and s.source in ('GC-QX-001 v1', 'GC-TS-001 v1');

-- Rubric clauses (RUBRIC_ITEM): exactly the default rubrics of the quality module (quality V1), which name these
-- standard versions as their source (quality V3): six common items worth 85 points and one item of the type worth
-- 15. The hotline norms (GC-RX-001) hold the rubrics of the orders the hotline answers itself, the repair and
-- complaint norms those of their own types, the service commitments (GC-FW-001) that of service applications.
insert into std_clause (version_id, kind, position, order_type, rubric_title, element_code, item_name, name_en,
                        description, points, severity)
select t.version_id, 'RUBRIC_ITEM', t.rank * 10 + c.position, t.type, t.title, c.code, c.name, c.name_en,
       c.description, c.points, c.severity
  from (values (1, 'SERVICE_APPLICATION', '服务申请工单质检标准', 0),
               (2, 'CONSULTATION', '咨询工单质检标准', 0), (2, 'REPORT', '举报工单质检标准', 1),
               (2, 'OPINION', '意见建议工单质检标准', 2), (2, 'PRAISE', '表扬工单质检标准', 3),
               (3, 'FAULT_REPAIR', '故障报修工单质检标准', 0),
               (4, 'COMPLAINT', '投诉工单质检标准', 0)) t(version_id, type, title, rank)
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
     'SERIOUS_ERROR')) c(position, code, name, name_en, description, points, severity);

insert into std_clause (version_id, kind, position, order_type, rubric_title, element_code, item_name, name_en,
                        description, points, severity)
select t.version_id, 'RUBRIC_ITEM', t.rank * 10 + 7, t.type, t.title, s.code, s.name, s.name_en, s.description,
       15.00, s.severity
  from (values (1, 'SERVICE_APPLICATION', '服务申请工单质检标准', 0),
               (2, 'CONSULTATION', '咨询工单质检标准', 0), (2, 'REPORT', '举报工单质检标准', 1),
               (2, 'OPINION', '意见建议工单质检标准', 2), (2, 'PRAISE', '表扬工单质检标准', 3),
               (3, 'FAULT_REPAIR', '故障报修工单质检标准', 0),
               (4, 'COMPLAINT', '投诉工单质检标准', 0)) t(version_id, type, title, rank)
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
    on s.type = t.type;
