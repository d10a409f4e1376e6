package org.gridcare.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores an exam paper: each question by its kind (multiple choice by the exam's {@link MultipleChoiceRule}),
 * the total as a percentage of the points of the paper (rounded half-up to 0.01), passed at or above the pass mark.
 * An unanswered question earns 0.
 */
final class ExamScoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ExamScoring() {
    }

    record Question(long id, QuestionKind kind, BigDecimal points, Set<Long> correct) {
    }

    record Result(BigDecimal points, BigDecimal maxPoints, BigDecimal score, boolean passed,
                  Map<Long, BigDecimal> perQuestion) {
    }

    static BigDecimal score(Question q, Set<Long> chosen, MultipleChoiceRule rule) {
        return switch (q.kind()) {
            case SINGLE, TRUE_FALSE -> chosen.size() == 1 && q.correct().equals(chosen) ? q.points() : BigDecimal.ZERO;
            case MULTIPLE -> rule.score(q.points(), q.correct(), chosen);
        };
    }

    static Result score(List<Question> paper, Map<Long, Set<Long>> answers, MultipleChoiceRule rule,
                        BigDecimal passMark) {
        Map<Long, BigDecimal> per = paper.stream().collect(Collectors.toMap(Question::id,
                q -> score(q, answers.getOrDefault(q.id(), Set.of()), rule), (a, b) -> a, java.util.LinkedHashMap::new));
        BigDecimal points = per.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal max = paper.stream().map(Question::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = max.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : points.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
        return new Result(points, max, score, score.compareTo(passMark) >= 0, per);
    }
}
