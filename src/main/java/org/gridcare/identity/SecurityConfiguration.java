package org.gridcare.identity;

import jakarta.servlet.http.Cookie;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three filter chains: the API (HTTP Basic or bearer token, stateless, problem-detail errors), the
 * operations endpoints (health open, the rest for administrators) and the console (form sign-in,
 * session, CSRF). Which role may call what is declared on the controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LANGUAGE_COOKIE = "GRIDCARE_LANG";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /**
     * No observation (trace span and timer) per security filter, authentication and authorisation: on every API call
     * that is a dozen observations around the one that matters, which the web layer records anyway
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, AccountDetailsService accounts,
                                 TokenPrincipals principals,
                                 ProblemResponses problems, AuthenticationEventPublisher events) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(bearerFilter(tokens, accounts, principals, problems, events), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsChain(HttpSecurity http, ApiTokens tokens, AccountDetailsService accounts,
                                        TokenPrincipals principals,
                                        ProblemResponses problems, AuthenticationEventPublisher events)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(bearerFilter(tokens, accounts, principals, problems, events), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        var signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico").permitAll()
                        // the customer's self-rating page: the signed token is the credential (CSRF stays on)
                        .requestMatchers("/s/*").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            if (authentication.getPrincipal() instanceof AccountDetails account
                                    && account.locale() != null) {
                                Cookie cookie = new Cookie(LANGUAGE_COOKIE, account.locale());
                                cookie.setPath("/");
                                cookie.setHttpOnly(true);
                                cookie.setMaxAge(365 * 24 * 3600);
                                cookie.setAttribute("SameSite", "Lax");
                                response.addCookie(cookie);
                            }
                            signedIn.onAuthenticationSuccess(request, response, authentication);
                        })
                        .permitAll())
                .logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/logout"))
                        .logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.maximumSessions(-1));
        headers(http);
        return http.build();
    }

    /**
     * A token's failures are published (they are audited); its successes come with every API call and nobody
     * listens to them (a token proves nothing about a password, see {@link SignInAttempts}).
     */
    private static AuthenticationEventPublisher failuresOnly(AuthenticationEventPublisher events) {
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
                // nothing to tell
            }

            @Override
            public void publishAuthenticationFailure(AuthenticationException exception,
                                                     Authentication authentication) {
                events.publishAuthenticationFailure(exception, authentication);
            }
        };
    }

    private static AuthenticationFilter bearerFilter(ApiTokens tokens, AccountDetailsService accounts,
                                                     TokenPrincipals principals, ProblemResponses problems,
                                                     AuthenticationEventPublisher events) {
        var manager = new ProviderManager(new BearerTokenAuthentication.Provider(tokens, accounts, principals));
        manager.setAuthenticationEventPublisher(failuresOnly(events));
        var filter = new AuthenticationFilter(manager, new BearerTokenAuthentication.Converter());
        filter.setSuccessHandler((request, response, authentication) -> {
            // carry on with the request
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        return filter;
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()")));
    }
}
