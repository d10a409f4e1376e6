package org.gridcare.training;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A teaching case keeps the story and loses the person: known values and personal-data patterns are replaced. */
class AnonymiserTests {

    @Test
    void knownValuesAndPersonalDataPatternsAreRemovedFromTheText() {
        String text = "客户王小明（户号 3300012345678，身份证 33010219900101123X）来电，联系电话 139-1234-5678，"
                + "座机 0571-87654321，住西湖区文三路 90 号 2 单元 301 室。王小明表示抢修员张师傅态度很好，"
                + "回访电话 138****5678 已接通。工作人员 agent07 受理。";
        String result = Anonymiser.anonymise(text, List.of(new Anonymiser.Known("王小明", Anonymiser.NAME),
                new Anonymiser.Known("3300012345678", Anonymiser.CUSTOMER_NUMBER),
                new Anonymiser.Known("agent07", Anonymiser.STAFF), new Anonymiser.Known(null, Anonymiser.PHONE)));
        assertThat(result).doesNotContain("王小明", "3300012345678", "33010219900101123X", "139-1234-5678",
                "0571-87654321", "文三路 90 号", "301 室", "张师傅", "138****5678", "agent07");
        assertThat(result).contains("客户【姓名】", "【户号】", "身份证 【身份证号】", "联系电话 【电话】", "座机 【电话】",
                "【地址】", "某师傅", "回访电话 【电话】", "工作人员 【工作人员】", "来电", "态度很好");
    }

    @Test
    void anOldFifteenDigitIdAndABareMobileAreCaughtWithoutKnownValues() {
        String result = Anonymiser.anonymise("身份证330102800101123，手机13812345678，+86 13812345678。", List.of());
        assertThat(result).isEqualTo("身份证【身份证号】，手机【电话】，【电话】。");
    }

    @Test
    void textWithoutPersonalDataIsKept() {
        String text = "10kV 线路故障，45 分钟内到达现场，3 小时内恢复供电。";
        assertThat(Anonymiser.anonymise(text, List.of())).isEqualTo(text);
        assertThat(Anonymiser.anonymise(null, List.of())).isNull();
    }
}
