package org.gridcare.performance;

import java.math.BigDecimal;

/**
 * A team's month (班组绩效): the mean total of its members' cards that have a total, graded with the DEFAULT scheme's
 * bands of that month; {@code members} cards, {@code scored} of them with a total; {@code praise} the praise orders
 * credited to its members. {@code rank} within the listed teams.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
public record TeamCard(String month, String teamCode, String teamName, String unitCode, int members, int scored,
                       BigDecimal total, String grade, int praise, Integer rank) {
}
