package org.gridcare.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled   AUTO: seed an empty embedded database on start; TRUE: seed an empty database on start, also an
 *                  external one ({@code GRIDCARE_DEMO=true}); FALSE: never
 * @param seed      the generator's seed: the same seed gives the same company, customers and orders
 * @param customers how many customers
 * @param orders    how many work orders, spread over the last {@code months} up to now
 * @param months    how far back the orders go
 * @param batch     orders per transaction (a load of more is committed in batches of this size)
 */
@ConfigurationProperties("gridcare.demo")
record DemoProperties(@DefaultValue("AUTO") Mode enabled, @DefaultValue("95598") long seed,
                      @DefaultValue("5000") int customers, @DefaultValue("20000") int orders,
                      @DefaultValue("6") int months, @DefaultValue("20000") int batch) {

    enum Mode { AUTO, TRUE, FALSE }

    Volume volume() {
        return new Volume(seed, customers, orders, months, batch);
    }
}
