package org.gridcare.survey;

import org.gridcare.workorder.Action;
import org.gridcare.workorder.WorkOrderStatus;
import org.gridcare.workorder.WorkOrderTransitioned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An approved review puts the order in the return-visit queue: that is when a self-rating link may go out. */
@Component
class SurveyIssuer {

    private final Surveys surveys;

    SurveyIssuer(Surveys surveys) {
        this.surveys = surveys;
    }

    @ApplicationModuleListener
    void on(WorkOrderTransitioned event) {
        if (event.action() == Action.REVIEW && event.to() == WorkOrderStatus.REVIEWED) {
            surveys.issueFor(event.orderId());
        }
    }
}
