package org.gridcare.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strips personal data from a teaching case's text (案例脱敏). First the values known from the source record (the
 * caller's name, phone, address, customer number, staff names) are replaced wherever they occur, longest first;
 * then patterns catch what free text adds: resident ID numbers (18 digits or 17 + X, and the old 15 digits), mobile
 * and landline numbers (also already masked ones such as 138****5678), customer numbers (10–13 digits), street
 * addresses (…路/街/巷 12 号 …室) and names with an honorific (张先生 → 某先生).
 */
final class Anonymiser {

    static final String NAME = "【姓名】";
    static final String PHONE = "【电话】";
    static final String ID_NUMBER = "【身份证号】";
    static final String CUSTOMER_NUMBER = "【户号】";
    static final String ADDRESS = "【地址】";
    static final String STAFF = "【工作人员】";

    private static final List<Map.Entry<Pattern, String>> PATTERNS = List.of(
            Map.entry(Pattern.compile("(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
                    + "[0-9]{3}[0-9Xx](?![0-9A-Za-z])"), ID_NUMBER),
            Map.entry(Pattern.compile("(?<![0-9])[1-9][0-9]{14}(?![0-9])"), ID_NUMBER),
            Map.entry(Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9][- ]?[0-9*]{4}[- ]?[0-9]{4}(?![0-9])"), PHONE),
            Map.entry(Pattern.compile("(?<![0-9])0[1-9][0-9]{1,2}[- ]?[0-9]{7,8}(?![0-9])"), PHONE),
            Map.entry(Pattern.compile("(?<![0-9])[0-9]{10,13}(?![0-9])"), CUSTOMER_NUMBER),
            Map.entry(Pattern.compile("[\\p{IsHan}0-9]{1,20}(?:路|街|大道|巷|弄|村|小区)\\s*[0-9]+\\s*(?:号|弄)"
                    + "(?:\\s*[0-9]+\\s*(?:栋|幢|号楼|单元|室|层))*"), ADDRESS),
            Map.entry(Pattern.compile("[\\p{IsHan}](先生|女士|小姐|师傅|阿姨|大爷|大妈)"), "某$1"));

    private Anonymiser() {
    }

    /** A value known to be personal and what it becomes. */
    record Known(String value, String replacement) {
    }

    static String anonymise(String text, List<Known> known) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String result = text;
        List<Known> values = new ArrayList<>(known.stream().filter(k -> k.value() != null && k.value().strip()
                .length() >= 2).toList());
        values.sort(Comparator.comparingInt((Known k) -> k.value().length()).reversed());
        for (Known k : values) {
            result = result.replace(k.value().strip(), k.replacement());
        }
        for (Map.Entry<Pattern, String> p : PATTERNS) {
            result = p.getKey().matcher(result).replaceAll(p.getValue());
        }
        return result;
    }
}
