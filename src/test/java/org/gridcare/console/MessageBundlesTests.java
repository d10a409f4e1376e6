package org.gridcare.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console speaks Chinese first and English too: every bundle has both languages with the same keys and no
 * empty text, every bundle is one the application loads, and every message a template names literally exists.
 */
class MessageBundlesTests {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** {@code #{key}} or {@code #{key(args)}}, and {@code #messages.msg('key')}; a computed key ends in a dot. */
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "#\\{([A-Za-z0-9_.-]+[A-Za-z0-9_-])[}(]|#messages\\.msg(?:OrNull)?\\('([A-Za-z0-9_.-]+[A-Za-z0-9_-])'");
    /** The layout's own usage example in its comment. */
    private static final Set<String> EXAMPLES = Set.of("some.title");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglishAndNoEmptyText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : bundles()) {
            Properties chinese = load(I18N.resolve(bundle + ".properties"));
            Path englishFile = I18N.resolve(bundle + "_en.properties");
            assertThat(englishFile).as("%s has no English", bundle).exists();
            Properties english = load(englishFile);
            Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
            onlyChinese.removeAll(english.stringPropertyNames());
            Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
            onlyEnglish.removeAll(chinese.stringPropertyNames());
            onlyChinese.forEach(key -> problems.add(bundle + ": no English for " + key));
            onlyEnglish.forEach(key -> problems.add(bundle + ": no Chinese for " + key));
            for (Properties language : List.of(chinese, english)) {
                language.stringPropertyNames().stream().filter(key -> language.getProperty(key).isBlank())
                        .forEach(key -> problems.add(bundle + ": empty text for " + key));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyBundleIsOneTheApplicationLoads() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basename = Pattern.compile("basename:\\s*(\\S+)").matcher(configuration);
        assertThat(basename.find()).as("spring.messages.basename").isTrue();
        Set<String> loaded = new TreeSet<>();
        for (String name : basename.group(1).split(",")) {
            loaded.add(name.trim().replaceFirst("^i18n/", ""));
        }
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(bundles());
    }

    @Test
    void everyMessageATemplateNamesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles()) {
            keys.addAll(load(I18N.resolve(bundle + ".properties")).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    String name = key.group(1) != null ? key.group(1) : key.group(2);
                    if (!keys.contains(name) && !EXAMPLES.contains(name)) {
                        missing.add(TEMPLATES.relativize(template) + ": " + name);
                    }
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(1000);
        assertThat(missing).isEmpty();
    }

    private static Set<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            Set<String> names = new TreeSet<>();
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".properties"))
                    .filter(f -> !f.contains("_")).forEach(f -> names.add(f.substring(0, f.length() - 11)));
            return names;
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
