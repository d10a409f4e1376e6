package org.gridcare;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    /**
     * Production classes only: tests may reach across modules (an identity test builds units, a database
     * test restarts everything). Told apart by location, since {@code -Dbuild.dir} moves test-classes
     * away from where ArchUnit's own DoNotIncludeTests looks for them.
     */
    private static final ImportOption PRODUCTION_CODE = location -> location.asURI().toString()
            .startsWith(GridCare.class.getProtectionDomain().getCodeSource().getLocation().toString());

    private final ApplicationModules modules = ApplicationModules.of(GridCare.class, PRODUCTION_CODE);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void foundationModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "database", "audit", "organisation", "identity");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
