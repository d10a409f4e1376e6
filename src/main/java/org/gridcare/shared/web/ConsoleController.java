package org.gridcare.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the web console (server-rendered pages and their fragments), as opposed to the REST API's
 * {@code @RestController}s. What the console's layout needs for every page is added to the model of these only:
 * an API call does not pay for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsoleController {

    /** The bean name, as for {@link Controller#value}. */
    @AliasFor(annotation = Controller.class)
    String value() default "";
}
