package org.gridcare.demo;

import java.util.Map;
import java.util.stream.Collectors;

import org.gridcare.database.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, after the first administrator: seeds the demo company when {@code gridcare.demo.enabled} asks for it
 * (AUTO: only on the embedded database) and prints the demo accounts' passwords once.
 */
@Component
@Order(10)
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoSeeder seeder;
    private final DemoProperties properties;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    DemoStartup(DemoSeeder seeder, DemoProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.seeder = seeder;
        this.properties = properties;
        this.embedded = embedded;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled() == DemoProperties.Mode.FALSE
                || (properties.enabled() == DemoProperties.Mode.AUTO && embedded.getIfAvailable() == null)) {
            return;
        }
        DemoSeeder.Result result = seeder.seed(properties.volume());
        switch (result.outcome()) {
            case ALREADY_SEEDED -> log.info("Demo company already seeded; nothing to do");
            case REFUSED -> log.warn("Demo company NOT seeded: {}. Demo data goes only into an empty database "
                    + "(no customers, work orders or users besides the first admin); set GRIDCARE_DEMO=false to "
                    + "silence this.", result.reason());
            case SEEDED -> log.warn("""

                    ================================================================
                      GridCare seeded the demo company 滨江市供电公司 in {} ms:
                      {} units, {} staff, {} customers, {} work orders.
                      Demo accounts (one password per role, shown only once):
                    {}
                    ================================================================""",
                    result.took().toMillis(), result.units(), result.staff(), result.customers(), result.orders(),
                    accounts(result));
            default -> throw new IllegalStateException(result.outcome().name());
        }
    }

    private static String accounts(DemoSeeder.Result result) {
        return result.accounts().entrySet().stream().map(Map.Entry::getKey).map(role -> {
            var names = result.accounts().get(role);
            String list = names.size() <= 3 ? String.join(", ", names)
                    : names.get(0) + " … " + names.get(names.size() - 1) + " (" + names.size() + ")";
            return "  %-11s password: %s   accounts: %s".formatted(role, result.passwords().get(role), list);
        }).collect(Collectors.joining("\n"));
    }
}
