package org.gridcare.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gridcare.shared.security.Actor;
import org.gridcare.shared.security.Actors;
import org.gridcare.shared.web.ConsoleController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page staff land on after signing in: who they are, where to go, and the other modules' widgets. */
@ConsoleController
class HomeConsoleController {

    private static final Logger log = LoggerFactory.getLogger(HomeConsoleController.class);

    private final List<HomeWidget> widgets;

    HomeConsoleController(List<HomeWidget> widgets) {
        this.widgets = widgets.stream().sorted(Comparator.comparingInt(HomeWidget::order)).toList();
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("cards", cardsFor(Actors.required()));
        return "home";
    }

    /** One broken widget must not take the home page down with it. */
    List<HomeWidget.Card> cardsFor(Actor actor) {
        List<HomeWidget.Card> cards = new ArrayList<>();
        for (HomeWidget widget : widgets) {
            try {
                widget.cardFor(actor).ifPresent(cards::add);
            } catch (RuntimeException e) {
                log.error("Home widget {} failed; it is left out", widget.getClass().getName(), e);
            }
        }
        return cards;
    }
}
