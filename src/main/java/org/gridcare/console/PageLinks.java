package org.gridcare.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to another page of the list being shown, keeping its filters: {@code ${@pages.link(3)}}.
 * Built from the current request, so an htmx partial links to the full page with the same filters.
 */
@Component("pages")
public class PageLinks {

    public String link(int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return UriComponentsBuilder.fromPath(path).query(request.getQueryString())
                .replaceQueryParam("page", page)
                .build().toUriString();
    }
}
