/** The shared kernel: domain exceptions, business time, paging, problem details and the acting user. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gridcare.shared;
