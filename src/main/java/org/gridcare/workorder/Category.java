package org.gridcare.workorder;

/** A node of the business category tree (业务分类), e.g. COMPLAINT.BUSINESS.TARIFF = 投诉 › 营业投诉 › 电费电价. */
public record Category(String code, String parentCode, WorkOrderType type, String name, String nameEn, int sortOrder,
                       boolean enabled) {
}
