package org.gridcare.demo;

/** What to generate: the seed and the counts. */
record Volume(long seed, int customers, int orders, int months, int batch) {

    Volume {
        if (customers < 1 || orders < 0 || months < 1 || batch < 1) {
            throw new IllegalArgumentException("demo volume needs customers ≥ 1, orders ≥ 0, months ≥ 1, batch ≥ 1: "
                    + customers + ", " + orders + ", " + months + ", " + batch);
        }
    }
}
