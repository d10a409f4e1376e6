package org.gridcare.workorder;

import java.util.Map;
import java.util.Optional;

import org.gridcare.console.HomeWidget;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;

/** The home page card with the user's work order queues and their counts. */
@Component
class QueuesWidget implements HomeWidget {

    private final WorkOrders orders;

    QueuesWidget(WorkOrders orders) {
        this.orders = orders;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        QueueCounts counts = orders.counts(actor);
        if (counts.mine() + counts.team() + counts.toDispatch() + counts.toReview() + counts.overdue()
                + counts.warning() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Card("workOrder.nav.queues", "workorder/widgets", "queues",
                Map.of("counts", counts)));
    }
}
