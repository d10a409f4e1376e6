package org.gridcare.console;

import java.util.Map;
import java.util.Optional;

import org.gridcare.shared.security.Actor;

/**
 * A card on the console's home page, contributed by another module (open work orders, SLA warnings,
 * today's meter readings, …). Implement it as a Spring bean; the home page collects all of them.
 * The card's body is a Thymeleaf fragment of the contributing module, rendered with {@code data}.
 */
public interface HomeWidget {

    /** Position on the home page: smaller comes first. */
    default int order() {
        return 100;
    }

    /** The card this user sees, or empty when the widget has nothing for them (wrong role, no data). */
    Optional<Card> cardFor(Actor actor);

    /**
     * @param titleCode message code of the card's title
     * @param template  the template holding the fragment, e.g. {@code workorder/widgets}
     * @param fragment  the fragment's name in that template, e.g. {@code open-orders}
     * @param data      what the fragment shows; available to it as {@code data}
     */
    record Card(String titleCode, String template, String fragment, Map<String, Object> data) {

        public Card {
            data = Map.copyOf(data);
        }
    }
}
