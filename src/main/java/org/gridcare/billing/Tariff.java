package org.gridcare.billing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A tariff (电价方案) and its effective-dated versions, oldest first; {@code example} marks an illustrative one. */
public record Tariff(String code, String nameZh, String nameEn, boolean example, List<TariffSchedule> versions) {

    public Tariff {
        versions = versions.stream().sorted(Comparator.comparing(TariffSchedule::effectiveFrom)).toList();
    }

    /** The version in force on that day: the latest one that started on or before it. */
    public Optional<TariffSchedule> inForceOn(LocalDate day) {
        TariffSchedule found = null;
        for (TariffSchedule v : versions) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The day after which another version takes over, if one starts after {@code day}. */
    public Optional<LocalDate> nextChangeAfter(LocalDate day) {
        return versions.stream().map(TariffSchedule::effectiveFrom).filter(d -> d.isAfter(day)).findFirst();
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
