/** Training (培训): courses, exams, plans, sessions, enrolment, attendance, certificates, transcripts and the case library. */
@org.springframework.modulith.ApplicationModule(displayName = "Training")
package org.gridcare.training;
