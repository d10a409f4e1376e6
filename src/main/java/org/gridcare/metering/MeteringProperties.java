package org.gridcare.metering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param importThreads      imports run at once on this instance (they also queue on a database lock)
 * @param importQueue        imports waiting for a thread; an upload beyond it is refused (409)
 * @param uploadMaxSize      largest accepted reading file
 * @param reportLimit        rejected rows stored per import (the count stays exact beyond it)
 * @param staleAfter         an open import whose instance has not reported for this long is marked FAILED
 * @param monthsAhead        reading partitions kept ready for this many months after the current one
 * @param earliestReading    readings before this year are refused as out of range
 * @param futureTolerance    readings later than now plus this are refused as out of range
 * @param peerLimit          at most this many similar customers are compared
 * @param anomaly            thresholds of the anomaly rules
 * @param anomalyOrderChannel the channel of a work order raised from an anomaly (the agent's own channel of work)
 * @param peerCacheTtl       how long the similar customers' averages of a group (supply station, kind, months) are
 *                           reused by the analyses of its customers (0: computed for every analysis)
 */
@ConfigurationProperties("gridcare.metering")
record MeteringProperties(
        @DefaultValue("1") int importThreads,
        @DefaultValue("8") int importQueue,
        @DefaultValue("256MB") DataSize uploadMaxSize,
        @DefaultValue("10000") int reportLimit,
        @DefaultValue("60s") Duration staleAfter,
        @DefaultValue("3") int monthsAhead,
        @DefaultValue("2000") int earliestReading,
        @DefaultValue("1d") Duration futureTolerance,
        @DefaultValue("2000") int peerLimit,
        @DefaultValue Anomaly anomaly,
        @DefaultValue("HOTLINE_95598") org.gridcare.workorder.Channel anomalyOrderChannel,
        @DefaultValue("15m") Duration peerCacheTtl) {

    /**
     * @param zeroDays        this many consecutive days of zero consumption while a meter is in service
     *                        are a possible meter fault
     * @param window          days of the customer's own history that make its normal range
     * @param minHistory      fewer days of history than this: no spike or drop is judged
     * @param deviations      a day beyond the median ± this many spreads (the larger of 1.4826 × MAD and
     *                        the window's standard deviation) is a spike or a drop
     * @param minChangeKwh    … and differs from the median by at least this many kWh
     */
    record Anomaly(@DefaultValue("3") int zeroDays, @DefaultValue("28") int window,
                   @DefaultValue("14") int minHistory, @DefaultValue("4.0") double deviations,
                   @DefaultValue("2.0") double minChangeKwh) {
    }
}
