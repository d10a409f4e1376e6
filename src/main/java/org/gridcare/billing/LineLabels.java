package org.gridcare.billing;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names bill lines and notes in the reader's language (billing.properties / billing_en.properties). */
@Component
class LineLabels {

    private final MessageSource messages;

    LineLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** Bound to the current request's locale. */
    Bound current() {
        return new Bound(messages, LocaleContextHolder.getLocale());
    }

    Bound of(Locale locale) {
        return new Bound(messages, locale);
    }

    /** No labels and no notes: what a bill run stores (labels are rendered when a bill is read). */
    static final Bound NONE = new Bound(null, Locale.SIMPLIFIED_CHINESE);

    record Bound(MessageSource messages, Locale locale) {

        String message(String code, Object... args) {
            if (messages == null) {
                return null;
            }
            return messages.getMessage(code, args, code, locale);
        }

        String period(String period) {
            return message("billing.period." + period);
        }

        /** A line's label from what it charges; a surcharge is named by its tariff version. */
        String label(LineKind kind, Integer tier, String period, BasicChargeBasis basis, String code,
                     List<TariffSchedule.Surcharge> surcharges) {
            if (messages == null) {
                return null;
            }
            return switch (kind) {
                case ENERGY -> {
                    boolean tou = period != null && !"ALL".equals(period);
                    if (tou) {
                        yield message("billing.line.energyPeriod", period(period));
                    }
                    yield tier == null ? message("billing.line.energy") : message("billing.line.energyTier", tier);
                }
                case TIER_INCREMENT -> message("billing.line.tierIncrement", tier);
                case BASIC_CHARGE -> message("billing.line.basic." + basis);
                case POWER_FACTOR -> message("billing.line.powerFactor", code);
                case SURCHARGE -> surcharges.stream().filter(s -> s.code().equals(code)).findFirst()
                        .map(s -> "en".equals(locale.getLanguage()) ? s.nameEn() : s.nameZh()).orElse(code);
            };
        }
    }
}
