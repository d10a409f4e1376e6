package org.gridcare.customer;

import java.util.List;

import org.gridcare.shared.security.Actor;

/**
 * How much personal data one view shows: everything ({@code unmasked}, only on explicit request by a
 * permitted role, and audited), or masked phone and ID number with the address whole for roles that
 * serve on site, masked below the street for everyone else. See {@link PersonalData}.
 */
record Disclosure(boolean unmasked, boolean fullAddress) {

    static final Disclosure MASKED = new Disclosure(false, false);

    static Disclosure masked(Actor actor, CustomerProperties properties) {
        boolean onSite = actor != null && actor.roleNames().stream().anyMatch(properties.fullAddressRoles()::contains);
        return new Disclosure(false, onSite);
    }

    static Disclosure full() {
        return new Disclosure(true, true);
    }

    static boolean mayUnmask(Actor actor, CustomerProperties properties) {
        return actor.roleNames().stream().anyMatch(properties.unmaskRoles()::contains);
    }

    String phone(String phone) {
        return unmasked ? phone : PersonalData.maskPhone(phone);
    }

    List<String> phones(List<String> phones) {
        return phones.stream().map(this::phone).toList();
    }

    String idNumber(String idNumber) {
        return unmasked ? idNumber : PersonalData.maskIdNumber(idNumber);
    }

    String address(String address) {
        return unmasked || fullAddress ? address : PersonalData.maskAddress(address);
    }
}
