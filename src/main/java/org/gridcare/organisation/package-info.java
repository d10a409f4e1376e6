/** The supply company's organisation tree (province → city → county → station → team) and the data scope built on it. */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.gridcare.organisation;
