package org.gridcare.training;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Exam scoring: the multiple-choice rules, the other kinds all or nothing, the percentage and the pass mark. */
class ExamScoringTests {

    private static final ExamScoring.Question MULTIPLE = new ExamScoring.Question(1, QuestionKind.MULTIPLE,
            new BigDecimal("4"), Set.of(11L, 12L, 13L));
    private static final ExamScoring.Question SINGLE = new ExamScoring.Question(2, QuestionKind.SINGLE,
            new BigDecimal("2"), Set.of(21L));
    private static final ExamScoring.Question TRUE_FALSE = new ExamScoring.Question(3, QuestionKind.TRUE_FALSE,
            new BigDecimal("2"), Set.of(31L));

    @Test
    void allOrNothingGivesFullPointsOnlyForExactlyTheCorrectOptions() {
        MultipleChoiceRule rule = MultipleChoiceRule.ALL_OR_NOTHING;
        assertThat(ExamScoring.score(MULTIPLE, Set.of(11L, 12L, 13L), rule)).isEqualByComparingTo("4");
        assertThat(ExamScoring.score(MULTIPLE, Set.of(11L, 12L), rule)).as("a correct option missing").isZero();
        assertThat(ExamScoring.score(MULTIPLE, Set.of(11L, 12L, 13L, 14L), rule)).as("a wrong option too").isZero();
        assertThat(ExamScoring.score(MULTIPLE, Set.of(), rule)).isZero();
    }

    @Test
    void proportionalGivesTheShareOfCorrectOptionsAndNothingWhenAWrongOneIsChosen() {
        MultipleChoiceRule rule = MultipleChoiceRule.PROPORTIONAL;
        assertThat(ExamScoring.score(MULTIPLE, Set.of(11L, 12L, 13L), rule)).isEqualByComparingTo("4");
        assertThat(ExamScoring.score(MULTIPLE, Set.of(11L, 12L), rule)).as("2 of 3 of 4 points")
                .isEqualByComparingTo("2.67");
        assertThat(ExamScoring.score(MULTIPLE, Set.of(13L), rule)).isEqualByComparingTo("1.33");
        assertThat(ExamScoring.score(MULTIPLE, Set.of(11L, 14L), rule)).as("any wrong option: 0").isZero();
        assertThat(ExamScoring.score(MULTIPLE, Set.of(), rule)).as("unanswered").isZero();
    }

    @Test
    void singleAndTrueFalseAreAllOrNothingWhateverTheRule() {
        for (MultipleChoiceRule rule : MultipleChoiceRule.values()) {
            assertThat(ExamScoring.score(SINGLE, Set.of(21L), rule)).isEqualByComparingTo("2");
            assertThat(ExamScoring.score(SINGLE, Set.of(22L), rule)).isZero();
            assertThat(ExamScoring.score(SINGLE, Set.of(21L, 22L), rule)).isZero();
            assertThat(ExamScoring.score(TRUE_FALSE, Set.of(31L), rule)).isEqualByComparingTo("2");
            assertThat(ExamScoring.score(TRUE_FALSE, Set.of(32L), rule)).isZero();
        }
    }

    @Test
    void theScoreIsAPercentageOfThePaperAndPassesAtThePassMark() {
        List<ExamScoring.Question> paper = List.of(MULTIPLE, SINGLE, TRUE_FALSE);
        ExamScoring.Result partial = ExamScoring.score(paper, Map.of(1L, Set.of(11L, 12L), 2L, Set.of(21L)),
                MultipleChoiceRule.PROPORTIONAL, new BigDecimal("60"));
        assertThat(partial.points()).isEqualByComparingTo("4.67");
        assertThat(partial.maxPoints()).isEqualByComparingTo("8");
        assertThat(partial.score()).isEqualByComparingTo("58.38");
        assertThat(partial.passed()).isFalse();
        assertThat(partial.perQuestion()).containsEntry(3L, BigDecimal.ZERO);

        ExamScoring.Result exact = ExamScoring.score(paper, Map.of(1L, Set.of(11L, 12L, 13L), 3L, Set.of(31L)),
                MultipleChoiceRule.ALL_OR_NOTHING, new BigDecimal("75"));
        assertThat(exact.score()).as("6 of 8 is exactly the pass mark").isEqualByComparingTo("75.00");
        assertThat(exact.passed()).isTrue();
    }
}
