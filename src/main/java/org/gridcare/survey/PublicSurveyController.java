package org.gridcare.survey;

import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.shared.ConflictException;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.web.ConsoleController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's self-rating page, reached without signing in (the console's security chain permits
 * {@code /s/*}; the form still carries a CSRF token). Every outcome is a page of its own: a forged, unknown,
 * used or expired link never produces an error page, and a forged link says no more than "not valid".
 */
@ConsoleController
class PublicSurveyController {

    private final Surveys surveys;

    PublicSurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/s/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(surveys.open(token), token, null, null, null, model, response);
    }

    @PostMapping("/s/{token}")
    String submit(@PathVariable String token, @RequestParam(required = false) String score,
                  @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        Integer value = null;
        if (score != null && score.matches("[1-5]")) {
            value = Integer.parseInt(score);
        }
        try {
            return show(surveys.submit(token, value, comment), token, null, null, true, model, response);
        } catch (InvalidInputException e) {
            var violation = e.violations().get(0);
            return show(surveys.open(token), token, violation.field(), violation, null, model, response);
        } catch (ConflictException e) {
            // the link was used, expired or closed meanwhile: show that page
            return show(surveys.open(token), token, null, null, null, model, response);
        }
    }

    private static String show(Surveys.SurveyPage page, String token, String errorField,
                               InvalidInputException.Violation error, Boolean thanks, Model model,
                               HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (page.state() == LinkState.INVALID) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (page.state() != LinkState.OPEN && thanks == null) {
            response.setStatus(HttpServletResponse.SC_GONE);
        }
        model.addAttribute("survey", page);
        model.addAttribute("token", token);
        model.addAttribute("thanks", Boolean.TRUE.equals(thanks));
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
        return "survey/public";
    }
}
