package org.gridcare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

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

    /**
     * docs/modules is what the modules are now. The documenter lists relations and events in no fixed order (and
     * marks whichever comes first), so files are compared as sets of lines; {@code -Dgridcare.writeModuleDocs=true}
     * rewrites them.
     */
    @Test
    void moduleDocumentationIsCurrent() throws IOException {
        Path generated = Path.of("target/module-docs");
        FileSystemUtils.deleteRecursively(generated);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path docs = Path.of("docs/modules");
        if (Boolean.getBoolean("gridcare.writeModuleDocs")) {
            FileSystemUtils.deleteRecursively(docs);
            FileSystemUtils.copyRecursively(generated, docs);
        }
        assertThat(lines(docs)).as("docs/modules is stale: ./mvnw test -Dtest=ModularityTests "
                + "-Dgridcare.writeModuleDocs=true").isEqualTo(lines(generated));
    }

    /** Each file's lines, sorted, without the table-cell mark of a list's first item. */
    private static Map<String, List<String>> lines(Path folder) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.toList()) {
                files.put(file.getFileName().toString(), Files.readAllLines(file).stream()
                        .map(line -> line.startsWith("|") ? line.substring(1) : line).sorted().toList());
            }
        }
        return files;
    }
}
