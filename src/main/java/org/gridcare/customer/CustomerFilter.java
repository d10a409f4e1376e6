package org.gridcare.customer;

import java.util.Set;

/**
 * What a list, search or export asks for: a search text (number prefix, name, phone or address
 * fragment), a kind, a flag and a set of units (a unit with its subtree), all optional.
 */
record CustomerFilter(String text, CustomerKind kind, CustomerFlag flag, Set<Long> unitIds) {

    static CustomerFilter text(String text) {
        return new CustomerFilter(text, null, null, null);
    }
}
