package org.gridcare.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

/** The word lists and text templates of {@code demo/company.properties}, and random picks from them. */
final class DemoTexts {

    private final Map<String, List<String>> lists = new HashMap<>();

    private DemoTexts(Properties properties) {
        properties.stringPropertyNames().forEach(key ->
                lists.put(key, List.of(properties.getProperty(key).split("\\|"))));
    }

    static DemoTexts load() {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(DemoTexts.class.getResourceAsStream("/demo/company.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoTexts(properties);
    }

    List<String> list(String key) {
        List<String> values = lists.get(key);
        if (values == null) {
            throw new IllegalStateException("demo/company.properties has no " + key);
        }
        return values;
    }

    String one(String key) {
        return list(key).get(0);
    }

    /** A random entry of the list; for a category code, the nearest listed ancestor's list. */
    String pick(String key, SplittableRandom random) {
        String k = key;
        while (!lists.containsKey(k) && k.contains(".")) {
            k = k.substring(0, k.lastIndexOf('.'));
        }
        List<String> values = list(k);
        return values.get(random.nextInt(values.size()));
    }

    /** A Chinese personal name: a surname and a one- or two-character given name. */
    String personName(SplittableRandom random) {
        return pick("surnames", random) + pick("given", random);
    }
}
