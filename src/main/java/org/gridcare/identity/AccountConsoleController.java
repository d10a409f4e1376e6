package org.gridcare.identity;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.DomainException;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.FormErrors;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password, console language and personal API tokens. */
@ConsoleController
@RequestMapping("/account")
class AccountConsoleController {

    private final Users users;
    private final ApiTokens tokens;
    private final LocaleResolver localeResolver;
    private final IdentityProperties properties;

    AccountConsoleController(Users users, ApiTokens tokens, LocaleResolver localeResolver,
                             IdentityProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.localeResolver = localeResolver;
        this.properties = properties;
    }

    @GetMapping
    String initPasswordForm(Model model) {
        model.addAttribute("passwordChange", new PasswordChangeForm());
        return showAccountPage(model);
    }

    @PostMapping("/password")
    String processPasswordForm(@Valid @ModelAttribute("passwordChange") PasswordChangeForm form,
                               BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("confirmPassword") && form.getNewPassword() != null
                && !form.getNewPassword().equals(form.getConfirmPassword())) {
            result.rejectValue("confirmPassword", "validation.password.mismatch");
        }
        if (result.hasErrors()) {
            return showAccountPage(model);
        }
        try {
            users.changeOwnPassword(Actors.required(), form.getCurrentPassword(), form.getNewPassword());
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showAccountPage(model);
        }
        redirect.addFlashAttribute("notice", "account.notice.passwordChanged");
        return "redirect:/account";
    }

    /** Saves the language with the account and switches the console to it at once. */
    @PostMapping("/language")
    String changeLanguage(@RequestParam(required = false) String lang, @RequestParam(required = false) String returnTo,
                          HttpServletRequest request, HttpServletResponse response) {
        Locale locale = LocaleConfiguration.supported(lang);
        if (locale != null) {
            users.changeLocale(Actors.required(), locale.toLanguageTag());
            localeResolver.setLocale(request, response, locale);
        }
        return "redirect:" + localPath(returnTo);
    }

    @GetMapping("/tokens")
    String initTokenForm(Model model) {
        model.addAttribute("newToken", new TokenForm(properties.tokens().defaultValidity().toDays()));
        return showTokensPage(model);
    }

    @PostMapping("/tokens")
    String processTokenForm(@Valid @ModelAttribute("newToken") TokenForm form, BindingResult result, Model model,
                            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showTokensPage(model);
        }
        try {
            IssuedToken issued = tokens.create(Actors.required(), form.getName(), form.getValidDays());
            // shown once, on the page the redirect leads to, and never again
            redirect.addFlashAttribute("issuedSecret", issued.secret());
            redirect.addFlashAttribute("issuedName", issued.token().name());
            return "redirect:/account/tokens";
        } catch (DomainException e) {
            FormErrors.reject(result, e);
            return showTokensPage(model);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(Actors.required(), id);
        redirect.addFlashAttribute("notice", "tokens.notice.revoked");
        return "redirect:/account/tokens";
    }

    private String showAccountPage(Model model) {
        Actor actor = Actors.required();
        model.addAttribute("account", users.me(actor));
        model.addAttribute("passwordMinLength", users.passwordMinLength());
        return "account/account";
    }

    private String showTokensPage(Model model) {
        model.addAttribute("tokens", tokens.list(Actors.required()));
        model.addAttribute("maxValidityDays", properties.tokens().maxValidity().toDays());
        return "account/tokens";
    }

    /** Only a path on this site: anything else (another host, a scheme) returns home. */
    static String localPath(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")
                || returnTo.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/";
        }
        return returnTo;
    }

    /** A user's own password change, the new one typed twice. */
    static class PasswordChangeForm {

        @NotBlank
        private String currentPassword;
        @NotBlank
        private String newPassword;
        @NotBlank
        private String confirmPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getConfirmPassword() {
            return confirmPassword;
        }

        public void setConfirmPassword(String confirmPassword) {
            this.confirmPassword = confirmPassword;
        }
    }

    /** A new personal API token. */
    static class TokenForm {

        @NotBlank
        @Size(max = 100)
        private String name;
        @NotNull
        private Integer validDays;

        TokenForm() {
        }

        TokenForm(long validDays) {
            this.validDays = (int) validDays;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getValidDays() {
            return validDays;
        }

        public void setValidDays(Integer validDays) {
            this.validDays = validDays;
        }
    }
}
