package org.gridcare.customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.gridcare.shared.InvalidInputException.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The masking, phone and archive rules, without Spring. */
class PersonalDataTests {

    @Test
    void phonesAreMaskedKeepingThreeAndFourDigits() {
        assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskPhone("057188001234")).isEqualTo("057****1234");
        assertThat(PersonalData.maskPhone("95598")).isEqualTo("9****8");
    }

    @Test
    void idNumbersKeepTheFirstThreeAndLastFourCharacters() {
        assertThat(PersonalData.maskIdNumber("330106195501011234")).isEqualTo("330***********1234");
        assertThat(PersonalData.maskIdNumber("91330100MA2B3C4D5E")).isEqualTo("913***********4D5E");
        assertThat(PersonalData.maskIdNumber(null)).isNull();
    }

    @Test
    void addressesAreKeptDownToTheStreet() {
        assertThat(PersonalData.maskAddress("浙江省杭州市西湖区文三路478号3幢501室")).isEqualTo("浙江省杭州市西湖区文三路****");
        assertThat(PersonalData.maskAddress("杭州市余杭区良渚街道港南村12组35号")).isEqualTo("杭州市余杭区良渚街道****");
        assertThat(PersonalData.maskAddress("宁波市鄞州区天童南大道88号")).isEqualTo("宁波市鄞州区天童南大道****");
        assertThat(PersonalData.maskAddress("富阳区新登镇")).isEqualTo("富阳区新登镇");
        assertThat(PersonalData.maskAddress("某小区1幢")).isEqualTo("某小****");
    }

    @Test
    void phonesAreNormalisedToDigits() {
        assertThat(Phones.normalise("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(Phones.normalise("(0571) 8800-1234")).isEqualTo("057188001234");
        assertThat(Phones.valid("13812345678")).isTrue();
        assertThat(Phones.valid("12812345678")).isFalse();
        assertThat(Phones.valid("12a")).isFalse();
        assertThat(Phones.digitsOf(" 138 1234 ")).isEqualTo("1381234");
        assertThat(Phones.digitsOf("王")).isNull();
    }

    @Test
    void contentReportsEveryBrokenFieldAtOnce() {
        CustomerContent content = new CustomerContent("12", " ", null, null, "", List.of("12"), "X1",
                "tariff code!", new BigDecimal("-1"), null, Set.of());
        assertThat(content.violations()).extracting(Violation::field).containsExactly("number", "name", "kind",
                "voltageLevel", "address", "phone", "idNumber", "tariffCode", "capacityKva", "unitCode");
        CustomerContent valid = new CustomerContent("330100000001", "张三", CustomerKind.RESIDENTIAL,
                VoltageLevel.AC220V, "某路1号", List.of("138 1234 5678", "13812345678"), "330106195501011234",
                "res-tier", new BigDecimal("8.5"), "S1", Set.of(CustomerFlag.VULNERABLE));
        assertThat(valid.violations()).isEmpty();
        assertThat(valid.phones()).containsExactly("13812345678");
        assertThat(valid.tariffCode()).isEqualTo("RES-TIER");
    }
}
