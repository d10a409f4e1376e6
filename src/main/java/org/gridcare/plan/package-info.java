/** Personalised service plans (个性化服务方案): savings advice from a customer's last twelve months, plans recorded against a work order, carried out and evaluated afterwards. */
@org.springframework.modulith.ApplicationModule(displayName = "Service plans")
package org.gridcare.plan;
