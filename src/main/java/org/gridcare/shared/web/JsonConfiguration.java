package org.gridcare.shared.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How request bodies are read, beyond Spring Boot's {@code spring.jackson.*} settings. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * A {@code null} element of a list or set in a request ({@code "answers": [null]}) is refused as malformed input that
     * names its place ({@code answers[0]}): no command has a use for one, and each would otherwise have to guard
     * against it before reading its elements.
     */
    @Bean
    JsonMapperBuilderCustomizer nullElementsRefused() {
        JsonSetter.Value refused = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        return builder -> {
            for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
                builder.withConfigOverride(type, override -> override.setNullHandling(refused));
            }
        };
    }
}
