/** Service staff (服务人员): profiles, teams, skills, on-duty shifts, certificates and their reminders, and dispatch suggestions. */
@org.springframework.modulith.ApplicationModule(displayName = "Service staff")
package org.gridcare.staff;
