package org.gridcare.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.gridcare.identity.Role;
import org.gridcare.organisation.AreaType;
import org.gridcare.shared.BusinessTime;
import org.gridcare.workorder.Action;
import org.gridcare.workorder.Channel;
import org.gridcare.workorder.HistoricOrder;
import org.gridcare.workorder.HistoricOrder.Step;
import org.gridcare.workorder.DissatisfiedAction;
import org.gridcare.workorder.Priority;
import org.gridcare.workorder.ReturnVisitSetting;
import org.gridcare.workorder.ReturnVisitRecorded.VisitSource;
import org.gridcare.workorder.SubType;
import org.gridcare.workorder.VisitAspect;
import org.gridcare.workorder.VisitResult;
import org.gridcare.workorder.WorkOrderStatus;
import org.gridcare.workorder.WorkOrderType;

/**
 * The demo company's work orders over the past months up to now: acceptance times follow the week, the
 * season and the hours of a service hotline; types, channels and categories follow 95598 proportions; each
 * order's history runs through the lifecycle with mostly timely and sometimes late steps, return visits
 * (mostly satisfied; some unreachable first, some dissatisfied and reopened), and orders accepted lately are
 * still open. A few recent orders are stopped on purpose in every open status. Order {@code i} is a pure
 * function of the seed and {@code i}.
 */
final class DemoOrders {

    /** The open statuses that always have a few orders standing in them right now. */
    static final List<WorkOrderStatus> OPEN_NOW = List.of(WorkOrderStatus.ACCEPTED, WorkOrderStatus.DISPATCHED,
            WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.RETURNED, WorkOrderStatus.SUSPENDED,
            WorkOrderStatus.REPLIED, WorkOrderStatus.REVIEWED, WorkOrderStatus.VISITED);
    static final int OPEN_PER_STATUS = 3;

    private static final int[] HOUR_WEIGHTS = {1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 12, 9, 10, 12, 12, 11, 10, 10, 11,
            10, 7, 4, 2};

    private final DemoCompany company;
    private final DemoTexts texts;
    private final long seed;
    private final int customers;
    private final Instant now;
    private final Map<WorkOrderType, ReturnVisitSetting> visitSettings;

    DemoOrders(DemoCompany company, DemoTexts texts, long seed, int customers, Instant now,
               Map<WorkOrderType, ReturnVisitSetting> visitSettings) {
        this.visitSettings = visitSettings;
        this.company = company;
        this.texts = texts;
        this.seed = seed;
        this.customers = customers;
        this.now = now;
    }

    /**
     * When each of {@code count} orders was accepted, in time order, over the {@code months} before now; the
     * low 4 bits of each entry name the open status it must stand in (1-based index into {@link #OPEN_NOW}).
     */
    long[] schedule(int count, int months) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
        LocalDate first = today.minusMonths(months);
        int days = (int) (today.toEpochDay() - first.toEpochDay()) + 1;
        double[] cumulative = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            double weight = switch (day.getMonth()) {
                case JULY, AUGUST -> 1.4;
                case JUNE, SEPTEMBER, JANUARY, DECEMBER -> 1.15;
                default -> 1.0;
            };
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weight *= 0.8;
            }
            if (d == days - 1) {
                weight *= Math.max(0.05, Duration.between(today.atStartOfDay(BusinessTime.ZONE).toInstant(), now)
                        .toMinutes() / 1440.0);
            }
            total += weight;
            cumulative[d] = total;
        }
        int hourTotal = Arrays.stream(HOUR_WEIGHTS).sum();
        int forced = Math.min(count, OPEN_NOW.size() * OPEN_PER_STATUS);
        long[] keys = new long[count];
        for (int i = 0; i < count - forced; i++) {
            Instant at;
            do {
                double roll = r.nextDouble() * total;
                int d = Arrays.binarySearch(cumulative, roll);
                d = d < 0 ? -d - 1 : d;
                int hourRoll = r.nextInt(hourTotal);
                int hour = 0;
                while (hourRoll >= HOUR_WEIGHTS[hour]) {
                    hourRoll -= HOUR_WEIGHTS[hour++];
                }
                at = first.plusDays(Math.min(d, days - 1)).atStartOfDay(BusinessTime.ZONE).plusHours(hour)
                        .plusSeconds(r.nextInt(3600)).toInstant();
            } while (!at.isBefore(now.minusSeconds(60)) || at.isBefore(now.minus(Duration.ofDays(days))));
            keys[i] = at.toEpochMilli() << 4;
        }
        for (int i = 0; i < forced; i++) {
            Instant at = now.minus(Duration.ofMinutes(60 + r.nextInt(16 * 60)));
            keys[count - forced + i] = (at.toEpochMilli() << 4) | (i % OPEN_NOW.size() + 1);
        }
        Arrays.sort(keys);
        return keys;
    }

    /** The order of index {@code index} accepted at the schedule entry {@code key}. */
    HistoricOrder order(int index, long key) {
        Instant created = Instant.ofEpochMilli(key >>> 4);
        int forced = (int) (key & 0xF);
        WorkOrderStatus target = forced == 0 ? null : OPEN_NOW.get(forced - 1);
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
        WorkOrderType type = target == null ? type(r, created) : typeFor(target, r);
        String category = category(type, r);
        SubType subType = type == WorkOrderType.SERVICE_APPLICATION
                ? SubType.valueOf(category.substring(category.indexOf('.') + 1)) : null;
        Channel channel = channel(type, r);
        Priority priority = priority(type, r);
        boolean anonymous = type == WorkOrderType.CONSULTATION && target == null && r.nextInt(10) == 0;
        DemoCompany.Customer customer = anonymous ? null : company.customer(r.nextInt(customers));
        DemoCompany.Station station = customer == null ? null : customer.station();
        int region = station == null ? 0 : station.region();
        String intake = intakeAgent(channel, region, r);
        Context c = new Context(r, type, subType, station, region, created);

        String callerName;
        String callerPhone;
        if (customer == null || r.nextInt(5) == 0) {
            callerName = texts.personName(r);
            callerPhone = DemoCompany.mobile(r);
        } else {
            callerName = customer.kind().equals("RESIDENTIAL") ? customer.name() : texts.personName(r);
            callerPhone = customer.phones().get(0);
        }
        String description = fill(texts.pick("description." + category, r), customer, r);
        boolean complaint = type == WorkOrderType.COMPLAINT;
        boolean sensitive = (customer != null && customer.flags().contains("SENSITIVE"))
                || (complaint && r.nextInt(10) == 0);
        boolean media = complaint && r.nextInt(300) == 0;
        boolean escalation = complaint && r.nextInt(12) == 0;
        boolean repeat = type != WorkOrderType.PRAISE && r.nextInt(33) == 0;

        Plan plan = new Plan(created);
        history(plan, c, intake, target);
        plan.cut(target, now);
        String unitCode = station == null ? company.cityUnitCode() : station.code();
        AreaType area = station == null ? AreaType.URBAN : station.areaType();
        return new HistoricOrder(type, subType, category, channel, priority,
                customer == null ? null : customer.number(), callerName, callerPhone,
                customer == null ? null : customer.address(), unitIdOf(unitCode), unitCode, area.name(), description,
                sensitive, media, escalation, repeat, intake, created, plan.steps);
    }

    /** Set by the seeder once the units exist: the id of each unit code. */
    private java.util.function.ToLongFunction<String> unitIds = code -> {
        throw new IllegalStateException("unit ids not known yet");
    };

    void unitIds(java.util.function.ToLongFunction<String> ids) {
        this.unitIds = ids;
    }

    private long unitIdOf(String code) {
        return unitIds.applyAsLong(code);
    }

    // ---- the history of one order

    private record Context(SplittableRandom r, WorkOrderType type, SubType subType, DemoCompany.Station station,
                           int region, Instant created) {
    }

    private void history(Plan p, Context c, String intake, WorkOrderStatus target) {
        SplittableRandom r = c.r();
        WorkOrderType type = c.type();
        if (type == WorkOrderType.PRAISE) {
            p.after(minutes(r, 3, 30)).add(Step.close(texts.one("praiseClose"), intake, p.t), WorkOrderStatus.CLOSED);
            return;
        }
        if (type == WorkOrderType.CONSULTATION && target == null && r.nextInt(100) < 78) {
            p.after(minutes(r, 2, 15)).add(Step.close(reply(c), intake, p.t), WorkOrderStatus.CLOSED);
            return;
        }
        if (target == null && r.nextInt(1000) < 15) {
            p.after(minutes(r, 3, 40)).add(Step.of(Action.CANCEL, intake, p.t, texts.pick("cancelReason", r)),
                    WorkOrderStatus.CANCELLED);
            return;
        }
        work(p, c, target, false);
        review(p, c);
        ReturnVisitSetting setting = visitSettings.get(type);
        if (setting == null || !setting.visitNeeded()) {
            p.after(minutes(r, 10, 600)).add(Step.close(null, agent(0, r), p.t), WorkOrderStatus.CLOSED);
            return;
        }
        if (visit(p, c, setting, false) == VisitResult.DISSATISFIED) {
            if (setting.dissatisfiedAction() == DissatisfiedAction.ESCALATE) {
                // the supervisors decide: mostly work it again, sometimes archive it with an explanation
                if (r.nextInt(10) < 3) {
                    p.after(minutes(r, 60, 600)).add(Step.close(null, supervisor(c.region(), r), p.t),
                            WorkOrderStatus.CLOSED);
                    return;
                }
                p.after(minutes(r, 30, 360)).add(Step.of(Action.REOPEN, supervisor(c.region(), r), p.t,
                        texts.one("dissatisfied.reopen")), WorkOrderStatus.ACCEPTED);
                work(p, c, null, false);
            } else {
                work(p, c, null, true);
            }
            review(p, c);
            visit(p, c, setting, true);
        }
        p.after(minutes(r, 1, 180)).add(Step.close(null, agent(0, r), p.t), WorkOrderStatus.CLOSED);
    }

    /** Dispatch, take, on-site work and the reply, with the occasional return, suspension, urge. */
    private void work(Plan p, Context c, WorkOrderStatus target, boolean backWithHandler) {
        SplittableRandom r = c.r();
        WorkOrderType type = c.type();
        boolean repair = type == WorkOrderType.FAULT_REPAIR;
        String dispatcher = pick(company.staff(Role.DISPATCHER, c.region()), r);
        String field = backWithHandler ? p.lastHandler : fieldStaff(c, r);
        if (!backWithHandler) {
            p.after(repair ? (r.nextInt(100) < 96 ? minutes(r, 1, 4) : minutes(r, 5, 15)) : minutes(r, 5, 120))
                    .add(Step.dispatch(field, dispatcher, p.t), WorkOrderStatus.DISPATCHED);
        }
        if (target == WorkOrderStatus.RETURNED || (target == null && r.nextInt(100) < 3)) {
            p.after(minutes(r, 10, 90)).add(Step.of(Action.RETURN, field, p.t, texts.pick("returnReason", r)),
                    WorkOrderStatus.RETURNED);
            field = fieldStaff(c, r);
            p.after(minutes(r, 5, 40)).add(Step.dispatch(field, dispatcher, p.t), WorkOrderStatus.DISPATCHED);
        }
        p.after(repair ? minutes(r, 1, 6) : firstResponse(r)).add(Step.of(Action.ACCEPT, field, p.t, null),
                WorkOrderStatus.IN_PROGRESS);
        if (repair) {
            int limit = switch (c.station() == null ? AreaType.URBAN : c.station().areaType()) {
                case URBAN -> 45;
                case RURAL -> 90;
                case REMOTE -> 120;
            };
            double share = r.nextInt(100) < 91 ? 0.3 + r.nextDouble() * 0.65 : 1.05 + r.nextDouble() * 0.6;
            Instant arrival = c.created().plusSeconds((long) (limit * 60 * share));
            p.at(arrival.isAfter(p.t) ? arrival : p.t.plusSeconds(60))
                    .add(Step.of(Action.ARRIVE, field, p.t, texts.pick("arriveNote", r)), null);
            int restoreLimit = c.station() != null && c.station().areaType() == AreaType.RURAL ? 240 : 180;
            int restore = r.nextInt(100) < 95 ? 15 + r.nextInt(restoreLimit - 20) : restoreLimit + 5 + r.nextInt(120);
            p.after(Duration.ofMinutes(restore)).add(Step.of(Action.RESTORE, field, p.t,
                    texts.pick("restoreNote", r)), null);
        } else if (c.subType() == SubType.RECONNECTION || c.subType() == SubType.APPLIANCE_DAMAGE
                || c.subType() == SubType.METER_ANOMALY) {
            p.after(minutes(r, 30, 20 * 60)).add(Step.of(Action.ARRIVE, field, p.t, texts.pick("arriveNote", r)),
                    null);
        }
        if (!repair && (target == WorkOrderStatus.SUSPENDED || (target == null && r.nextInt(100) < 3))) {
            String supervisor = supervisor(c.region(), r);
            p.after(minutes(r, 60, 600)).add(Step.of(Action.SUSPEND, supervisor, p.t,
                    texts.pick("suspendReason", r)), WorkOrderStatus.SUSPENDED);
            p.after(minutes(r, 24 * 60, 72 * 60)).add(Step.of(Action.RESUME, supervisor, p.t,
                    texts.pick("resumeReason", r)), WorkOrderStatus.IN_PROGRESS);
        }
        if (type != WorkOrderType.OPINION && r.nextInt(100) < 4) {
            p.after(minutes(r, 30, 240)).add(Step.of(Action.URGE, agent(0, r), p.t, texts.pick("urgeNote", r)), null);
        }
        p.after(replyDelay(c)).add(Step.reply(reply(c), texts.pick("result", r), field, p.t),
                WorkOrderStatus.REPLIED);
    }

    private void review(Plan p, Context c) {
        SplittableRandom r = c.r();
        String supervisor = supervisor(c.region(), r);
        if (r.nextInt(100) < 2) {
            p.after(minutes(r, 10, 600)).add(Step.review(false, texts.pick("reviewRejected", r), supervisor, p.t),
                    WorkOrderStatus.IN_PROGRESS);
            String field = p.lastHandler;
            p.after(minutes(r, 60, 1200)).add(Step.reply(reply(c), texts.pick("result", r), field, p.t),
                    WorkOrderStatus.REPLIED);
        }
        p.after(minutes(r, 10, 600)).add(Step.review(true, null, supervisor, p.t), WorkOrderStatus.REVIEWED);
    }

    /**
     * The return visit: maybe unreachable once or twice (after the last allowed try it ends unreachable), rarely
     * refused, else a verdict — a second visit after a reopen is kinder. Returns the result that ended it.
     */
    private VisitResult visit(Plan p, Context c, ReturnVisitSetting setting, boolean again) {
        SplittableRandom r = c.r();
        String visitor = agent(0, r);
        p.after(minutes(r, 30, 16 * 60));
        int tries = 0;
        while (r.nextInt(100) < (tries == 0 ? 12 : 30)) {
            tries++;
            boolean last = tries >= setting.maxAttempts();
            p.add(Step.visit(new HistoricOrder.Visit(VisitResult.UNREACHABLE, Set.of(), null, VisitSource.AGENT),
                    null, visitor, p.t), last ? WorkOrderStatus.VISITED : null);
            if (last) {
                return VisitResult.UNREACHABLE;
            }
            p.after(minutes(r, 90, 300));
        }
        int roll = r.nextInt(1000);
        boolean complaint = c.type() == WorkOrderType.COMPLAINT;
        VisitResult result;
        if (roll < 5) {
            result = VisitResult.REFUSED;
        } else if (again) {
            result = roll < 800 ? VisitResult.SATISFIED : VisitResult.BASICALLY_SATISFIED;
        } else if (complaint) {
            result = roll < 740 ? VisitResult.SATISFIED : roll < 900 ? VisitResult.BASICALLY_SATISFIED
                    : VisitResult.DISSATISFIED;
        } else {
            result = roll < 890 ? VisitResult.SATISFIED : roll < 970 ? VisitResult.BASICALLY_SATISFIED
                    : VisitResult.DISSATISFIED;
        }
        Set<VisitAspect> aspects = EnumSet.noneOf(VisitAspect.class);
        if (result == VisitResult.DISSATISFIED) {
            aspects.add(VisitAspect.values()[r.nextInt(3)]);
            if (r.nextBoolean()) {
                aspects.add(VisitAspect.values()[r.nextInt(3)]);
            }
        }
        boolean self = tries == 0 && result != VisitResult.REFUSED && r.nextInt(100) < 25;
        Integer score = !self ? null : switch (result) {
            case SATISFIED -> 4 + r.nextInt(2);
            case BASICALLY_SATISFIED -> 3;
            default -> 1 + r.nextInt(2);
        };
        String comment = result == VisitResult.REFUSED ? null : texts.pick("visitComment." + result.name(), r);
        WorkOrderStatus after = result == VisitResult.DISSATISFIED
                && setting.dissatisfiedAction() == DissatisfiedAction.REOPEN
                ? WorkOrderStatus.DISPATCHED : WorkOrderStatus.VISITED;
        p.add(Step.visit(new HistoricOrder.Visit(result, aspects, score,
                self ? VisitSource.SELF_RATING : VisitSource.AGENT), comment, self ? "customer" : visitor, p.t), after);
        return result;
    }

    // ---- timings

    /** Taking the order (the first response): mostly within hours, sometimes late in the 24 h. */
    private static Duration firstResponse(SplittableRandom r) {
        int roll = r.nextInt(100);
        return roll < 85 ? minutes(r, 10, 8 * 60) : roll < 96 ? minutes(r, 8 * 60, 22 * 60)
                : minutes(r, 25 * 60, 40 * 60);
    }

    private static Duration replyDelay(Context c) {
        SplittableRandom r = c.r();
        boolean late = r.nextInt(100) < 8;
        return switch (c.type()) {
            case FAULT_REPAIR -> minutes(r, 5, 60);
            case COMPLAINT -> late ? minutes(r, 6 * 1440, 9 * 1440) : minutes(r, 240, 3 * 1440);
            case REPORT -> late ? minutes(r, 14 * 1440, 18 * 1440) : minutes(r, 1440, 9 * 1440);
            case OPINION -> minutes(r, 1440, 8 * 1440);
            case CONSULTATION -> late ? minutes(r, 2 * 1440, 3 * 1440) : minutes(r, 60, 1000);
            default -> switch (c.subType()) {
                case RECONNECTION -> minutes(r, 30, 8 * 60);
                case APPLIANCE_DAMAGE -> late ? minutes(r, 2 * 1440, 3 * 1440) : minutes(r, 60, 1200);
                default -> late ? minutes(r, 7 * 1440, 10 * 1440) : minutes(r, 1440, 4 * 1440);
            };
        };
    }

    private static Duration minutes(SplittableRandom r, int from, int to) {
        return Duration.ofSeconds(from * 60L + r.nextInt(Math.max(1, (to - from) * 60)));
    }

    // ---- who

    private String intakeAgent(Channel channel, int region, SplittableRandom r) {
        return channel == Channel.COUNTER && region > 0 ? pick(company.staff(Role.AGENT, region), r) : agent(0, r);
    }

    private String agent(int region, SplittableRandom r) {
        return pick(company.staff(Role.AGENT, region), r);
    }

    private String supervisor(int region, SplittableRandom r) {
        return pick(company.staff(Role.SUPERVISOR, region), r);
    }

    private String fieldStaff(Context c, SplittableRandom r) {
        DemoCompany.Station station = c.station() != null ? c.station() : company.stations().get(r.nextInt(3));
        return pick(company.fieldStaff(station), r);
    }

    private static String pick(List<DemoCompany.Staff> staff, SplittableRandom r) {
        return staff.get(r.nextInt(staff.size())).username();
    }

    // ---- what

    private static WorkOrderType type(SplittableRandom r, Instant created) {
        int month = ZonedDateTime.ofInstant(created, BusinessTime.ZONE).getMonthValue();
        int repairs = month >= 6 && month <= 9 ? 38 : 28;
        int roll = r.nextInt(100 + repairs - 30);
        if ((roll -= 36) < 0) {
            return WorkOrderType.CONSULTATION;
        }
        if ((roll -= repairs) < 0) {
            return WorkOrderType.FAULT_REPAIR;
        }
        if ((roll -= 13) < 0) {
            return WorkOrderType.SERVICE_APPLICATION;
        }
        if ((roll -= 6) < 0) {
            return WorkOrderType.COMPLAINT;
        }
        if ((roll -= 5) < 0) {
            return WorkOrderType.OPINION;
        }
        if ((roll -= 5) < 0) {
            return WorkOrderType.PRAISE;
        }
        return WorkOrderType.REPORT;
    }

    private static WorkOrderType typeFor(WorkOrderStatus target, SplittableRandom r) {
        List<WorkOrderType> types = target == WorkOrderStatus.SUSPENDED
                ? List.of(WorkOrderType.COMPLAINT, WorkOrderType.SERVICE_APPLICATION)
                : List.of(WorkOrderType.FAULT_REPAIR, WorkOrderType.COMPLAINT, WorkOrderType.SERVICE_APPLICATION);
        return types.get(r.nextInt(types.size()));
    }

    private static String category(WorkOrderType type, SplittableRandom r) {
        return switch (type) {
            case CONSULTATION -> weighted(r, new String[] {"CONSULTATION.TARIFF", "CONSULTATION.BUSINESS",
                    "CONSULTATION.OUTAGE", "CONSULTATION.OTHER"}, 35, 35, 20, 10);
            case FAULT_REPAIR -> weighted(r, new String[] {"FAULT_REPAIR.NO_POWER", "FAULT_REPAIR.VOLTAGE",
                    "FAULT_REPAIR.EQUIPMENT", "FAULT_REPAIR.SAFETY"}, 60, 15, 15, 10);
            case COMPLAINT -> weighted(r, new String[] {"COMPLAINT.SERVICE", "COMPLAINT.BUSINESS.CONNECTION",
                    "COMPLAINT.BUSINESS.CHANGE", "COMPLAINT.BUSINESS.READING", "COMPLAINT.BUSINESS.TARIFF",
                    "COMPLAINT.BUSINESS.METERING", "COMPLAINT.BUSINESS.FEES", "COMPLAINT.OUTAGE", "COMPLAINT.QUALITY",
                    "COMPLAINT.GRID"}, 20, 6, 4, 8, 12, 8, 3, 22, 12, 5);
            case REPORT -> weighted(r, new String[] {"REPORT.INTEGRITY", "REPORT.THEFT", "REPORT.FACILITY"},
                    20, 50, 30);
            case OPINION -> "OPINION";
            case PRAISE -> "PRAISE";
            case SERVICE_APPLICATION -> weighted(r, new String[] {"SERVICE_APPLICATION.RECONNECTION",
                    "SERVICE_APPLICATION.APPLIANCE_DAMAGE", "SERVICE_APPLICATION.METER_ANOMALY",
                    "SERVICE_APPLICATION.READING_ANOMALY", "SERVICE_APPLICATION.OTHER"}, 35, 10, 25, 15, 15);
        };
    }

    private static Channel channel(WorkOrderType type, SplittableRandom r) {
        Channel[] channels = Channel.values();
        // HOTLINE_95598, APP, WEB, WECHAT, COUNTER, REGULATOR_12398, GOV_12345, EMAIL, FIELD
        int[] weights = type == WorkOrderType.COMPLAINT ? new int[] {58, 10, 3, 5, 5, 5, 13, 1, 0}
                : type == WorkOrderType.FAULT_REPAIR ? new int[] {70, 15, 1, 10, 1, 0, 2, 0, 1}
                : new int[] {52, 18, 5, 10, 9, 1, 3, 1, 1};
        return channels[index(r, weights)];
    }

    private static Priority priority(WorkOrderType type, SplittableRandom r) {
        int roll = r.nextInt(100);
        if (type == WorkOrderType.FAULT_REPAIR) {
            return roll < 80 ? Priority.NORMAL : roll < 96 ? Priority.URGENT : Priority.CRITICAL;
        }
        if (type == WorkOrderType.COMPLAINT || type == WorkOrderType.REPORT) {
            return roll < 90 ? Priority.NORMAL : Priority.URGENT;
        }
        return Priority.NORMAL;
    }

    private String reply(Context c) {
        SplittableRandom r = c.r();
        return fill(texts.pick("reply." + c.type().name(), r), null, r);
    }

    private String fill(String template, DemoCompany.Customer customer, SplittableRandom r) {
        String text = template;
        if (text.contains("{addr}")) {
            text = text.replace("{addr}", customer == null ? "所在小区" : shortAddress(customer.address()));
        }
        if (text.contains("{staff}")) {
            text = text.replace("{staff}", pickName(r));
        }
        if (text.contains("{cause}")) {
            text = text.replace("{cause}", texts.pick("causes", r));
        }
        if (text.contains("{date}")) {
            LocalDate day = LocalDate.ofInstant(now, BusinessTime.ZONE).minusDays(1 + r.nextInt(20));
            text = text.replace("{date}", day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
        }
        return text.replace("{n}", String.valueOf(2 + r.nextInt(8)))
                .replace("{d}", String.valueOf(5 + r.nextInt(25)))
                .replace("{amount}", String.valueOf(30 + r.nextInt(770)));
    }

    private String pickName(SplittableRandom r) {
        List<DemoCompany.Staff> staff = company.staff();
        return staff.get(r.nextInt(staff.size())).displayName();
    }

    /** The address without the city, as an agent would write it in a description. */
    private String shortAddress(String address) {
        String city = texts.one("city");
        return address.startsWith(city) ? address.substring(city.length()) : address;
    }

    private static String weighted(SplittableRandom r, String[] values, int... weights) {
        return values[index(r, weights)];
    }

    private static int index(SplittableRandom r, int[] weights) {
        int roll = r.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The steps of one order as they are planned, then cut at now (or at the status it must stand in). */
    private static final class Plan {
        private final Instant created;
        private Instant t;
        private final List<Step> steps = new ArrayList<>();
        private final List<WorkOrderStatus> statusAfter = new ArrayList<>();
        private String lastHandler;

        Plan(Instant created) {
            this.created = created;
            this.t = created;
        }

        Plan after(Duration d) {
            t = t.plus(d);
            return this;
        }

        Plan at(Instant moment) {
            t = moment;
            return this;
        }

        /** Adds a step; {@code to} null: the status does not change. */
        void add(Step step, WorkOrderStatus to) {
            WorkOrderStatus before = statusAfter.isEmpty() ? WorkOrderStatus.ACCEPTED
                    : statusAfter.get(statusAfter.size() - 1);
            steps.add(step);
            statusAfter.add(to == null ? before : to);
            if (step.action() == Action.DISPATCH) {
                lastHandler = step.handler();
            }
        }

        /**
         * Keeps what happened by {@code now}. An order that must stand in {@code target} keeps the steps up to
         * the first that leaves it there, its times squeezed into the time since its acceptance if need be.
         */
        void cut(WorkOrderStatus target, Instant now) {
            if (target != null) {
                int keep = target == WorkOrderStatus.ACCEPTED ? 0 : statusAfter.indexOf(target) + 1;
                if (keep == 0 && target != WorkOrderStatus.ACCEPTED) {
                    throw new IllegalStateException("the plan never reaches " + target);
                }
                truncate(keep);
                Instant last = steps.isEmpty() ? created : steps.get(steps.size() - 1).at();
                Instant latest = now.minusSeconds(120);
                if (last.isAfter(latest)) {
                    squeeze((double) Duration.between(created, latest).toMillis()
                            / Duration.between(created, last).toMillis());
                }
                return;
            }
            int keep = 0;
            while (keep < steps.size() && !steps.get(keep).at().isAfter(now)) {
                keep++;
            }
            truncate(keep);
        }

        private void truncate(int keep) {
            while (steps.size() > keep) {
                steps.remove(steps.size() - 1);
                statusAfter.remove(statusAfter.size() - 1);
            }
        }

        private void squeeze(double factor) {
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                steps.set(i, new Step(s.action(), s.actor(), scaled(s.at(), factor), s.note(), s.handler(),
                        s.replyText(), s.result(), s.approved(), s.visit()));
            }
        }

        private Instant scaled(Instant at, double factor) {
            return created.plusMillis((long) (Duration.between(created, at).toMillis() * factor));
        }
    }
}
