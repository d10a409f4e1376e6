package org.gridcare.organisation;

import java.util.Optional;

import org.gridcare.console.UnitNames;
import org.springframework.stereotype.Component;

/** Tells the console the name of a user's unit for its header. */
@Component
class OrgUnitNames implements UnitNames {

    private final OrgUnitRepository units;

    OrgUnitNames(OrgUnitRepository units) {
        this.units = units;
    }

    @Override
    public Optional<String> nameOf(long unitId) {
        return units.findById(unitId).map(OrgUnit::name);
    }
}
