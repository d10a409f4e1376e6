package org.gridcare.customer;

/**
 * Marks that change how the customer is served: 重要客户 (important: hospitals, government, critical
 * industry), 敏感客户 (sensitive: prone to complaints or media attention), and vulnerable (elderly
 * living alone, medical equipment at home — outages need a call first).
 */
enum CustomerFlag {
    IMPORTANT, SENSITIVE, VULNERABLE
}
