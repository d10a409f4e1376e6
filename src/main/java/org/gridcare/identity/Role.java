package org.gridcare.identity;

/** The jobs a staff user does in GridCare; a user may hold several. */
public enum Role {
    ADMIN, MANAGER, SUPERVISOR, AGENT, DISPATCHER, FIELD_STAFF, INSPECTOR, TRAINER
}
