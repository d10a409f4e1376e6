package org.gridcare.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridcare.shared.security.Actor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page's widgets: in order, only those meant for the user, and a broken one left out. */
class ConsoleHomeTests {

    private final Actor agent = new Actor() {
        @Override
        public long userId() {
            return 1;
        }

        @Override
        public String username() {
            return "agent";
        }

        @Override
        public String displayName() {
            return "坐席";
        }

        @Override
        public long unitId() {
            return 1;
        }

        @Override
        public Set<String> roleNames() {
            return Set.of("AGENT");
        }
    };

    @Test
    void widgetsAppearInTheirOrderAndOnlyForTheirAudience() {
        HomeConsoleController home = new HomeConsoleController(List.of(
                widget(20, "second", actor -> true),
                widget(10, "first", actor -> true),
                widget(5, "adminsOnly", Actor::isAdmin)));

        assertThat(home.cardsFor(agent)).extracting(HomeWidget.Card::titleCode).containsExactly("first", "second");
    }

    @Test
    void aBrokenWidgetIsLeftOutInsteadOfBreakingTheHomePage() {
        HomeWidget broken = actor -> {
            throw new IllegalStateException("database down");
        };
        HomeConsoleController home = new HomeConsoleController(List.of(broken, widget(1, "fine", actor -> true)));

        assertThat(home.cardsFor(agent)).extracting(HomeWidget.Card::titleCode).containsExactly("fine");
    }

    @Test
    void noWidgetsIsAnEmptyHomePage() {
        assertThat(new HomeConsoleController(List.of()).cardsFor(agent)).isEmpty();
    }

    private static HomeWidget widget(int order, String title, java.util.function.Predicate<Actor> audience) {
        return new HomeWidget() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public Optional<Card> cardFor(Actor actor) {
                return audience.test(actor) ? Optional.of(new Card(title, "t", "f", Map.of("n", 1))) : Optional.empty();
            }
        };
    }
}
