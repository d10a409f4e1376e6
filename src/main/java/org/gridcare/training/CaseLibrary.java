package org.gridcare.training;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gridcare.audit.AuditTrail;
import org.gridcare.complaint.ComplaintStatus;
import org.gridcare.complaint.ComplaintView;
import org.gridcare.complaint.Complaints;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.NotFoundException;
import org.gridcare.shared.security.Actor;
import org.gridcare.training.Anonymiser.Known;
import org.gridcare.training.TrainingRepository.CaseRow;
import org.gridcare.training.TrainingRepository.CourseRow;
import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.WorkOrderStatus;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrderView;
import org.gridcare.workorder.WorkOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case library (案例库): a CLOSED complaint case, or an exemplary order — a PRAISE order, or one whose return
 * visit found the customer SATISFIED, once visited or closed — becomes an anonymised teaching case (see
 * {@link Anonymiser}) that courses can attach. Only the anonymised text is stored; the source is kept by its case id
 * or order number.
 */
@Service
class CaseLibrary {

    static final String ENTITY = "TrainingCase";
    private static final Set<WorkOrderStatus> DONE = Set.of(WorkOrderStatus.VISITED, WorkOrderStatus.CLOSED,
            WorkOrderStatus.REVIEWED);

    private final TrainingRepository repository;
    private final TrainingAccess access;
    private final Courses courses;
    private final Complaints complaints;
    private final WorkOrders orders;
    private final AuditTrail audit;
    private final Clock clock;

    CaseLibrary(TrainingRepository repository, TrainingAccess access, Courses courses, Complaints complaints,
                WorkOrders orders, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.courses = courses;
        this.complaints = complaints;
        this.orders = orders;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TrainingViews.Case create(TrainingCommands.NewCase command, Actor actor) {
        String reference = command.reference().trim();
        List<CourseRow> attachTo = new ArrayList<>();
        List<String> codes = command.courseCodes() == null ? List.of() : command.courseCodes();
        for (int i = 0; i < codes.size(); i++) {
            try {
                attachTo.add(courses.managed(codes.get(i), actor));
            } catch (NotFoundException e) {
                throw InvalidInputException.of("courseCodes[" + i + "]", "validation.training.unknownCourse",
                        codes.get(i));
            }
        }
        Source source = switch (command.source()) {
            case COMPLAINT -> fromComplaint(reference, actor);
            case WORK_ORDER -> fromOrder(reference, actor);
        };
        String title = Anonymiser.anonymise(command.title().trim(), source.known());
        String lesson = Anonymiser.anonymise(Courses.blankToNull(command.lesson()), source.known());
        String narrative = clip(Anonymiser.anonymise(source.narrative(), source.known()), 8000);
        String handling = clip(Anonymiser.anonymise(source.handling(), source.known()), 8000);
        long id = repository.insertCase(command.source().name(), source.reference(), title, source.category(),
                narrative == null ? "" : narrative, handling, lesson, source.unitId(), actor.username(),
                Instant.now(clock));
        if (id < 0) {
            throw new ConflictException("training.error.caseExists", source.reference());
        }
        attachTo.forEach(c -> repository.attachCase(c.id(), id));
        audit.record("TRAINING_CASE_CREATED", ENTITY, String.valueOf(id), "from %s %s, anonymised; courses %s"
                .formatted(command.source(), source.reference(), attachTo.stream().map(CourseRow::code).toList()));
        return view(repository.caseById(id).orElseThrow(), access.unitCode(source.unitId()),
                repository.courseCodesOfCase(id));
    }

    private record Source(String reference, String category, String narrative, String handling, long unitId,
                          List<Known> known) {
    }

    private Source fromComplaint(String reference, Actor actor) {
        long id;
        try {
            id = Long.parseLong(reference);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("reference", "validation.training.complaintId");
        }
        ComplaintView complaint;
        try {
            complaint = complaints.get(id, actor);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("reference", "validation.training.unknownSource", reference);
        }
        if (complaint.status() != ComplaintStatus.CLOSED) {
            throw new ConflictException("training.error.complaintNotClosed", reference);
        }
        WorkOrderView order = orders.get(complaint.orderNumber(), actor);
        List<Known> known = known(order);
        known.add(new Known(complaint.customerNumber(), Anonymiser.CUSTOMER_NUMBER));
        known.add(new Known(complaint.responsibleStaff(), Anonymiser.STAFF));
        known.add(new Known(complaint.investigatedBy(), Anonymiser.STAFF));
        known.add(new Known(complaint.approvedBy(), Anonymiser.STAFF));
        known.add(new Known(complaint.closedBy(), Anonymiser.STAFF));
        StringBuilder handling = new StringBuilder();
        append(handling, complaint.findings());
        append(handling, complaint.rootCause());
        if (complaint.actions() != null) {
            complaint.actions().forEach(a -> append(handling, a.description()));
        }
        append(handling, order.replyText());
        return new Source(String.valueOf(complaint.id()), complaint.categoryName(), order.description(),
                handling.isEmpty() ? null : handling.toString(), unitId(order.unitCode(), actor), known);
    }

    private Source fromOrder(String reference, Actor actor) {
        WorkOrderView order;
        try {
            order = orders.get(reference, actor);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("reference", "validation.training.unknownSource", reference);
        }
        boolean exemplary = order.type() == WorkOrderType.PRAISE
                || (order.satisfaction() == VisitResult.SATISFIED && DONE.contains(order.status()));
        if (!exemplary) {
            throw new ConflictException("training.error.notExemplary", reference);
        }
        StringBuilder handling = new StringBuilder();
        append(handling, order.replyText());
        append(handling, order.result());
        return new Source(order.number(), order.category(), order.description(),
                handling.isEmpty() ? null : handling.toString(), unitId(order.unitCode(), actor), known(order));
    }

    private static List<Known> known(WorkOrderView order) {
        List<Known> known = new ArrayList<>();
        known.add(new Known(order.callerName(), Anonymiser.NAME));
        known.add(new Known(order.callerPhone(), Anonymiser.PHONE));
        known.add(new Known(order.address(), Anonymiser.ADDRESS));
        known.add(new Known(order.customerNumber(), Anonymiser.CUSTOMER_NUMBER));
        known.add(new Known(order.handler(), Anonymiser.STAFF));
        known.add(new Known(order.createdBy(), Anonymiser.STAFF));
        return known;
    }

    private long unitId(String unitCode, Actor actor) {
        OrgUnit unit = access.unitFor(unitCode, actor, "reference");
        return unit.id().value();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(part.strip());
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @Transactional
    public TrainingViews.Course attach(String courseCode, long caseId, Actor actor) {
        CourseRow course = courses.managed(courseCode, actor);
        CaseRow found = visible(caseId, actor);
        repository.attachCase(course.id(), found.id());
        audit.record("TRAINING_CASE_ATTACHED", Courses.ENTITY, course.code(), "case %d".formatted(caseId));
        return courses.view(course, true);
    }

    @Transactional(readOnly = true)
    public List<TrainingViews.Case> list(Actor actor) {
        DataScope scope = access.scope(actor);
        return repository.cases(scope.all(), scope.unitIdArray(), access.openUnits(actor)).stream()
                .map(k -> view(k, access.unitCode(k.unitId()), repository.courseCodesOfCase(k.id()))).toList();
    }

    @Transactional(readOnly = true)
    public TrainingViews.Case get(long id, Actor actor) {
        CaseRow found = visible(id, actor);
        return view(found, access.unitCode(found.unitId()), repository.courseCodesOfCase(id));
    }

    private CaseRow visible(long id, Actor actor) {
        return repository.caseById(id).filter(k -> access.offeredTo(k.unitId(), actor))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    static TrainingViews.Case view(CaseRow k, String unitCode, List<String> courseCodes) {
        return new TrainingViews.Case(k.id(), k.source(), k.sourceRef(), k.title(), k.category(), k.narrative(),
                k.handling(), k.lesson(), unitCode, k.createdBy(), k.createdAt(), courseCodes);
    }
}
