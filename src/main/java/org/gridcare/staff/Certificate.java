package org.gridcare.staff;

import java.time.LocalDate;

/**
 * A staff member's certificate. {@code expiresOn} is the last day it is valid (Asia/Shanghai; null: no expiry);
 * {@code state} is VALID, EXPIRING (within the reminder lead time), EXPIRED or NOT_YET_VALID today;
 * {@code mandatory} says the holder's position must hold this kind.
 */
public record Certificate(long id, long userId, String kindCode, String kindName, String number, String issuer,
                          LocalDate issuedOn, LocalDate expiresOn, State state, boolean mandatory,
                          String scanFilename, String scanContentType, Integer scanSize, int version) {

    public enum State { VALID, EXPIRING, EXPIRED, NOT_YET_VALID }

    public boolean hasScan() {
        return scanFilename != null;
    }
}
