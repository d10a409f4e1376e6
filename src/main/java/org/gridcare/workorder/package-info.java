/** The 95598 work order (工单): intake on every channel, dispatch, field work, reply, review, return visit and archive. */
@org.springframework.modulith.ApplicationModule(displayName = "Work orders")
package org.gridcare.workorder;
