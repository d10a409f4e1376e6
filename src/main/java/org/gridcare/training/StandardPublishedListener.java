package org.gridcare.training;

import org.gridcare.standards.StandardPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Enrols the staff a newly published standard version binds in its read-and-acknowledge course. */
@Component
class StandardPublishedListener {

    private final StandardCourses courses;

    StandardPublishedListener(StandardCourses courses) {
        this.courses = courses;
    }

    @ApplicationModuleListener
    void on(StandardPublished event) {
        courses.enrol(event);
    }
}
