package org.gridcare.identity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN first, English too. The API follows {@code Accept-Language}; the console remembers the
 * choice in a cookie, which sign-in sets from the user's saved preference.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        return new GridCareLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Anonymous pages (sign-in) switch with ?lang=; signed-in users switch with a POST that is saved.
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/login");
    }

    static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        Locale requested = Locale.forLanguageTag(tag.replace('_', '-'));
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst().orElse(null);
    }

    static final class GridCareLocaleResolver implements LocaleResolver {

        private final AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();
        private final CookieLocaleResolver cookie = new CookieLocaleResolver(SecurityConfiguration.LANGUAGE_COOKIE);

        GridCareLocaleResolver() {
            header.setSupportedLocales(SUPPORTED);
            header.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
            cookie.setCookieMaxAge(Duration.ofDays(365));
            cookie.setCookieHttpOnly(true);
            cookie.setDefaultLocaleFunction(header::resolveLocale);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return header.resolveLocale(request);
            }
            Locale locale = cookie.resolveLocale(request);
            Locale supported = supported(locale.toLanguageTag());
            return supported != null ? supported : Locale.SIMPLIFIED_CHINESE;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            cookie.setLocale(request, response, locale);
        }
    }
}
