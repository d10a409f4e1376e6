package org.gridcare.console;

import java.util.Optional;

/**
 * The name of a user's unit for the console's header, supplied by the organisation module. The console
 * asks through this interface so that every module, the organisation module included, may contribute
 * to the console without a dependency cycle.
 */
public interface UnitNames {

    Optional<String> nameOf(long unitId);
}
