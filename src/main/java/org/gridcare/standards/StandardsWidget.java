package org.gridcare.standards;

import java.util.Map;
import java.util.Optional;

import org.gridcare.console.HomeWidget;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;

/** The home card: the standards waiting for my acknowledgement and my unread standards notices. */
@Component
class StandardsWidget implements HomeWidget {

    private final Standards standards;

    StandardsWidget(Standards standards) {
        this.standards = standards;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        int tasks = standards.tasks(actor).size();
        long unread = standards.notices(actor).stream().filter(n -> n.readAt() == null).count();
        if (tasks == 0 && unread == 0) {
            return Optional.empty();
        }
        return Optional.of(new Card("standards.widget.title", "standards/widgets", "tasks",
                Map.of("tasks", tasks, "unread", unread)));
    }
}
