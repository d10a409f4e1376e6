/** Starts an embedded PostgreSQL with a persistent data directory when no external database is configured. */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.gridcare.database;
