package org.gridcare.analytics;

/**
 * One KPI formula as the {@code kpi_definition} table holds it (domain reference §4): which facts it counts
 * (those whose {@code anchor} moment lies in the period and that satisfy {@code denominator}) and which of
 * them count in its favour ({@code numerator}); {@code valueExpr} is what a MEAN or MEDIAN averages.
 */
public record KpiDefinition(String name, int sortOrder, Measure measure, String unit, Anchor anchor,
                            String denominator, String numerator, String valueExpr, String nameZh, String nameEn,
                            String formulaZh, String formulaEn, String source) {

    /** How numerator and denominator make the value. */
    public enum Measure {
        COUNT, RATE, MEAN, MEDIAN, PER_10K, NO_DATA
    }

    /** The moment of an order that places it in a period. */
    public enum Anchor {
        ACCEPTED("accepted_at"), CLOSED("closed_at"), VISITED("visited_at"), INSPECTED("inspected_at");

        private final String column;

        Anchor(String column) {
            this.column = column;
        }

        /** The fact column holding the moment. */
        public String column() {
            return column;
        }
    }

    public String label(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String formula(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? formulaZh : formulaEn;
    }
}
