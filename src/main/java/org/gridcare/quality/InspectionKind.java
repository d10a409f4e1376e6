package org.gridcare.quality;

/** What is inspected: a work order, or a spot check outside orders (mystery customer visit, call recording). */
public enum InspectionKind {
    ORDER, MYSTERY_VISIT, CALL_RECORDING;

    public boolean isSpotCheck() {
        return this != ORDER;
    }
}
