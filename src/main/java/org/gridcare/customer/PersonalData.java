package org.gridcare.customer;

import java.util.List;

/**
 * How personal data is masked (脱敏) for staff who may not — or did not ask to — see it.
 * <ul>
 * <li>Phone: first 3 and last 4 digits, four stars between ({@code 138****5678}), as on bills and SMS.</li>
 * <li>ID number / credit code: first 3 and last 4 characters, one star per hidden character.</li>
 * <li>Address: kept down to the street (road, street, lane, town or village) so that a call can be
 * placed on a map and routed; house number, building and room are masked. Roles that serve on site
 * ({@code gridcare.customer.full-address-roles}) always see the whole address: they have to find the door.</li>
 * </ul>
 */
final class PersonalData {

    static final String STARS = "****";
    private static final List<String> STREET_MARKERS = List.of("大道", "街道", "路", "街", "巷", "弄", "镇", "乡", "村");

    private PersonalData() {
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return phone.length() <= 2 ? STARS : phone.substring(0, 1) + STARS + phone.substring(phone.length() - 1);
        }
        return phone.substring(0, 3) + STARS + phone.substring(phone.length() - 4);
    }

    static String maskIdNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() <= 7) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }

    static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        int start = -1;
        int end = -1;
        for (String marker : STREET_MARKERS) {
            int at = address.indexOf(marker);
            if (at >= 0 && (start < 0 || at < start || (at == start && at + marker.length() > end))) {
                start = at;
                end = at + marker.length();
            }
        }
        if (end < 0) {
            end = Math.min(6, address.length() / 2);
        }
        return end >= address.length() ? address : address.substring(0, end) + STARS;
    }
}
