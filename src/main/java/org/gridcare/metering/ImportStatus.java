package org.gridcare.metering;

/** Where an import stands. QUEUED and RUNNING are open; DONE and FAILED are final. */
enum ImportStatus {
    QUEUED, RUNNING, DONE, FAILED;

    boolean open() {
        return this == QUEUED || this == RUNNING;
    }
}
