package org.gridcare.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.gridcare.identity.Role;
import org.gridcare.identity.StaffMember;
import org.gridcare.identity.Users;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo company's training (for the demo module): four courses of the city company — three with an exam and a
 * small question bank — this year's plan with the hours per position, and sessions over the next weeks taught by
 * the first trainer. Everything goes through the module's services, so it is validated and audited like any input.
 */
@Service
public class TrainingDemo {

    private final Courses courses;
    private final TrainingPlans plans;
    private final Sessions sessions;
    private final StaffPositions positions;
    private final Users users;
    private final Clock clock;

    TrainingDemo(Courses courses, TrainingPlans plans, Sessions sessions, StaffPositions positions, Users users, Clock clock) {
        this.courses = courses;
        this.plans = plans;
        this.sessions = sessions;
        this.positions = positions;
        this.users = users;
        this.clock = clock;
    }

    /** Seeds the training of the unit {@code unitCode}; returns the number of sessions scheduled. */
    @Transactional
    public int seed(String unitCode, Actor actor) {
        course("GC-TR-001", "95598 热线服务规范与文明用语", CourseTopic.SERVICE_NORMS, CourseMode.INTERNAL, "4", "80",
                MultipleChoiceRule.ALL_OR_NOTHING, unitCode, actor);
        question("GC-TR-001", QuestionKind.SINGLE, "接听 95598 来电时，首先应当：", actor, "自报工号并问候", "询问户号",
                "直接记录诉求");
        question("GC-TR-001", QuestionKind.MULTIPLE, "以下哪些属于服务禁语？", actor, "“这不归我们管”", "“我也没办法”",
                "!“请您稍等，我马上为您查询”");
        question("GC-TR-001", QuestionKind.TRUE_FALSE, "客户情绪激动时，可以先挂断电话待其冷静后回拨。", actor,
                "!正确", "错误");
        course("GC-TR-002", "故障抢修安全规程与到场时限", CourseTopic.SAFETY, CourseMode.INTERNAL, "3", "60",
                MultipleChoiceRule.PROPORTIONAL, unitCode, actor);
        question("GC-TR-002", QuestionKind.SINGLE, "城区故障抢修人员到达现场的承诺时限是：", actor, "45 分钟", "90 分钟",
                "120 分钟");
        question("GC-TR-002", QuestionKind.MULTIPLE, "抢修作业前必须做到：", actor, "停电", "验电", "装设接地线",
                "!口头通知后直接作业");
        course("GC-TR-003", "投诉处理沟通技巧（案例教学）", CourseTopic.COMMUNICATION, CourseMode.CASE_STUDY, "2", null,
                null, unitCode, actor);
        course("GC-TR-004", "电力基础知识在线学习", CourseTopic.POWER_KNOWLEDGE, CourseMode.ONLINE, "1.5", "60",
                MultipleChoiceRule.PROPORTIONAL, unitCode, actor);
        question("GC-TR-004", QuestionKind.TRUE_FALSE, "居民生活用电一般为 220V 单相供电。", actor, "正确", "!错误");

        int year = Instant.now(clock).atZone(BusinessTime.ZONE).getYear();
        List<TrainingCommands.Requirement> requirements = positions.positions().stream()
                .map(p -> new TrainingCommands.Requirement(p.code(), new BigDecimal(switch (p.code()) {
                    case "AGENT", "REPAIR_ELECTRICIAN" -> "24";
                    case "HALL_CLERK", "TEAM_LEADER" -> "20";
                    default -> "12";
                }))).toList();
        plans.create(new TrainingCommands.NewPlan(unitCode, year, null, year + " 年度员工培训计划", requirements,
                List.of("GC-TR-001", "GC-TR-002", "GC-TR-003", "GC-TR-004")), actor);

        StaffMember trainer = users.staffIn(null, Set.of(Role.TRAINER)).stream().findFirst().orElse(null);
        if (trainer == null) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), BusinessTime.ZONE);
        int scheduled = 0;
        String[] codes = {"GC-TR-001", "GC-TR-002", "GC-TR-003", "GC-TR-004", "GC-TR-001"};
        for (int i = 0; i < codes.length; i++) {
            Instant start = today.plusDays(3L + 7L * i).atTime(LocalTime.of(9, 0)).atZone(BusinessTime.ZONE).toInstant();
            sessions.schedule(new TrainingCommands.NewSession(codes[i], start, start.plus(Duration.ofHours(3)),
                    i % 2 == 0 ? "市公司三楼培训教室" : "抢修中心实训场", trainer.username(), 30, unitCode), actor);
            scheduled++;
        }
        return scheduled;
    }

    private void course(String code, String title, CourseTopic topic, CourseMode mode, String hours, String passMark,
                        MultipleChoiceRule rule, String unitCode, Actor actor) {
        courses.create(new TrainingCommands.NewCourse(code, title, topic, mode, new BigDecimal(hours), null, unitCode,
                passMark == null ? null : new BigDecimal(passMark), null, rule), actor);
    }

    /** Options starting with "!" are wrong, the others correct — except that a SINGLE/TRUE_FALSE's first is correct. */
    private void question(String code, QuestionKind kind, String text, Actor actor, String... options) {
        List<TrainingCommands.NewOption> list = new java.util.ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            boolean wrong = options[i].startsWith("!");
            String label = wrong ? options[i].substring(1) : options[i];
            boolean correct = kind == QuestionKind.MULTIPLE ? !wrong
                    : kind == QuestionKind.SINGLE ? i == 0 : !wrong;
            list.add(new TrainingCommands.NewOption(label, correct));
        }
        courses.addQuestion(code, new TrainingCommands.NewQuestion(kind, text, new BigDecimal("10"), list), actor);
    }
}
