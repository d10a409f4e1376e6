package org.gridcare.staff;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.gridcare.identity.Users;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.gridcare.workorder.Category;
import org.gridcare.workorder.WorkOrderType;
import org.gridcare.workorder.WorkOrders;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff console: the staff list, a profile with its certificates, skills and shifts, the org chart (units →
 * teams → members), the expiring certificates and the dispatch suggestions fragment for the order page. Changes
 * go through the same services as the API; a refusal comes back as a message on the page.
 */
@ConsoleController
@RequestMapping("/staff")
class StaffConsoleController {

    private final StaffProfiles profiles;
    private final Certificates certificates;
    private final Shifts shifts;
    private final DispatchSuggestions suggestions;
    private final Users users;
    private final OrgUnits units;
    private final WorkOrders workOrders;
    private final MessageSource messages;

    StaffConsoleController(StaffProfiles profiles, Certificates certificates, Shifts shifts,
                           DispatchSuggestions suggestions, Users users, OrgUnits units, WorkOrders workOrders,
                           MessageSource messages) {
        this.profiles = profiles;
        this.certificates = certificates;
        this.shifts = shifts;
        this.suggestions = suggestions;
        this.users = users;
        this.units = units;
        this.workOrders = workOrders;
        this.messages = messages;
    }

    // ---- list and new profile

    @GetMapping
    @PreAuthorize(StaffApiController.MANAGERS)
    String list(@RequestParam(required = false) String position, @RequestParam(required = false) String team,
                Model model) {
        Actor actor = Actors.required();
        Position parsed = parse(position);
        List<StaffProfile> found;
        try {
            found = profiles.find(parsed, team, null, actor);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", FormErrors.describe(e, messages, "staff.field", locale()));
            found = profiles.find(parsed, null, null, actor);
        }
        model.addAttribute("profiles", found);
        model.addAttribute("position", position);
        model.addAttribute("team", team);
        model.addAttribute("teams", profiles.teams(actor));
        model.addAttribute("positions", Position.values());
        return "staff/list";
    }

    @GetMapping("/new")
    @PreAuthorize(StaffApiController.MANAGERS)
    String initCreateForm(Model model) {
        Actor actor = Actors.required();
        addChoices(model, actor);
        model.addAttribute("skillKeys", List.of());
        Set<Long> profiled = new HashSet<>();
        profiles.find(null, null, null, actor).forEach(p -> profiled.add(p.userId()));
        DataScope scope = units.scopeOf(actor);
        model.addAttribute("candidates", users.staffIn(scope.all() ? null : scope.unitIds(), Set.of()).stream()
                .filter(m -> !profiled.contains(m.userId())).toList());
        return "staff/new";
    }

    @PostMapping("/new")
    @PreAuthorize(StaffApiController.MANAGERS)
    String processCreateForm(@RequestParam(required = false) String username,
                             @RequestParam(required = false) String position,
                             @RequestParam(required = false) String teamCode,
                             @RequestParam(required = false) String hireDate,
                             @RequestParam(required = false) String languages,
                             @RequestParam(required = false) List<String> voltageLevels,
                             @RequestParam(required = false) List<String> skills, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        try {
            StaffProfile created = profiles.create(new NewStaffProfile(username, required("position",
                    parse(position)), teamCode, date("hireDate", hireDate), splitLanguages(languages),
                    voltageLevels, parseSkills(skills)), actor);
            redirect.addFlashAttribute("notice", "staff.saved");
            redirect.addAttribute("id", created.userId());
            return "redirect:/staff/{id}";
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "staff.field", locale()));
            return "redirect:/staff/new";
        }
    }

    // ---- one profile

    @GetMapping("/me")
    String me(Model model) {
        Actor actor = Actors.required();
        if (profiles.directory().profileOf(actor.userId()).isEmpty()) {
            model.addAttribute("noProfile", true);
            return "staff/none";
        }
        return "redirect:/staff/" + actor.userId();
    }

    @GetMapping("/{userId:\\d+}")
    String profile(@PathVariable long userId, Model model) {
        Actor actor = Actors.required();
        StaffProfile profile = profiles.get(userId, actor);
        model.addAttribute("profile", profile);
        model.addAttribute("certificates", certificates.of(userId, actor));
        model.addAttribute("shifts", shifts.of(userId, null, null, actor));
        model.addAttribute("team", profile.teamId() == null ? null
                : profiles.directory().team(profile.teamId()).orElse(null));
        model.addAttribute("manages", StaffProfiles.manages(actor)
                && units.scopeOf(actor).includes(profile.unitId()));
        model.addAttribute("kindNames", kindNames());
        model.addAttribute("kinds", certificates.kinds().stream().filter(CertificateKind::enabled).toList());
        model.addAttribute("shiftCodes", shifts.codes());
        model.addAttribute("english", english());
        model.addAttribute("skillKeys", profile.skills().stream().map(StaffConsoleController::skillKey).toList());
        addChoices(model, actor);
        return "staff/profile";
    }

    @PostMapping("/{userId:\\d+}")
    @PreAuthorize(StaffApiController.MANAGERS)
    String change(@PathVariable long userId, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String position, @RequestParam(required = false) String teamCode,
                  @RequestParam(required = false) String hireDate, @RequestParam(required = false) String languages,
                  @RequestParam(required = false) List<String> voltageLevels,
                  @RequestParam(required = false) List<String> skills, RedirectAttributes redirect) {
        return act(userId, redirect, () -> profiles.change(userId, new StaffProfileChanges(version,
                parse(position), teamCode == null ? "" : teamCode, date("hireDate", hireDate),
                hireDate == null || hireDate.isBlank(), splitLanguages(languages),
                voltageLevels == null ? List.of() : voltageLevels, parseSkills(skills)), Actors.required()));
    }

    @PostMapping("/{userId:\\d+}/certificates")
    @PreAuthorize(StaffApiController.MANAGERS)
    String addCertificate(@PathVariable long userId, @RequestParam(required = false) String kindCode,
                          @RequestParam(required = false) String number, @RequestParam(required = false) String issuer,
                          @RequestParam(required = false) String issuedOn,
                          @RequestParam(required = false) String expiresOn,
                          @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(userId, redirect, () -> {
            Actor actor = Actors.required();
            requireText("kindCode", kindCode);
            requireText("number", number);
            requireText("issuer", issuer);
            Certificate added = certificates.add(userId, new NewCertificate(kindCode, number, issuer,
                    required("issuedOn", date("issuedOn", issuedOn)), date("expiresOn", expiresOn)), actor);
            if (file != null && !file.isEmpty()) {
                certificates.attachScan(userId, added.id(), file.getOriginalFilename(), bytes(file), actor);
            }
            return added;
        });
    }

    @PostMapping("/{userId:\\d+}/certificates/{id:\\d+}/renew")
    @PreAuthorize(StaffApiController.MANAGERS)
    String renew(@PathVariable long userId, @PathVariable long id, @RequestParam(required = false) Integer version,
                 @RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
                 @RequestParam(required = false) String expiresOn, RedirectAttributes redirect) {
        return act(userId, redirect, () -> certificates.change(userId, id, new CertificateChanges(version,
                blank(number), null, date("issuedOn", issuedOn), required("expiresOn", date("expiresOn", expiresOn)),
                null), Actors.required()));
    }

    @PostMapping("/{userId:\\d+}/certificates/{id:\\d+}/scan")
    @PreAuthorize(StaffApiController.MANAGERS)
    String scan(@PathVariable long userId, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                RedirectAttributes redirect) {
        return act(userId, redirect, () -> certificates.attachScan(userId, id,
                file == null ? null : file.getOriginalFilename(), file == null ? null : bytes(file),
                Actors.required()));
    }

    @PostMapping("/{userId:\\d+}/certificates/{id:\\d+}/delete")
    @PreAuthorize(StaffApiController.MANAGERS)
    String deleteCertificate(@PathVariable long userId, @PathVariable long id,
                             @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return act(userId, redirect, () -> {
            certificates.delete(userId, id, version, Actors.required());
            return null;
        });
    }

    @PostMapping("/{userId:\\d+}/shifts")
    @PreAuthorize(StaffApiController.MANAGERS)
    String addShift(@PathVariable long userId, @RequestParam(required = false) String date,
                    @RequestParam(required = false) String shiftCode, @RequestParam(required = false) String note,
                    RedirectAttributes redirect) {
        return act(userId, redirect, () -> shifts.add(userId, new NewShift(required("date", date("date", date)),
                requireText("shiftCode", shiftCode), null, null, note), Actors.required()));
    }

    @PostMapping("/{userId:\\d+}/shifts/{id:\\d+}/delete")
    @PreAuthorize(StaffApiController.MANAGERS)
    String deleteShift(@PathVariable long userId, @PathVariable long id, RedirectAttributes redirect) {
        return act(userId, redirect, () -> {
            shifts.delete(userId, id, Actors.required());
            return null;
        });
    }

    private String act(long userId, RedirectAttributes redirect, Supplier<Object> change) {
        try {
            change.get();
            redirect.addFlashAttribute("notice", "staff.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "staff.field", locale()));
        }
        redirect.addAttribute("id", userId);
        return "redirect:/staff/{id}";
    }

    // ---- org chart and teams

    @GetMapping("/teams")
    String orgChart(Model model) {
        Actor actor = Actors.required();
        List<Team> teams = profiles.teams(actor);
        Map<Long, List<Team>> byUnit = new LinkedHashMap<>();
        teams.forEach(t -> byUnit.computeIfAbsent(t.unitId(), k -> new ArrayList<>()).add(t));
        Map<Long, List<TeamMember>> members = new LinkedHashMap<>();
        teams.forEach(t -> members.put(t.id(), profiles.teamMembers(t.id(), actor)));
        List<OrgUnit> visible = units.visibleTo(actor).stream().filter(u -> byUnit.containsKey(u.id().value()))
                .toList();
        model.addAttribute("units", visible);
        model.addAttribute("teamsByUnit", byUnit);
        model.addAttribute("members", members);
        model.addAttribute("manages", StaffProfiles.manages(actor));
        model.addAttribute("allUnits", units.visibleTo(actor));
        return "staff/teams";
    }

    @PostMapping("/teams")
    @PreAuthorize(StaffApiController.MANAGERS)
    String createTeam(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String unitCode,
                      @RequestParam(required = false) String leaderUsername,
                      @RequestParam(required = false) String duties, RedirectAttributes redirect) {
        try {
            requireText("code", code);
            requireText("name", name);
            requireText("unitCode", unitCode);
            if (!code.trim().matches("[A-Za-z0-9_.-]{1,32}")) {
                throw InvalidInputException.of("code", "validation.staff.teamCode");
            }
            profiles.createTeam(new NewTeam(code.trim(), name, unitCode, leaderUsername, duties), Actors.required());
            redirect.addFlashAttribute("notice", "staff.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "staff.field", locale()));
        }
        return "redirect:/staff/teams";
    }

    @PostMapping("/teams/{id:\\d+}")
    @PreAuthorize(StaffApiController.MANAGERS)
    String changeTeam(@PathVariable long id, @RequestParam(required = false) Integer version,
                      @RequestParam(required = false) String name,
                      @RequestParam(required = false) String leaderUsername,
                      @RequestParam(required = false) String duties, RedirectAttributes redirect) {
        try {
            profiles.changeTeam(id, new TeamChanges(version, name, leaderUsername == null ? "" : leaderUsername,
                    duties == null ? "" : duties, null), Actors.required());
            redirect.addFlashAttribute("notice", "staff.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("actionError", FormErrors.describe(e, messages, "staff.field", locale()));
        }
        return "redirect:/staff/teams";
    }

    // ---- expiring certificates, notices

    @GetMapping("/certificates/expiring")
    @PreAuthorize(StaffApiController.MANAGERS)
    String expiring(@RequestParam(required = false) Integer days, Model model) {
        int within = days == null ? certificates.leadDays() : Math.max(0, Math.min(366, days));
        model.addAttribute("days", within);
        model.addAttribute("expiring", certificates.expiring(within, Actors.required()));
        return "staff/expiring";
    }

    @PostMapping("/notices/read")
    String markNoticesRead(RedirectAttributes redirect) {
        certificates.markNoticesRead(Actors.required());
        return "redirect:/";
    }

    // ---- dispatch suggestions (an htmx fragment on the order page and the board)

    @GetMapping("/suggestions")
    @PreAuthorize(CertificateApiController.DISPATCHERS)
    String suggestions(@RequestParam String order, Model model) {
        model.addAttribute("suggestion", suggestions.forOrder(order, Actors.required()));
        return "staff/fragments :: suggestions";
    }

    // ---- helpers

    private void addChoices(Model model, Actor actor) {
        model.addAttribute("positions", Position.values());
        model.addAttribute("teams", profiles.teams(actor).stream().filter(Team::enabled).toList());
        model.addAttribute("voltageLevels", profiles.voltageLevelNames(locale()));
        model.addAttribute("skillChoices", skillChoices());
    }

    /** "TYPE" for a whole type, "TYPE:CATEGORY" for a category; labels in the locale. */
    private Map<String, String> skillChoices() {
        boolean english = english();
        Map<String, String> choices = new LinkedHashMap<>();
        List<Category> categories = workOrders.categories();
        for (WorkOrderType type : WorkOrderType.values()) {
            choices.put(type.name(), messages.getMessage("workOrder.type." + type.name(), null, type.name(), locale()));
            for (Category c : categories) {
                if (c.type() == type && c.parentCode() != null && c.enabled()) {
                    choices.put(type.name() + ":" + c.code(), "— " + (english ? c.nameEn() : c.name()));
                }
            }
        }
        return choices;
    }

    static String skillKey(StaffProfile.Skill skill) {
        return skill.categoryCode() == null ? skill.type().name() : skill.type().name() + ":" + skill.categoryCode();
    }

    private static List<StaffProfile.Skill> parseSkills(List<String> keys) {
        if (keys == null) {
            return List.of();
        }
        List<StaffProfile.Skill> skills = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split(":", 2);
            WorkOrderType type = Arrays.stream(WorkOrderType.values()).filter(t -> t.name().equals(parts[0]))
                    .findFirst().orElseThrow(() -> InvalidInputException.of("skills", "validation.staff.skillType"));
            skills.add(new StaffProfile.Skill(type, parts.length > 1 ? parts[1] : null));
        }
        return skills;
    }

    private static List<String> splitLanguages(String languages) {
        if (languages == null || languages.isBlank()) {
            return List.of();
        }
        return Arrays.stream(languages.split("[,，、;；]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Position parse(String position) {
        if (position == null || position.isBlank()) {
            return null;
        }
        return Arrays.stream(Position.values()).filter(p -> p.name().equals(position)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("position", "validation.staff.position"));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of(field, "validation.staff.date");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw InvalidInputException.of(field, "validation.staff.required");
        }
        return value;
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "validation.staff.required");
        }
        return value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw InvalidInputException.of("file", "validation.staff.fileEmpty");
        }
    }

    private Map<String, String> kindNames() {
        Map<String, String> names = new LinkedHashMap<>();
        certificates.kinds().forEach(k -> names.put(k.code(), english() ? k.nameEn() : k.name()));
        return names;
    }

    private static boolean english() {
        return "en".equals(locale().getLanguage());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
