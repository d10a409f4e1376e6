package org.gridcare;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import java.util.Map;
import java.util.Optional;

import org.gridcare.console.HomeWidget;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A full GridCare on the shared test database with MockMvc, a movable clock and a real HTTP port
 * (for the browser tests: inject {@code @LocalServerPort}). Every test class that uses it, browser tests
 * included, shares one Spring context — don't add per-class beans or properties, that forks a context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GridCareTest.Clocks.class)
public @interface GridCareTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        Fixtures fixtures(org.gridcare.organisation.OrgUnits units, org.gridcare.identity.Users users) {
            return new Fixtures(units, users);
        }

        /** A sample card on the administrator's home page, so the browser test sees the widget area render. */
        @Bean
        HomeWidget browserTestWidget() {
            return actor -> actor.isAdmin()
                    ? Optional.of(new HomeWidget.Card("home.widgets", "browser-test/widget", "sample",
                            Map.of("count", 42, "label", "待办测试")))
                    : Optional.empty();
        }
    }
}
