/** Customer self-rating surveys: signed single-use links sent after the review, sampled by rules, feeding return visits. */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package org.gridcare.survey;
