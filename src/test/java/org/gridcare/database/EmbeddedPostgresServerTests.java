package org.gridcare.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's page cache size, worked out from the machine's memory. */
class EmbeddedPostgresServerTests {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void thePageCacheIsAnEighthOfTheMemoryBetween256MegabytesAnd8Gigabytes() {
        assertThat(EmbeddedPostgresServer.sharedBuffers(24 * GIB)).isEqualTo("3072MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers(GIB)).isEqualTo("256MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers(0)).isEqualTo("256MB");
        assertThat(EmbeddedPostgresServer.sharedBuffers(256 * GIB)).isEqualTo("8192MB");
    }
}
