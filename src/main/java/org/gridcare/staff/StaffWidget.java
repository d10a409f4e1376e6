package org.gridcare.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridcare.console.HomeWidget;
import org.gridcare.shared.security.Actor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The home card: my unread certificate reminders (as holder or as team leader). */
@Component
class StaffWidget implements HomeWidget {

    private final Certificates certificates;

    StaffWidget(Certificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        List<StaffNotice> unread = certificates.notices(actor).stream().filter(n -> !n.read()).limit(10).toList();
        if (unread.isEmpty()) {
            return Optional.empty();
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> names = new LinkedHashMap<>();
        certificates.kinds().forEach(k -> names.put(k.code(), english ? k.nameEn() : k.name()));
        return Optional.of(new Card("staff.widget.title", "staff/fragments", "notices",
                Map.of("notices", unread, "kindNames", names)));
    }
}
