package org.gridcare.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.gridcare.training.Transcripts;
import org.springframework.stereotype.Component;

/**
 * The training completion from the training module's transcripts: the hours completed from 1 January to the end of
 * the month ÷ the hours the member's position requires that year pro rata to the month (annual × month ÷ 12,
 * rounded half-up to 0.01 h), in percent rounded half-up to 0.01. NO_DATA when no annual plan names the member's
 * position (nothing required).
 */
@Component
class TranscriptCompletion implements TrainingCompletion {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Transcripts transcripts;

    TranscriptCompletion(Transcripts transcripts) {
        this.transcripts = transcripts;
    }

    @Override
    public Map<String, ScoreCalculator.Figure> completion(Collection<Roster.Member> members, YearMonth month) {
        Map<String, ScoreCalculator.Figure> figures = new HashMap<>();
        for (Roster.Member m : members) {
            BigDecimal annual = transcripts.requiredHours(m.userId(), month.getYear());
            if (annual == null || annual.signum() <= 0) {
                continue;
            }
            BigDecimal due = annual.multiply(BigDecimal.valueOf(month.getMonthValue())).divide(TWELVE, 2,
                    RoundingMode.HALF_UP);
            BigDecimal done = transcripts.hoursCompleted(m.userId(), LocalDate.of(month.getYear(), 1, 1),
                    month.atEndOfMonth());
            figures.put(m.username(), new ScoreCalculator.Figure(HUNDRED.multiply(done).divide(due, 2,
                    RoundingMode.HALF_UP), done, due));
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
