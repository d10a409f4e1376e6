package org.gridcare.performance;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The training completion while no training module records transcripts: NO_DATA for everyone (the component drops
 * out of every base score with its weight, and the card says so).
 */
@Component
class NoTrainingData implements TrainingCompletion {

    @Override
    public Map<String, ScoreCalculator.Figure> completion(Collection<Roster.Member> members, YearMonth month) {
        return Map.of();
    }

    @Override
    public String drillDown(long userId, YearMonth month) {
        return null;
    }

    @Override
    public String consoleLink(long userId, YearMonth month) {
        return null;
    }
}
