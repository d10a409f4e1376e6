package org.gridcare.identity;

import jakarta.servlet.http.HttpSession;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security's form login takes the POST. */
@ConsoleController
class SignInConsoleController {

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                  HttpSession session, CsrfToken csrf, Model model) {
        if (Actors.current().isPresent()) {
            return "redirect:/";
        }
        // the token is saved in the session now, before the page starts streaming out
        csrf.getToken();
        if (error != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("signInError", failure instanceof LockedException ? "login.error.locked"
                    : failure instanceof DisabledException ? "login.error.disabled" : "login.error.badCredentials");
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        model.addAttribute("signedOut", logout != null);
        return "login";
    }
}
