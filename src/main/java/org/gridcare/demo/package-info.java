/** A living demo company: a believable organisation, staff, customers and six months of work orders on first start. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo company")
package org.gridcare.demo;
