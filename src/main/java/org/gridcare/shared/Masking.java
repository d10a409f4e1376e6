package org.gridcare.shared;

/** How personal data is shown to a user who may not see it in full. */
public final class Masking {

    private Masking() {
    }

    /** {@code 13812345678} → {@code 138****5678}; short numbers keep only their last two digits. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() >= 7) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        }
        return "*".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
    }
}
