package org.gridcare.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.gridcare.training.Transcripts;
import org.springframework.stereotype.Component;

/**
 * The training completion from the training module's transcripts: the hours a member completed from 1 January to
 * the end of the month, in percent of the hours their position must complete that year (the annual plan of their
 * unit or the nearest unit above that names the position). A member whose position no plan names is NO_DATA.
 */
@Component
class TranscriptCompletion implements TrainingCompletion {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Transcripts transcripts;

    TranscriptCompletion(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @Override
    public Map<String, ScoreCalculator.Figure> completion(Collection<Roster.Member> members, YearMonth month) {
        Map<String, ScoreCalculator.Figure> figures = new HashMap<>();
        for (Roster.Member member : members) {
            BigDecimal required = transcripts.requiredHours(member.userId(), month.getYear());
            if (required.signum() <= 0) {
                continue;
            }
            BigDecimal done = transcripts.hoursCompleted(member.userId(), month.atDay(1).withDayOfYear(1),
                    month.atEndOfMonth());
            BigDecimal percent = done.multiply(HUNDRED).divide(required, 2, RoundingMode.HALF_UP);
            figures.put(member.username(), new ScoreCalculator.Figure(percent, done, required));
        }
        return figures;
    }

    @Override
    public String drillDown(long userId, YearMonth month) {
        return "/api/v1/training/transcripts/" + userId + "?year=" + month.getYear();
    }

    @Override
    public String consoleLink(long userId, YearMonth month) {
        return "/training/transcripts/" + userId + "?year=" + month.getYear();
    }
}
