package org.gridcare.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridcare.identity.Role;
import org.gridcare.shared.BusinessTime;
import org.gridcare.shared.security.Actor;
import org.gridcare.staff.Certificates;
import org.gridcare.staff.NewCertificate;
import org.gridcare.staff.NewShift;
import org.gridcare.staff.NewStaffProfile;
import org.gridcare.staff.NewTeam;
import org.gridcare.staff.Position;
import org.gridcare.staff.Shifts;
import org.gridcare.staff.StaffDirectory;
import org.gridcare.staff.StaffProfile;
import org.gridcare.staff.StaffProfiles;
import org.gridcare.staff.TeamChanges;
import org.gridcare.workorder.WorkOrderType;

/**
 * The demo company's staff side: a repair team per station (its first electrician leads it), a hotline team and a
 * dispatch team at the city company, a profile for every demo user but the administrator, licences for the
 * electricians and customer-service certificates for the agents (two expiring within the reminder lead time, one
 * expired — that electrician cannot be given fault repairs until it is renewed), and shifts from yesterday to a
 * week ahead so that the dispatcher's suggestions have people on duty at any hour.
 */
final class DemoStaff {

    private static final List<StaffProfile.Skill> REPAIR = List.of(
            new StaffProfile.Skill(WorkOrderType.FAULT_REPAIR, null),
            new StaffProfile.Skill(WorkOrderType.SERVICE_APPLICATION, "SERVICE_APPLICATION.RECONNECTION"),
            new StaffProfile.Skill(WorkOrderType.SERVICE_APPLICATION, "SERVICE_APPLICATION.METER_ANOMALY"),
            new StaffProfile.Skill(WorkOrderType.SERVICE_APPLICATION, "SERVICE_APPLICATION.APPLIANCE_DAMAGE"));
    private static final List<StaffProfile.Skill> HOTLINE = List.of(
            new StaffProfile.Skill(WorkOrderType.CONSULTATION, null),
            new StaffProfile.Skill(WorkOrderType.COMPLAINT, null),
            new StaffProfile.Skill(WorkOrderType.OPINION, null),
            new StaffProfile.Skill(WorkOrderType.PRAISE, null),
            new StaffProfile.Skill(WorkOrderType.REPORT, null));
    private static final Map<Role, Position> POSITIONS = Map.of(Role.MANAGER, Position.MANAGER,
            Role.SUPERVISOR, Position.SUPERVISOR, Role.AGENT, Position.AGENT, Role.DISPATCHER, Position.DISPATCHER,
            Role.FIELD_STAFF, Position.REPAIR_ELECTRICIAN, Role.INSPECTOR, Position.INSPECTOR,
            Role.TRAINER, Position.TRAINER);
    private static final String[] SHIFT_PATTERN = {"DAY", "NIGHT", "STANDBY"};

    private final StaffProfiles profiles;
    private final StaffDirectory directory;
    private final Certificates certificates;
    private final Shifts shifts;

    DemoStaff(StaffProfiles profiles, StaffDirectory directory, Certificates certificates, Shifts shifts) {
        this.profiles = profiles;
        this.directory = directory;
        this.certificates = certificates;
        this.shifts = shifts;
    }

    /** Seeds it all for the company's staff (called in one transaction after the accounts exist). */
    int seed(DemoCompany company, Actor actor, Instant now) {
        LocalDate today = now.atZone(BusinessTime.ZONE).toLocalDate();
        String city = company.cityUnitCode();
        profiles.createTeam(new NewTeam("KF-95598", "95598 客服班", city, null,
                "受理 95598 来电与网上渠道诉求，一次办结咨询，开展回访与满意度调查"), actor);
        profiles.createTeam(new NewTeam("DD-CITY", "营销服务调度班", city, null,
                "工单派发与调度，跟踪时限与督办，协调抢修资源"), actor);
        for (DemoCompany.Station s : company.stations()) {
            profiles.createTeam(new NewTeam("QX-" + s.code(), s.name().replace("供电所", "抢修班"), s.teamCode(), null,
                    "辖区低压故障抢修、欠费复电、表计异常与家电损坏现场处理，24 小时值守"), actor);
        }
        int seeded = 0;
        int agents = 0;
        int electricians = 0;
        for (DemoCompany.Staff s : company.staff()) {
            Position position = POSITIONS.get(s.role());
            if (position == null) {
                continue;
            }
            int index = seeded++;
            String team = switch (s.role()) {
                case AGENT -> "KF-95598";
                case DISPATCHER -> "DD-CITY";
                case FIELD_STAFF -> "QX-" + s.unitCode().substring(0, s.unitCode().length() - "-QX".length());
                default -> null;
            };
            List<String> languages = s.region() == 0 ? List.of("普通话") : List.of("普通话", "当地方言");
            List<StaffProfile.Skill> skills = switch (s.role()) {
                case FIELD_STAFF -> REPAIR;
                case AGENT, SUPERVISOR -> HOTLINE;
                default -> List.of();
            };
            List<String> voltage = s.role() == Role.FIELD_STAFF ? List.of("LV_0_4KV", "MV_10KV") : List.of();
            StaffProfile profile = profiles.create(new NewStaffProfile(s.username(), position, team,
                    today.minusMonths(14 + index * 7L), languages, voltage, skills), actor);
            if (s.role() == Role.FIELD_STAFF) {
                int n = electricians++;
                // two electricians' licences run out within the reminder lead time, one ran out last week
                LocalDate expires = n == 1 ? today.plusDays(12) : n == 6 ? today.plusDays(25)
                        : n == 9 ? today.minusDays(6) : today.plusYears(2).plusMonths(n);
                certificates.add(profile.userId(), new NewCertificate("ELECTRICIAN_LV", "T3301%08d".formatted(
                        20_190_000 + n), "滨江市应急管理局", expires.minusYears(6), expires), actor);
                for (int day = -1; day <= 6; day++) {
                    String code = SHIFT_PATTERN[Math.floorMod(n + day, SHIFT_PATTERN.length)];
                    shifts.add(profile.userId(), new NewShift(today.plusDays(day), code, null, null, null), actor);
                }
            } else if (s.role() == Role.AGENT) {
                int n = agents++;
                LocalDate expires = n == 2 ? today.plusDays(18) : today.plusYears(1).plusMonths(n);
                certificates.add(profile.userId(), new NewCertificate("CUSTOMER_SERVICE", "KF%06d".formatted(n + 1),
                        "国网滨江供电公司人力资源部", expires.minusYears(3), expires), actor);
                if (n % 3 == 0) {
                    certificates.add(profile.userId(), new NewCertificate("MARKETING_4", "YX4-%05d".formatted(n + 1),
                            "电力行业职业技能鉴定中心", today.minusYears(2), null), actor);
                }
            }
        }
        // the first electrician of each station leads its repair team; the first agent the hotline team
        for (var team : profiles.teams(actor)) {
            directory.members(team.id()).stream().findFirst().ifPresent(leader -> profiles.changeTeam(
                    team.id(), new TeamChanges(team.version(), null, leader.username(), null, null), actor));
        }
        return seeded;
    }
}
