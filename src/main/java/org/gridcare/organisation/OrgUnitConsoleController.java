package org.gridcare.organisation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation tree in the console: browse it, add units, rename, re-type, move, disable. */
@ConsoleController
@RequestMapping("/admin/org-units")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class OrgUnitConsoleController {

    private static final String VIEW_EDIT = "org-units/edit";

    private final OrgUnits units;

    OrgUnitConsoleController(OrgUnits units) {
        this.units = units;
    }

    @GetMapping
    String tree(Model model) {
        model.addAttribute("units", units.visibleTo(Actors.required()));
        return "org-units/tree";
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam(required = false) String parentCode, Model model) {
        UnitForm form = new UnitForm();
        form.setParentCode(parentCode);
        if (parentCode != null) {
            units.findByCode(parentCode).ifPresent(parent -> form.setKind(childKindOf(parent.kind())));
        }
        model.addAttribute("unit", form);
        return showCreationForm(model);
    }

    @PostMapping("/new")
    String processCreationForm(@Valid @ModelAttribute("unit") UnitForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showCreationForm(model);
        }
        try {
            OrgUnit created = units.create(new NewOrgUnit(form.getCode().trim(), form.getName(), form.getKind(),
                    blankToNull(form.getParentCode()), form.getAreaType()), Actors.required());
            redirect.addFlashAttribute("notice", "orgUnits.notice.created");
            redirect.addFlashAttribute("noticeArg", created.name());
            return "redirect:/admin/org-units";
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showCreationForm(model);
        }
    }

    @GetMapping("/{code}")
    String initUpdateForm(@PathVariable String code, Model model) {
        OrgUnit unit = units.get(code, units.scopeOf(Actors.required()));
        model.addAttribute("changes", ChangeForm.of(unit));
        model.addAttribute("move", MoveForm.of(unit));
        model.addAttribute("status", StatusForm.of(unit));
        return showEditPage(unit, model);
    }

    @PostMapping("/{code}")
    String processUpdateForm(@PathVariable String code, @Valid @ModelAttribute("changes") ChangeForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        OrgUnit unit = units.get(code, units.scopeOf(actor));
        model.addAttribute("move", MoveForm.of(unit));
        model.addAttribute("status", StatusForm.of(unit));
        if (result.hasErrors()) {
            return showEditPage(unit, model);
        }
        try {
            units.change(code, new OrgUnitChanges(form.getName(), form.getKind(), form.getAreaType(), null, null,
                    form.getVersion()), actor);
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showEditPage(unit, model);
        }
        return savedAndBack(unit, "orgUnits.notice.saved", redirect);
    }

    @PostMapping("/{code}/move")
    String processMoveForm(@PathVariable String code, @Valid @ModelAttribute("move") MoveForm form,
                           BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        OrgUnit unit = units.get(code, units.scopeOf(actor));
        model.addAttribute("changes", ChangeForm.of(unit));
        model.addAttribute("status", StatusForm.of(unit));
        if (result.hasErrors()) {
            return showEditPage(unit, model);
        }
        try {
            units.change(code, new OrgUnitChanges(null, null, null, form.getParentCode(), null, form.getVersion()),
                    actor);
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showEditPage(unit, model);
        }
        return savedAndBack(unit, "orgUnits.notice.moved", redirect);
    }

    @PostMapping("/{code}/enabled")
    String processStatusForm(@PathVariable String code, @Valid @ModelAttribute("status") StatusForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        OrgUnit unit = units.get(code, units.scopeOf(actor));
        model.addAttribute("changes", ChangeForm.of(unit));
        model.addAttribute("move", MoveForm.of(unit));
        if (result.hasErrors()) {
            return showEditPage(unit, model);
        }
        try {
            units.change(code, new OrgUnitChanges(null, null, null, null, form.getEnabled(), form.getVersion()),
                    actor);
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showEditPage(unit, model);
        }
        return savedAndBack(unit, form.getEnabled() ? "orgUnits.notice.enabled" : "orgUnits.notice.disabled", redirect);
    }

    private String showCreationForm(Model model) {
        Actor actor = Actors.required();
        model.addAttribute("parents", units.visibleTo(actor).stream().filter(OrgUnit::enabled).toList());
        model.addAttribute("rootAllowed", actor.isAdmin());
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("areaTypes", AreaType.values());
        return "org-units/form";
    }

    private String showEditPage(OrgUnit unit, Model model) {
        List<OrgUnit> visible = units.visibleTo(Actors.required());
        model.addAttribute("orgUnit", unit);
        model.addAttribute("children", visible.stream().filter(u -> unit.id().equals(u.parentId())).toList());
        // a unit cannot move under itself or under one of its own descendants
        model.addAttribute("parents", visible.stream().filter(OrgUnit::enabled)
                .filter(u -> !u.isWithin(unit)).toList());
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("areaTypes", AreaType.values());
        return VIEW_EDIT;
    }

    private static String savedAndBack(OrgUnit unit, String notice, RedirectAttributes redirect) {
        redirect.addAttribute("code", unit.code());
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", unit.name());
        return "redirect:/admin/org-units/{code}";
    }

    /** The kind a new child most likely has: the next level down. */
    private static OrgUnitKind childKindOf(OrgUnitKind parent) {
        for (OrgUnitKind kind : OrgUnitKind.values()) {
            if (parent.mayContain(kind)) {
                return kind;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A new unit as typed into the form; an empty area type inherits the parent's. */
    static class UnitForm {

        @NotBlank
        @Pattern(regexp = "\\s*[A-Za-z0-9_-]{1,32}\\s*")
        private String code;
        @NotBlank
        @Size(max = 100)
        private String name;
        @NotNull
        private OrgUnitKind kind;
        private AreaType areaType;
        @Size(max = 32)
        private String parentCode;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public OrgUnitKind getKind() {
            return kind;
        }

        public void setKind(OrgUnitKind kind) {
            this.kind = kind;
        }

        public AreaType getAreaType() {
            return areaType;
        }

        public void setAreaType(AreaType areaType) {
            this.areaType = areaType;
        }

        public String getParentCode() {
            return parentCode;
        }

        public void setParentCode(String parentCode) {
            this.parentCode = parentCode;
        }
    }

    /** Name, kind and area type of an existing unit. */
    static class ChangeForm {

        @NotBlank
        @Size(max = 100)
        private String name;
        @NotNull
        private OrgUnitKind kind;
        @NotNull
        private AreaType areaType;
        private Integer version;

        static ChangeForm of(OrgUnit unit) {
            ChangeForm form = new ChangeForm();
            form.name = unit.name();
            form.kind = unit.kind();
            form.areaType = unit.areaType();
            form.version = unit.version();
            return form;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public OrgUnitKind getKind() {
            return kind;
        }

        public void setKind(OrgUnitKind kind) {
            this.kind = kind;
        }

        public AreaType getAreaType() {
            return areaType;
        }

        public void setAreaType(AreaType areaType) {
            this.areaType = areaType;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }

    /** A new parent for a unit and its whole subtree. */
    static class MoveForm {

        @NotBlank
        private String parentCode;
        private Integer version;

        static MoveForm of(OrgUnit unit) {
            MoveForm form = new MoveForm();
            form.parentCode = unit.parentCode();
            form.version = unit.version();
            return form;
        }

        public String getParentCode() {
            return parentCode;
        }

        public void setParentCode(String parentCode) {
            this.parentCode = parentCode;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }

    /** Switches a unit on or off. */
    static class StatusForm {

        @NotNull
        private Boolean enabled;
        private Integer version;

        static StatusForm of(OrgUnit unit) {
            StatusForm form = new StatusForm();
            form.enabled = !unit.enabled();
            form.version = unit.version();
            return form;
        }

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }
}
