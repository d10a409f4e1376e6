package org.gridcare.performance;

import java.util.Map;
import java.util.Optional;

import org.gridcare.console.HomeWidget;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Component;

/**
 * The home card of the recognition (月度之星): the star staff member and star team of the last month whose cards
 * exist within the viewer's view (the previous month; the current one early in the month has little data).
 */
@Component
class RecognitionWidget implements HomeWidget {

    private final Scorecards scorecards;

    RecognitionWidget(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public Optional<Card> cardFor(Actor actor) {
        String month = scorecards.currentMonth().minusMonths(1).toString();
        Recognition r = scorecards.recognition(month, actor);
        if (r.staff() == null && r.team() == null) {
            return Optional.empty();
        }
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("month", r.month());
        if (r.staff() != null) {
            data.put("staff", r.staff());
        }
        if (r.team() != null) {
            data.put("team", r.team());
        }
        return Optional.of(new Card("performance.widget.title", "performance/widgets", "stars", data));
    }
}
