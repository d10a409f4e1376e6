package org.gridcare.performance;

/**
 * The components of a scorecard (考核项). Their names, sources and normalisation are data ({@code perf_component});
 * their weights, targets and steps per position are the schemes' ({@code perf_scheme_component}).
 */
public enum ScoreComponent {
    VOLUME, ON_TIME, SATISFACTION, QUALITY_SCORE, ERROR_RATE, COMPLAINTS, TRAINING, INCENTIVE_POINTS
}
