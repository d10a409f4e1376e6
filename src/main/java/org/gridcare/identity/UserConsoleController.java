package org.gridcare.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.PageQuery;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff accounts in the console: find, create, change, reset a password, lift a lockout. */
@ConsoleController
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class UserConsoleController {

    static final int PAGE_SIZE = 20;
    private static final String VIEW_FORM = "users/form";
    private static final String VIEW_EDIT = "users/edit";

    private final Users users;
    private final OrgUnits units;

    UserConsoleController(Users users, OrgUnits units) {
        this.users = users;
        this.units = units;
    }

    @GetMapping
    String list(@ModelAttribute("search") UserSearch search, BindingResult binding,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
                Model model, HttpServletResponse response) {
        Actor actor = Actors.required();
        int page = search.getPage() == null || search.getPage() < 0 ? 0 : search.getPage();
        model.addAttribute("result", users.find(search.getText(), search.getRole(), search.getEnabled(),
                PageQuery.of(page, PAGE_SIZE, "username", Users.SORTS), actor));
        model.addAttribute("roles", Role.values());
        response.addHeader("Vary", "HX-Request");
        // search-as-you-type asks for the results only; a history restore needs the whole page
        return htmx != null && historyRestore == null ? "users/list :: results" : "users/list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("user", new UserForm());
        return showCreationForm(model);
    }

    @PostMapping("/new")
    String processCreationForm(@Valid @ModelAttribute("user") UserForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showCreationForm(model);
        }
        try {
            UserView created = users.create(new NewUser(form.getUsername().trim(), form.getDisplayName(),
                    form.getPassword(), form.getRoles(), form.getUnitCode(), form.isEnabled()), Actors.required());
            redirect.addAttribute("username", created.username());
            redirect.addFlashAttribute("notice", "users.notice.created");
            redirect.addFlashAttribute("noticeArg", created.username());
            return "redirect:/admin/users/{username}";
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showCreationForm(model);
        }
    }

    @GetMapping("/{username}")
    String initUpdateForm(@PathVariable String username, Model model) {
        UserView account = users.get(username, Actors.required());
        model.addAttribute("user", EditForm.of(account));
        model.addAttribute("passwordReset", new PasswordResetForm());
        return showEditPage(account, model);
    }

    @PostMapping("/{username}")
    String processUpdateForm(@PathVariable String username, @Valid @ModelAttribute("user") EditForm form,
                             BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        UserView account = users.get(username, actor);
        model.addAttribute("passwordReset", new PasswordResetForm());
        if (result.hasErrors()) {
            return showEditPage(account, model);
        }
        try {
            users.change(username, new UserChanges(form.getDisplayName(), null, form.getRoles(), form.getUnitCode(),
                    form.isEnabled(), form.getVersion()), actor);
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showEditPage(account, model);
        }
        return savedAndBack(username, "users.notice.saved", redirect);
    }

    @PostMapping("/{username}/password")
    String processPasswordResetForm(@PathVariable String username,
                                    @Valid @ModelAttribute("passwordReset") PasswordResetForm form,
                                    BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actors.required();
        UserView account = users.get(username, actor);
        model.addAttribute("user", EditForm.of(account));
        if (!result.hasFieldErrors("confirmPassword") && form.getPassword() != null
                && !form.getPassword().equals(form.getConfirmPassword())) {
            result.rejectValue("confirmPassword", "validation.password.mismatch");
        }
        if (result.hasErrors()) {
            return showEditPage(account, model);
        }
        try {
            users.change(username, new UserChanges(null, form.getPassword(), null, null, null, null), actor);
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showEditPage(account, model);
        }
        return savedAndBack(username, "users.notice.passwordReset", redirect);
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        users.unlock(username, Actors.required());
        return savedAndBack(username, "users.notice.unlocked", redirect);
    }

    private String showCreationForm(Model model) {
        Actor actor = Actors.required();
        model.addAttribute("roles", grantableRoles(actor));
        model.addAttribute("units", choosableUnits(actor, null));
        return VIEW_FORM;
    }

    private String showEditPage(UserView account, Model model) {
        Actor actor = Actors.required();
        model.addAttribute("account", account);
        model.addAttribute("roles", grantableRoles(actor));
        model.addAttribute("units", choosableUnits(actor, account.unitCode()));
        model.addAttribute("self", account.username().equalsIgnoreCase(actor.username()));
        return VIEW_EDIT;
    }

    private static String savedAndBack(String username, String notice, RedirectAttributes redirect) {
        redirect.addAttribute("username", username);
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeArg", username);
        return "redirect:/admin/users/{username}";
    }

    /** Managers may hand out every role but ADMIN. */
    private static List<Role> grantableRoles(Actor actor) {
        return Arrays.stream(Role.values()).filter(role -> role != Role.ADMIN || actor.isAdmin()).toList();
    }

    /** Enabled units in the actor's scope, in tree order; a user's current unit stays choosable. */
    private List<OrgUnit> choosableUnits(Actor actor, String currentCode) {
        return units.visibleTo(actor).stream()
                .filter(unit -> unit.enabled() || unit.code().equals(currentCode)).toList();
    }

    /** The filters of the user list; bound leniently so that a bad value becomes a field error. */
    static class UserSearch {

        private String text;
        private Role role;
        private Boolean enabled;
        private Integer page;

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public Integer getPage() {
            return page;
        }

        public void setPage(Integer page) {
            this.page = page;
        }
    }

    /** A new account as typed into the form. */
    static class UserForm {

        @NotBlank
        @Pattern(regexp = "\\s*[A-Za-z0-9._-]{3,50}\\s*")
        private String username;
        @NotBlank
        @Size(max = 100)
        private String displayName;
        @NotBlank
        private String password;
        @NotEmpty
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        @NotBlank
        private String unitCode;
        private boolean enabled = true;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        }

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Changes to an account; {@code version} guards against overwriting someone else's change. */
    static class EditForm {

        @NotBlank
        @Size(max = 100)
        private String displayName;
        @NotEmpty
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        @NotBlank
        private String unitCode;
        private boolean enabled;
        private Integer version;

        static EditForm of(UserView account) {
            EditForm form = new EditForm();
            form.displayName = account.displayName();
            form.roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
            form.unitCode = account.unitCode();
            form.enabled = account.enabled();
            form.version = account.version();
            return form;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        }

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }

    /** An administrator's reset of someone's password, typed twice. */
    static class PasswordResetForm {

        @NotBlank
        private String password;
        @NotBlank
        private String confirmPassword;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getConfirmPassword() {
            return confirmPassword;
        }

        public void setConfirmPassword(String confirmPassword) {
            this.confirmPassword = confirmPassword;
        }
    }
}
