/** Tariffs and bills (电价与电费): effective-dated tariff schedules, quotes, monthly bills from meter data and their explanation. */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.gridcare.billing;
