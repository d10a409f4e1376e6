/** The staff console's shell: layout data, home page and the extension points other modules fill with widgets. */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.gridcare.console;
