package org.gridcare.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.gridcare.GridCareTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The quote engine on the seeded tariffs, each case worked out by hand in its comments: annual tiers across a
 * threshold, TOU prices with tier increments, both bases of the two-part basic charge, the power-factor table
 * at its edges and rounding half-up per line.
 */
@GridCareTest
class TariffArithmeticTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired BillCalculator calculator;

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private Quote flat(String before, String kwh) {
        return calculator.quote(new QuoteRequest("ZJ-RES-FLAT", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31),
                QuoteRequest.Kwh.total(d(kwh)), d(before), null, null, null, null, null), ZH);
    }

    @Test
    void aMonthCrossingTheFirstAnnualThresholdIsSplitAcrossTwoTiers() {
        // 2600 kWh used this year before July, 400 in July: cumulative 2600 → 3000 crosses 2760.
        // tier 1: 2760 - 2600 = 160 kWh × 0.538 = 86.08
        // tier 2: 3000 - 2760 = 240 kWh × 0.588 = 141.12
        // total 86.08 + 141.12 = 227.20
        Quote quote = flat("2600", "400");
        assertThat(quote.lines()).extracting(QuoteLine::kind, QuoteLine::tier, QuoteLine::quantity, QuoteLine::unitPrice,
                QuoteLine::amount).containsExactly(
                tuple(LineKind.ENERGY, 1, d("160"), d("0.538"), d("86.08")),
                tuple(LineKind.ENERGY, 2, d("240"), d("0.588"), d("141.12")));
        assertThat(quote.total()).isEqualByComparingTo("227.20");
        // what tier 2 added over tier 1: 240 × 0.05 = 12.00
        assertThat(quote.tierExtra()).isEqualByComparingTo("12.00");
        assertThat(quote.lines().get(1).label()).isEqualTo("第2档电度电费");
    }

    @Test
    void aLargeMonthCanSpanAllThreeTiers() {
        // cumulative 2700 → 4900: tier 1 60 kWh × 0.538 = 32.28; tier 2 (4800 - 2760) 2040 × 0.588 = 1199.52;
        // tier 3 100 × 0.838 = 83.80; total 32.28 + 1199.52 + 83.80 = 1315.60
        Quote quote = flat("2700", "2200");
        assertThat(quote.lines()).extracting(QuoteLine::tier, QuoteLine::quantity, QuoteLine::amount).containsExactly(
                tuple(1, d("60"), d("32.28")), tuple(2, d("2040"), d("1199.52")), tuple(3, d("100"), d("83.80")));
        assertThat(quote.total()).isEqualByComparingTo("1315.60");
    }

    @Test
    void aMonthWithinTheFirstTierHasOneLine() {
        // 0 before, 200 kWh: 200 × 0.538 = 107.60
        Quote quote = flat("0", "200");
        assertThat(quote.lines()).singleElement().satisfies(l -> {
            assertThat(l.tier()).isEqualTo(1);
            assertThat(l.amount()).isEqualByComparingTo("107.60");
        });
    }

    @Test
    void residentialTimeOfUseIsTieredOnPeakAndValleyTogether() {
        // 4700 before, peak 150 + valley 100 = 250 kWh: cumulative 4700 → 4950, tier 2 100 kWh, tier 3 150 kWh.
        // peak 150 × 0.568 = 85.20; valley 100 × 0.288 = 28.80;
        // tier 2 increment 100 × 0.05 = 5.00; tier 3 increment 150 × 0.30 = 45.00; total 164.00
        Quote quote = calculator.quote(new QuoteRequest("ZJ-RES-TOU", LocalDate.of(2024, 11, 1),
                LocalDate.of(2024, 11, 30), QuoteRequest.Kwh.split(null, d("150"), null, d("100")), d("4700"),
                null, null, null, null, null), ZH);
        assertThat(quote.lines()).extracting(QuoteLine::kind, QuoteLine::period, QuoteLine::tier, QuoteLine::quantity,
                QuoteLine::unitPrice, QuoteLine::amount).containsExactly(
                tuple(LineKind.ENERGY, "PEAK", null, d("150"), d("0.568"), d("85.20")),
                tuple(LineKind.ENERGY, "VALLEY", null, d("100"), d("0.288"), d("28.80")),
                tuple(LineKind.TIER_INCREMENT, null, 2, d("100"), d("0.05"), d("5.00")),
                tuple(LineKind.TIER_INCREMENT, null, 3, d("150"), d("0.3"), d("45.00")));
        assertThat(quote.totalKwh()).isEqualByComparingTo("250");
        assertThat(quote.energyCharge()).isEqualByComparingTo("164.00");
        assertThat(quote.tierExtra()).isEqualByComparingTo("50.00");
        assertThat(quote.total()).isEqualByComparingTo("164.00");
    }

    @Test
    void twoPartTariffByCapacityWithAPowerFactorPenalty() {
        // July (critical-peak month) on EXAMPLE-LI-TOU, 400 kVA by capacity.
        // energy: critical peak 1000 × 1.25 = 1250; peak 4000 × 1.00 = 4000; flat 5000 × 0.60 = 3000;
        //         valley 6000 × 0.30 = 1800; energy 10050.00, total kWh 16000
        // basic: 400 kVA × 26 元/kVA·month × 1 month = 10400.00 (the domain reference's worked example)
        // power factor: 16000 / √(16000² + 12000²) = 16000 / 20000 = 0.80 → standard 0.90: +5.00 %
        //   of (10050 + 10400) = 20450 → 1022.50
        // total 10050 + 10400 + 1022.50 = 21472.50
        Quote quote = calculator.quote(new QuoteRequest("EXAMPLE-LI-TOU", LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 7, 31), QuoteRequest.Kwh.split(d("1000"), d("4000"), d("5000"), d("6000")), null,
                d("400"), d("250"), BasicChargeBasis.CAPACITY, d("12000"), null), ZH);
        assertThat(quote.lines()).extracting(QuoteLine::kind, QuoteLine::period, QuoteLine::amount).containsExactly(
                tuple(LineKind.ENERGY, "CRITICAL_PEAK", d("1250.00")),
                tuple(LineKind.ENERGY, "PEAK", d("4000.00")),
                tuple(LineKind.ENERGY, "FLAT", d("3000.00")),
                tuple(LineKind.ENERGY, "VALLEY", d("1800.00")),
                tuple(LineKind.BASIC_CHARGE, null, d("10400.00")),
                tuple(LineKind.POWER_FACTOR, null, d("1022.50")));
        QuoteLine basic = quote.lines().get(4);
        assertThat(basic.quantity()).isEqualByComparingTo("400");
        assertThat(basic.unitPrice()).isEqualByComparingTo("26");
        assertThat(basic.basis()).isEqualTo(BasicChargeBasis.CAPACITY);
        QuoteLine pf = quote.lines().get(5);
        assertThat(pf.quantity()).isEqualByComparingTo("20450.00");
        assertThat(pf.percent()).isEqualByComparingTo("5.00");
        assertThat(quote.powerFactor()).isEqualByComparingTo("0.80");
        assertThat(quote.pfStandard()).isEqualByComparingTo("0.90");
        assertThat(quote.total()).isEqualByComparingTo("21472.50");
    }

    @Test
    void twoPartTariffByDemandWithAPowerFactorReduction() {
        // January (no critical peak), by demand 250 kW × 40 元/kW·month = 10000.00
        // energy: peak 4000 × 1.00 + flat 5000 × 0.60 + valley 7000 × 0.30 = 4000 + 3000 + 2100 = 9100.00
        // no reactive energy: power factor 16000 / 16000 = 1.00 → standard 0.90: -0.75 % of (9100 + 10000)
        //   = -143.25
        // total 9100 + 10000 - 143.25 = 18956.75
        Quote quote = calculator.quote(new QuoteRequest("EXAMPLE-LI-TOU", LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 31), QuoteRequest.Kwh.split(null, d("4000"), d("5000"), d("7000")), null,
                d("400"), d("250"), BasicChargeBasis.DEMAND, d("0"), null), ZH);
        assertThat(quote.basicCharge()).isEqualByComparingTo("10000.00");
        assertThat(quote.energyCharge()).isEqualByComparingTo("9100.00");
        assertThat(quote.powerFactor()).isEqualByComparingTo("1.00");
        assertThat(quote.pfAdjustmentPercent()).isEqualByComparingTo("-0.75");
        assertThat(quote.pfAdjustment()).isEqualByComparingTo("-143.25");
        assertThat(quote.total()).isEqualByComparingTo("18956.75");
        assertThat(quote.lines()).extracting(QuoteLine::period).doesNotContain("CRITICAL_PEAK");
    }

    @Test
    void aHalfMonthPaysHalfTheBasicCharge() {
        // 1–15 April: 15 of 30 days = 0.5 month; 400 kVA × 0.5 = 200 kVA·month × 26 = 5200.00
        Quote quote = calculator.quote(new QuoteRequest("EXAMPLE-LI-TOU", LocalDate.of(2024, 4, 1),
                LocalDate.of(2024, 4, 15), QuoteRequest.Kwh.split(null, d("0"), d("0"), d("0")), null, d("400"), null,
                null, null, null), ZH);
        assertThat(quote.basicCharge()).isEqualByComparingTo("5200.00");
        assertThat(quote.lines()).filteredOn(l -> l.kind() == LineKind.BASIC_CHARGE).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("200"));
        assertThat(quote.notes()).containsExactly("未提供无功电量，未按功率因数标准 0.90 调整电费。");
    }

    /** 1000 kWh at peak 1.00 元 on EXAMPLE-LI-TOU in January, no basic charge: the adjustment base is 1000 元. */
    private Quote powerFactorCase(String kwh, String kvarh, String standard) {
        return calculator.quote(new QuoteRequest("EXAMPLE-LI-TOU", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31),
                QuoteRequest.Kwh.split(null, d(kwh), d("0"), d("0")), null, d("0"), null, BasicChargeBasis.CAPACITY,
                d(kvarh), standard == null ? null : d(standard)), ZH);
    }

    @Test
    void powerFactorTableEdgesAtStandard085() {
        // 1000 / √(1000² + 320²) = 1000 / 1049.95 = 0.9524 → 0.95 → -1.10 % of 1000 = -11.00
        Quote at95 = powerFactorCase("1000", "320", "0.85");
        assertThat(at95.powerFactor()).isEqualByComparingTo("0.95");
        assertThat(at95.pfAdjustmentPercent()).isEqualByComparingTo("-1.10");
        assertThat(at95.pfAdjustment()).isEqualByComparingTo("-11.00");
        // 1000 / √(1000² + 360²) = 1000 / 1062.83 = 0.9409 → 0.94 → still -1.10 % (the table's top starts at 0.94)
        Quote at94 = powerFactorCase("1000", "360", "0.85");
        assertThat(at94.powerFactor()).isEqualByComparingTo("0.94");
        assertThat(at94.pfAdjustmentPercent()).isEqualByComparingTo("-1.10");
        // 1000 / √(1000² + 400²) = 1000 / 1077.03 = 0.9285 → 0.93 → -0.95 %: the first step below
        Quote at93 = powerFactorCase("1000", "400", "0.85");
        assertThat(at93.powerFactor()).isEqualByComparingTo("0.93");
        assertThat(at93.pfAdjustmentPercent()).isEqualByComparingTo("-0.95");
        assertThat(at93.pfAdjustment()).isEqualByComparingTo("-9.50");
    }

    @Test
    void powerFactorTableEdgesAtStandard090() {
        // 1000 / √(1000² + 1169²) = 1000 / 1538.36 = 0.6500 → 0.65 → +15 % of 1000 = 150.00
        Quote at65 = powerFactorCase("1000", "1169", null);
        assertThat(at65.powerFactor()).isEqualByComparingTo("0.65");
        assertThat(at65.pfAdjustmentPercent()).isEqualByComparingTo("15.00");
        assertThat(at65.pfAdjustment()).isEqualByComparingTo("150.00");
        assertThat(at65.total()).isEqualByComparingTo("1150.00");
        // 1000 / √(1000² + 1200²) = 1000 / 1562.05 = 0.6402 → 0.64 → +17 % (steps of 2 % below 0.65) = 170.00
        Quote at64 = powerFactorCase("1000", "1200", null);
        assertThat(at64.powerFactor()).isEqualByComparingTo("0.64");
        assertThat(at64.pfAdjustmentPercent()).isEqualByComparingTo("17.00");
        assertThat(at64.pfAdjustment()).isEqualByComparingTo("170.00");
    }

    @Test
    void powerFactorTableBottomAndBelowIt() {
        // 300 / √(300² + 954²) = 300 / 1000.06 = 0.29998 → 0.30 → +85 % of 300 = 255.00
        Quote at30 = powerFactorCase("300", "954", "0.90");
        assertThat(at30.powerFactor()).isEqualByComparingTo("0.30");
        assertThat(at30.pfAdjustmentPercent()).isEqualByComparingTo("85.00");
        assertThat(at30.pfAdjustment()).isEqualByComparingTo("255.00");
        assertThat(at30.notes()).isEmpty();
        // 250 / √(250² + 1000²) = 250 / 1030.78 = 0.2425 → 0.24, below the table: the 0.30 row, +85 % of 250 = 212.50
        Quote at24 = powerFactorCase("250", "1000", "0.90");
        assertThat(at24.powerFactor()).isEqualByComparingTo("0.24");
        assertThat(at24.pfAdjustmentPercent()).isEqualByComparingTo("85.00");
        assertThat(at24.pfAdjustment()).isEqualByComparingTo("212.50");
        assertThat(at24.notes()).singleElement().asString().contains("0.24");
        // standard 0.80 at 0.30: +65 % of 300 = 195.00
        assertThat(powerFactorCase("300", "954", "0.80").pfAdjustment()).isEqualByComparingTo("195.00");
    }

    @Test
    void eachLineIsRoundedHalfUpAndTheTotalIsTheSumOfRoundedLines() {
        // 2.5 kWh × 0.538 = 1.345 → 1.35 half-up (half-even would give 1.34)
        assertThat(flat("0", "2.5").total()).isEqualByComparingTo("1.35");
        // peak 0.5 × 0.568 = 0.284 → 0.28; valley 0.5 × 0.288 = 0.144 → 0.14; total 0.28 + 0.14 = 0.42
        // (rounding the exact sum 0.428 would give 0.43)
        Quote quote = calculator.quote(new QuoteRequest("ZJ-RES-TOU", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1),
                QuoteRequest.Kwh.split(null, d("0.5"), null, d("0.5")), null, null, null, null, null, null), ZH);
        assertThat(quote.lines()).extracting(QuoteLine::amount).containsExactly(d("0.28"), d("0.14"));
        assertThat(quote.total()).isEqualByComparingTo("0.42");
        // a negative half rounds away from zero: 20050 kWh at peak 1.00 = 20050 元, no reactive energy → power factor
        // 1.00 at standard 0.90: -0.75 % of 20050 = -150.375 → -150.38
        Quote negative = powerFactorCase("20050", "0", null);
        assertThat(negative.pfAdjustment()).isEqualByComparingTo("-150.38");
    }

    @Test
    void linesAreNamedInEnglishForAnEnglishReader() {
        Quote quote = calculator.quote(new QuoteRequest("ZJ-RES-FLAT", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31),
                QuoteRequest.Kwh.total(d("400")), d("2600"), null, null, null, null, null), Locale.ENGLISH);
        assertThat(quote.lines()).extracting(QuoteLine::label)
                .containsExactly("Energy charge, tier 1", "Energy charge, tier 2");
        assertThat(quote.tariffName()).isEqualTo("Zhejiang residential, tiered, flat rate");
    }
}
