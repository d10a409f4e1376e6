package org.gridcare.staff;

import java.util.List;
import java.util.Set;

import org.gridcare.workorder.WorkOrderType;

/**
 * A kind of certificate (证书类别) as configured: its names, usual validity, the work it covers and the positions
 * that must hold it (必备). All of it is data (staff/V1), not code.
 */
public record CertificateKind(String code, String name, String nameEn, Integer validityMonths, boolean enabled,
                              List<Coverage> covers, Set<Position> mandatoryFor) {

    public CertificateKind {
        covers = List.copyOf(covers);
        mandatoryFor = Set.copyOf(mandatoryFor);
    }

    /** An order type, optionally narrowed to a category and its sub-categories (null: the whole type). */
    public record Coverage(WorkOrderType type, String categoryCode) {

        public boolean covers(WorkOrderType orderType, String orderCategory) {
            return type == orderType && Categories.within(orderCategory, categoryCode);
        }
    }
}
