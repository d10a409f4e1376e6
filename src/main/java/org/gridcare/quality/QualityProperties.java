package org.gridcare.quality;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param samplePercent      a plan's default share of each staff member's closed orders drawn at random (*assumed* 5 %)
 * @param minPerStaff        a plan's default minimum drawn per staff member (while they have that many orders)
 * @param excludeOwnUnit     by default no inspector is given an order of the unit they sit in
 * @param appealWorkingDays  the staff member may appeal until the end of this many working days after scoring
 */
@ConfigurationProperties("gridcare.quality")
record QualityProperties(@DefaultValue("5") BigDecimal samplePercent, @DefaultValue("1") int minPerStaff,
                         @DefaultValue("true") boolean excludeOwnUnit, @DefaultValue("5") int appealWorkingDays) {
}
