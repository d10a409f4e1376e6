-- GridCare's default service standards, written for the product. Their clock clauses are exactly the default
-- SLA policy (sla V2, policy version 1), whose rules name these standard versions (sla V7). They are in force
-- from the same moment as that policy; owner null = the company (top of the organisation tree).
insert into std_standard (id, code, title, category, owner_unit_id, scope_unit_ids, scope_roles,
                          review_interval_months, next_review_on, created_by, created_at, updated_at) values
(1, 'GC-FW-001', '供电服务承诺', 'SERVICE_COMMITMENTS', null, '{}', '{}', 12, '2026-12-31', 'migration', now(), now()),
(2, 'GC-RX-001', '95598 热线服务规范', 'HOTLINE', null, '{}', '{AGENT,SUPERVISOR}', 12, '2026-12-31', 'migration', now(), now()),
(3, 'GC-QX-001', '故障抢修服务规范', 'REPAIR', null, '{}', '{DISPATCHER,FIELD_STAFF,SUPERVISOR}', 12, '2026-12-31', 'migration', now(), now()),
(4, 'GC-TS-001', '投诉处理规范', 'COMPLAINT_HANDLING', null, '{}', '{AGENT,SUPERVISOR,MANAGER}', 12, '2026-12-31', 'migration', now(), now());
select setval(pg_get_serial_sequence('std_standard', 'id'), 4);

insert into std_version (id, standard_id, number, status, body, change_note, author, created_at, updated_at,
                         submitted_at, approved_by, approved_at, effective_from, published_by, published_at,
                         sla_policy_number) values
(1, 1, 1, 'PUBLISHED', $md$# 供电服务承诺

本标准规定 GridCare 所服务的供电企业对客户作出的服务时限承诺，是工单时限（SLA）策略的依据。
承诺时限按自然时间（小时、分钟）或工作日计算；“N 个工作日”指自计时开始之日的次日起第 N 个工作日的 24:00（北京时间），
工作日以法定节假日安排为准。

## 一、适用范围

适用于通过 95598 热线、网上国网、95598 网站、微信、营业厅、12398、12345 等全部渠道受理的客户诉求，
适用于全体服务人员。

## 二、通用承诺

1. **首次响应**：任何工单自受理起 **24 小时内** 响应客户（接单或答复即视为响应）。
2. 客户诉求实行首问负责制，首问人员不得推诿，不能当场办结的应告知客户办理时限。

## 三、服务申请时限

| 业务 | 时限 |
|---|---|
| 欠费复电 | 缴清费用后 24 小时内恢复供电，复电后 1 个工作日内回复 |
| 家用电器损坏 | 24 小时内到达现场，到达后 1 个工作日内回复 |
| 计量装置异常、校验 | 4 个工作日内答复（对外承诺：校验结果 5 个工作日内告知） |
| 抄表数据异常 | 6 个工作日内答复 |
| 其他服务申请 | 5 个工作日内答复 |

## 四、转办工单

- 12398 能源监管热线转办工单：**10 个工作日内** 办结。
- 12345 政务服务热线转办工单：**7 个自然日内** 办结。

## 五、停电告知

- 计划停电提前 **7 天** 公告；临时停电提前 **24 小时** 告知重要客户。

## 六、依据

国家电网公司供电服务“十项承诺”；95598 业务规范；供电服务指南质量要求。
$md$, '初始版本', 'migration', now(), now(), now(), 'migration', now(), '2000-01-01T00:00:00+08:00', 'migration', now(), 1),
(2, 2, 1, 'PUBLISHED', $md$# 95598 热线服务规范

本标准规定 95598 热线及各线上渠道坐席人员的服务行为和答复时限。

## 一、接听规范

1. 电话振铃 3 声内接听，首句使用规范用语：“您好，95598，工号 ×××，请问有什么可以帮您？”
2. 使用普通话（客户使用方言时可适当使用方言），语速适中，语气亲切。
3. 认真倾听，不打断客户；记录诉求要素：户号、地址、联系电话、诉求内容。
4. 结束通话前复述诉求并告知办理时限，待客户挂机后再挂机。

## 二、受理规范

- 能一次办结的咨询当场办结（一次办结）；不能当场答复的，**1 个工作日内** 答复客户。
- 意见、建议 **9 个工作日内** 答复。
- 举报：**24 小时内** 联系举报人，**9 个工作日内** 答复处理结果；举报人信息严格保密。
- 工单派发准确，派发单位、业务类型、紧急程度填写完整。

## 三、服务禁语

不得使用“不知道”“不归我们管”“你自己去问”等推诿、生硬的语言；不得与客户争吵。

## 四、信息安全

客户个人信息仅用于办理业务，不得泄露；查询完整联系方式须有业务需要并留有记录。
$md$, '初始版本', 'migration', now(), now(), now(), 'migration', now(), '2000-01-01T00:00:00+08:00', 'migration', now(), 1),
(3, 3, 1, 'PUBLISHED', $md$# 故障抢修服务规范

本标准规定故障报修工单的派单、到达现场、恢复供电和回访要求。

## 一、派单

接到故障报修后 **5 分钟内** 派单至抢修班组，派单时注明故障地址、现象和联系人。

## 二、到达现场

| 区域 | 到达现场时限 |
|---|---|
| 城区 | 45 分钟 |
| 农村 | 90 分钟 |
| 特殊边远地区 | 120 分钟 |

## 三、恢复供电

到达现场后，城区 **3 小时**、农村 **4 小时** 内恢复供电（特殊边远地区暂按 4 小时执行，为假定值）。
不能按时恢复的，应向客户说明原因和预计恢复时间。

## 四、现场作业

1. 抢修人员统一着装、佩戴工作证，主动出示证件。
2. 严格执行安全规程，作业完毕清理现场。
3. 因客户内部故障无法处理的，告知客户原因并提供处理建议。

## 五、回访

回单后 **1 个工作日内** 回访客户（假定值），了解恢复情况和满意度。
$md$, '初始版本', 'migration', now(), now(), now(), 'migration', now(), '2000-01-01T00:00:00+08:00', 'migration', now(), 1),
(4, 4, 1, 'PUBLISHED', $md$# 投诉处理规范

本标准规定客户投诉的联系、调查、答复和回访要求。

## 一、投诉分类

服务投诉、营业投诉（业扩报装、用电变更、抄表催费、电费电价、电能计量、业务收费）、停送电投诉、
供电质量投诉、电网建设投诉。

## 二、处理时限

1. 受理后 **24 小时内** 联系客户，了解诉求并致歉（如属实）。
2. **4 个工作日内** 答复处理结果（对外承诺 5 个工作日）；重新处理（重开）的工单自重开起重新计时。
3. 答复后 **1 个工作日内** 回访（假定值）。

## 三、答复要求

答复应包含：调查核实的情况、处理结果、对客户的解释或致歉、后续整改措施。答复用语规范，不得推诿。

## 四、升级与督办

- 重要、重大投诉立即报告单位负责人；重大投诉指涉及人身伤亡、媒体关注或特殊时期的投诉。
- 超时未办结的投诉由上级单位督办。

## 五、闭环管理

投诉办结后开展回访，客户不满意的重新处理；投诉原因纳入服务质量分析和整改。
$md$, '初始版本', 'migration', now(), now(), now(), 'migration', now(), '2000-01-01T00:00:00+08:00', 'migration', now(), 1);
select setval(pg_get_serial_sequence('std_version', 'id'), 4);

insert into std_clause (version_id, kind, position, clock_name, order_type, sub_type, area_type, channel,
                        start_events, stop_events, amount, unit, note) values
(1, 'SLA_CLOCK', 0, 'FIRST_RESPONSE', null, null, null, null, '{ACCEPTED}', '{TAKEN,REPLIED}', 24, 'HOURS', '任何工单：24 小时内响应客户'),
(1, 'SLA_CLOCK', 1, 'RESTORATION', 'SERVICE_APPLICATION', 'RECONNECTION', null, null, '{ACCEPTED}', '{RESTORED}', 24, 'HOURS', '欠费复电：缴费后 24 小时内恢复供电'),
(1, 'SLA_CLOCK', 2, 'REPLY', 'SERVICE_APPLICATION', 'RECONNECTION', null, null, '{RESTORED,REOPENED}', '{REPLIED}', 1, 'WORKING_DAYS', '欠费复电：复电后 1 个工作日内回复'),
(1, 'SLA_CLOCK', 3, 'ARRIVAL', 'SERVICE_APPLICATION', 'APPLIANCE_DAMAGE', null, null, '{ACCEPTED}', '{ARRIVED}', 24, 'HOURS', '家电损坏：24 小时内到达现场'),
(1, 'SLA_CLOCK', 4, 'REPLY', 'SERVICE_APPLICATION', 'APPLIANCE_DAMAGE', null, null, '{ARRIVED,REOPENED}', '{REPLIED}', 1, 'WORKING_DAYS', '家电损坏：到达现场后 1 个工作日内回复'),
(1, 'SLA_CLOCK', 5, 'REPLY', 'SERVICE_APPLICATION', 'METER_ANOMALY', null, null, '{ACCEPTED,REOPENED}', '{REPLIED}', 4, 'WORKING_DAYS', '计量异常/校验：4 个工作日'),
(1, 'SLA_CLOCK', 6, 'REPLY', 'SERVICE_APPLICATION', 'READING_ANOMALY', null, null, '{ACCEPTED,REOPENED}', '{REPLIED}', 6, 'WORKING_DAYS', '抄表数据异常：6 个工作日'),
(1, 'SLA_CLOCK', 7, 'REPLY', 'SERVICE_APPLICATION', null, null, null, '{ACCEPTED,REOPENED}', '{REPLIED}', 5, 'WORKING_DAYS', '其他服务申请：5 个工作日'),
(1, 'SLA_CLOCK', 8, 'CLOSE', null, null, null, 'REGULATOR_12398', '{ACCEPTED}', '{CLOSED}', 10, 'WORKING_DAYS', '12398 转办工单：10 个工作日内办结'),
(1, 'SLA_CLOCK', 9, 'CLOSE', null, null, null, 'GOV_12345', '{ACCEPTED}', '{CLOSED}', 7, 'NATURAL_DAYS', '12345 转办工单：7 个自然日内办结'),
(2, 'SLA_CLOCK', 0, 'REPLY', 'CONSULTATION', null, null, null, '{ACCEPTED,REOPENED}', '{REPLIED}', 1, 'WORKING_DAYS', '咨询（未一次办结）：1 个工作日内答复'),
(2, 'SLA_CLOCK', 1, 'REPLY', 'OPINION', null, null, null, '{ACCEPTED,REOPENED}', '{REPLIED}', 9, 'WORKING_DAYS', '意见/建议：9 个工作日内答复'),
(2, 'SLA_CLOCK', 2, 'CONTACT', 'REPORT', null, null, null, '{ACCEPTED}', '{TAKEN,REPLIED}', 24, 'HOURS', '举报：24 小时内联系'),
(2, 'SLA_CLOCK', 3, 'REPLY', 'REPORT', null, null, null, '{ACCEPTED,REOPENED}', '{REPLIED}', 9, 'WORKING_DAYS', '举报：9 个工作日内答复'),
(3, 'SLA_CLOCK', 0, 'DISPATCH', 'FAULT_REPAIR', null, null, null, '{ACCEPTED}', '{DISPATCHED}', 5, 'MINUTES', '受理后 5 分钟内派单'),
(3, 'SLA_CLOCK', 1, 'ARRIVAL', 'FAULT_REPAIR', null, null, null, '{ACCEPTED}', '{ARRIVED}', 45, 'MINUTES', '到达现场：城区 45 分钟'),
(3, 'SLA_CLOCK', 2, 'ARRIVAL', 'FAULT_REPAIR', null, 'RURAL', null, '{ACCEPTED}', '{ARRIVED}', 90, 'MINUTES', '到达现场：农村 90 分钟'),
(3, 'SLA_CLOCK', 3, 'ARRIVAL', 'FAULT_REPAIR', null, 'REMOTE', null, '{ACCEPTED}', '{ARRIVED}', 120, 'MINUTES', '到达现场：特殊边远地区 120 分钟'),
(3, 'SLA_CLOCK', 4, 'RESTORATION', 'FAULT_REPAIR', null, null, null, '{ARRIVED}', '{RESTORED}', 3, 'HOURS', '恢复供电：城区 3 小时'),
(3, 'SLA_CLOCK', 5, 'RESTORATION', 'FAULT_REPAIR', null, 'RURAL', null, '{ARRIVED}', '{RESTORED}', 4, 'HOURS', '恢复供电：农村 4 小时'),
(3, 'SLA_CLOCK', 6, 'RESTORATION', 'FAULT_REPAIR', null, 'REMOTE', null, '{ARRIVED}', '{RESTORED}', 4, 'HOURS', '恢复供电：特殊边远地区 4 小时（假定值）'),
(3, 'SLA_CLOCK', 7, 'RETURN_VISIT', 'FAULT_REPAIR', null, null, null, '{REPLIED}', '{VISITED}', 1, 'WORKING_DAYS', '回单后 1 个工作日内回访（假定值）'),
(4, 'SLA_CLOCK', 0, 'CONTACT', 'COMPLAINT', null, null, null, '{ACCEPTED}', '{TAKEN,REPLIED}', 24, 'HOURS', '24 小时内联系客户'),
(4, 'SLA_CLOCK', 1, 'REPLY', 'COMPLAINT', null, null, null, '{ACCEPTED,REOPENED}', '{REPLIED}', 4, 'WORKING_DAYS', '4 个工作日内答复处理结果'),
(4, 'SLA_CLOCK', 2, 'RETURN_VISIT', 'COMPLAINT', null, null, null, '{REPLIED}', '{VISITED}', 1, 'WORKING_DAYS', '回单后 1 个工作日内回访（假定值）');
