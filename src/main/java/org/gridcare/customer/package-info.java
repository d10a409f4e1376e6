/** The customer archive (客户档案): customers, service points and meters, masked personal data, search and CSV import/export. */
@org.springframework.modulith.ApplicationModule(displayName = "Customer archive")
package org.gridcare.customer;
