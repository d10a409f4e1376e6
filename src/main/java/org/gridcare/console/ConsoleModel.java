package org.gridcare.console;

import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.ConsoleController;
import org.gridcare.shared.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's layout needs: the signed-in user ({@code me}), the page's own address
 * ({@code currentPath}, where the language switch returns to) and the request id for error pages. Only for the
 * console's controllers and the error pages: the REST API's calls (most of the traffic) skip it.
 */
@ControllerAdvice(annotations = ConsoleController.class, assignableTypes = ErrorController.class)
class ConsoleModel {

    private static final Logger log = LoggerFactory.getLogger(ConsoleModel.class);

    private final ObjectProvider<UnitNames> unitNames;

    ConsoleModel(ObjectProvider<UnitNames> unitNames) {
        this.unitNames = unitNames;
    }

    @ModelAttribute("me")
    SignedInUser me(HttpServletRequest request) {
        if (isApi(request) || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            // error pages stand alone: they must render even when the database is what failed
            return null;
        }
        return Actors.current().map(this::signedIn).orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        if (isApi(request)) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    @ModelAttribute("requestId")
    String requestId(HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            return null;
        }
        String current = RequestIds.current();
        return current != null ? current : response.getHeader("X-Request-Id");
    }

    private SignedInUser signedIn(Actor actor) {
        return new SignedInUser(actor.username(), actor.displayName(), unitName(actor.unitId()),
                actor.roleNames().stream().sorted(ConsoleModel::byRank).toList());
    }

    private String unitName(long unitId) {
        try {
            return unitNames.stream().map(names -> names.nameOf(unitId)).flatMap(Optional::stream)
                    .findFirst().orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not look up the name of unit {}", unitId, e);
            return null;
        }
    }

    /** The powerful roles first, the way staff name them. */
    private static int byRank(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String role) {
        return switch (role) {
            case "ADMIN" -> 0;
            case "MANAGER" -> 1;
            case "SUPERVISOR" -> 2;
            default -> 3;
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
