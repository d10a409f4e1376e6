package org.gridcare.shared.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the OpenAPI document's schemas so that two types never share one. By default a schema is named by its type's
 * simple name, and of two types with the same one (the {@code Change} of a survey and of a return-visit setting, the
 * {@code NewPlan} of a training plan and of a service plan) the document described only the first, under both
 * operations. A nested type is now named with its enclosing type's name ({@code Surveys.Change},
 * {@code TrainingCommands.NewPlan}); top-level types that share a name carry a {@code @Schema(name = …)} of their own.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSchemaNames {

    @Bean
    ModelResolver schemaNamesWithEnclosingType(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper(), new EnclosingTypeNames());
    }

    /** {@code Outer.Inner} for a nested type, the simple name otherwise ({@code @Schema(name)} still wins). */
    static final class EnclosingTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> outer = type.getEnclosingClass();
            return outer == null ? super.getNameOfClass(type) : getNameOfClass(outer) + "." + type.getSimpleName();
        }
    }
}
