package org.gridcare.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import static org.gridcare.billing.BillCalculator.MC;
import static org.gridcare.billing.BillCalculator.money;
import static org.gridcare.billing.BillCalculator.plain;

/**
 * Splits the difference between two bills into causes that add up to it. With B the earlier bill and p its
 * average energy price at tier-1 prices (energy charge less the tier extra, per kWh):
 * <ul>
 * <li>DAYS = B's kWh a day × (days of A − days of B) × p</li>
 * <li>USAGE = (kWh of A − kWh of B) × p − DAYS: using more or less a day</li>
 * <li>TOU_MIX or PRICE = A's energy at tier-1 prices − kWh of A × p: a different share of the periods (same TOU
 * tariff), or a different tariff or tariff version</li>
 * <li>TIER = tier extra of A − tier extra of B; BASIC, POWER_FACTOR, SURCHARGE = the differences of those lines</li>
 * <li>ROUNDING = whatever the separately rounded amounts leave.</li>
 * </ul>
 */
@Component
class BillExplainer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    BillExplanation explain(Bill a, Bill b, LineLabels.Bound t) {
        List<BillExplanation.Item> items = new ArrayList<>();
        BigDecimal difference = a.total().subtract(b.total());
        String other = b.month().toString();
        BigDecimal baseA = a.energyCharge().subtract(a.tierExtra());
        BigDecimal baseB = b.energyCharge().subtract(b.tierExtra());
        BigDecimal kA = a.totalKwh();
        BigDecimal kB = b.totalKwh();
        BigDecimal dailyA = kA.divide(BigDecimal.valueOf(a.days()), MC);
        BigDecimal dailyB = kB.divide(BigDecimal.valueOf(b.days()), MC);

        if (kB.signum() > 0) {
            BigDecimal price = baseB.divide(kB, MC);
            BigDecimal days = money(dailyB.multiply(BigDecimal.valueOf(a.days() - b.days())).multiply(price));
            BigDecimal usage = money(kA.subtract(kB).multiply(price)).subtract(days);
            BigDecimal mix = money(baseA.subtract(kA.multiply(price)));
            if (a.days() != b.days()) {
                items.add(item("DAYS", days, t.message("billing.explain.days", a.days(), other, b.days(),
                        word(t, a.days() > b.days()), Math.abs(a.days() - b.days()), kwh(dailyB), direction(t, days),
                        abs(days))));
            }
            if (usage.signum() != 0) {
                items.add(item("USAGE", usage, t.message("billing.explain.usage", kwh(kA), kwh(dailyA), other, kwh(kB),
                        kwh(dailyB), word(t, dailyA.compareTo(dailyB) > 0), direction(t, usage), abs(usage))));
            }
            if (mix.signum() != 0) {
                BigDecimal priceA = kA.signum() == 0 ? price : baseA.divide(kA, MC);
                boolean sameTou = Objects.equals(a.tariffCode(), b.tariffCode()) && a.peakKwh() != null
                        && b.peakKwh() != null;
                if (sameTou) {
                    items.add(item("TOU_MIX", mix, t.message("billing.explain.touMix", percent(peakShare(a)), other,
                            percent(peakShare(b)), price(price), price(priceA), direction(t, mix), abs(mix))));
                } else if (!Objects.equals(a.tariffCode(), b.tariffCode())) {
                    items.add(item("PRICE", mix, t.message("billing.explain.tariffChanged", b.tariffCode(),
                            a.tariffCode(), price(price), price(priceA), direction(t, mix), abs(mix))));
                } else {
                    items.add(item("PRICE", mix, t.message("billing.explain.priceChanged", price(price), price(priceA),
                            direction(t, mix), abs(mix))));
                }
            }
        } else {
            BigDecimal usage = money(baseA.subtract(baseB));
            if (usage.signum() != 0) {
                items.add(item("USAGE", usage, t.message("billing.explain.usageFromNothing", other, kwh(kA),
                        direction(t, usage), abs(usage))));
            }
        }

        BigDecimal tier = a.tierExtra().subtract(b.tierExtra());
        if (tier.signum() != 0) {
            String sentence = a.tierExtra().signum() > 0
                    ? t.message("billing.explain.tier", kwh(a.kwhEarlierInYear().add(kA)), tierParts(a, t),
                    yuan(a.tierExtra()), other, yuan(b.tierExtra()), direction(t, tier), abs(tier))
                    : t.message("billing.explain.tierNone", kwh(a.kwhEarlierInYear().add(kA)), other,
                    yuan(b.tierExtra()), direction(t, tier), abs(tier));
            items.add(item("TIER", tier, sentence));
        }

        BigDecimal basic = a.basicCharge().subtract(b.basicCharge());
        if (basic.signum() != 0) {
            String basis = a.basicChargeBasis() == null ? "—" : t.message("billing.line.basic." + a.basicChargeBasis());
            BigDecimal quantity = a.basicChargeBasis() == BasicChargeBasis.DEMAND ? a.maxDemandKw() : a.capacityKva();
            items.add(item("BASIC", basic, t.message("billing.explain.basic", other, yuan(b.basicCharge()),
                    yuan(a.basicCharge()), basis, quantity == null ? "—" : kwh(quantity), direction(t, basic), abs(basic))));
        }

        BigDecimal pfA = a.pfAdjustment() == null ? BigDecimal.ZERO : a.pfAdjustment();
        BigDecimal pfB = b.pfAdjustment() == null ? BigDecimal.ZERO : b.pfAdjustment();
        BigDecimal pf = pfA.subtract(pfB);
        if (pf.signum() != 0) {
            items.add(item("POWER_FACTOR", pf, t.message("billing.explain.powerFactor", pfText(a, t), other, pfText(b, t),
                    direction(t, pf), abs(pf))));
        }

        BigDecimal surcharge = a.surcharges().subtract(b.surcharges());
        if (surcharge.signum() != 0) {
            items.add(item("SURCHARGE", surcharge, t.message("billing.explain.surcharge", other, yuan(b.surcharges()),
                    yuan(a.surcharges()), direction(t, surcharge), abs(surcharge))));
        }

        BigDecimal explained = items.stream().map(BillExplanation.Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rest = difference.subtract(explained);
        if (rest.signum() != 0) {
            items.add(item("ROUNDING", rest, t.message("billing.explain.rounding", direction(t, rest), abs(rest))));
        }
        items.sort(Comparator.comparing((BillExplanation.Item i) -> i.amount().abs()).reversed());

        String headline = difference.signum() == 0
                ? t.message("billing.explain.headlineSame", a.month().toString(), yuan(a.total()), other)
                : t.message("billing.explain.headline", a.month().toString(), yuan(a.total()), other, yuan(b.total()),
                t.message(difference.signum() > 0 ? "billing.explain.higher" : "billing.explain.lower"), abs(difference),
                b.total().signum() == 0 ? "—" : percent(difference.abs().divide(b.total().abs(), MC)));
        return new BillExplanation(a.customerNumber(), a.month(), b.month(), a.total(), b.total(), difference, headline,
                items);
    }

    private static BillExplanation.Item item(String factor, BigDecimal amount, String sentence) {
        return new BillExplanation.Item(factor, money(amount), sentence);
    }

    private static String tierParts(Bill a, LineLabels.Bound t) {
        List<String> parts = new ArrayList<>();
        for (QuoteLine line : a.lines()) {
            boolean higher = line.tier() != null && line.tier() > 1
                    && (line.kind() == LineKind.TIER_INCREMENT || line.kind() == LineKind.ENERGY);
            if (higher) {
                parts.add(t.message(line.kind() == LineKind.TIER_INCREMENT ? "billing.explain.tierPartIncrement"
                        : "billing.explain.tierPart", line.tier(), kwh(line.quantity()), line.unitPrice().toPlainString()));
            }
        }
        return String.join(t.message("billing.explain.separator"), parts);
    }

    private static String pfText(Bill bill, LineLabels.Bound t) {
        if (bill.powerFactor() == null || bill.pfAdjustmentPercent() == null) {
            return t.message("billing.explain.pfNone");
        }
        int sign = bill.pfAdjustmentPercent().signum();
        String key = sign > 0 ? "billing.explain.pfPenalty" : sign < 0 ? "billing.explain.pfReward" : "billing.explain.pfZero";
        return t.message(key, bill.powerFactor().toPlainString(), bill.pfStandard().toPlainString(),
                plain(bill.pfAdjustmentPercent().abs()).toPlainString(),
                money(bill.pfAdjustment() == null ? BigDecimal.ZERO : bill.pfAdjustment()).toPlainString());
    }

    private static BigDecimal peakShare(Bill bill) {
        if (bill.totalKwh().signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal peak = bill.peakKwh() == null ? BigDecimal.ZERO : bill.peakKwh();
        BigDecimal critical = bill.criticalPeakKwh() == null ? BigDecimal.ZERO : bill.criticalPeakKwh();
        return peak.add(critical).divide(bill.totalKwh(), MC);
    }

    private static String word(LineLabels.Bound t, boolean more) {
        return t.message(more ? "billing.explain.more" : "billing.explain.fewer");
    }

    private static String direction(LineLabels.Bound t, BigDecimal amount) {
        return t.message(amount.signum() >= 0 ? "billing.explain.up" : "billing.explain.down");
    }

    private static String yuan(BigDecimal amount) {
        return money(amount).toPlainString();
    }

    private static String abs(BigDecimal amount) {
        return money(amount.abs()).toPlainString();
    }

    private static String kwh(BigDecimal value) {
        return plain(value.setScale(1, RoundingMode.HALF_UP)).toPlainString();
    }

    private static String price(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
