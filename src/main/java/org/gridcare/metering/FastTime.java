package org.gridcare.metering;

/**
 * The reading files' common time shapes parsed without java.time's general parser (which allocates a
 * map per call and dominated the import's CPU): {@code yyyy-MM-ddTHH:mm[:ss]} with {@code T} or a
 * space, followed by {@code Z}, {@code ±hh:mm} or nothing (local Beijing time: UTC+8 from 1992, when
 * China's last summer time was over). Anything else — a bare date, fractions of a second, an invalid field — answers {@link #NONE}
 * and goes the general way, which decides whether it is valid.
 */
final class FastTime {

    static final long NONE = Long.MIN_VALUE;
    private static final int BEIJING_OFFSET = 8 * 3600;

    private FastTime() {
    }

    /** Seconds since the epoch, or {@link #NONE}. */
    static long epochSecond(String s) {
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':') {
            return NONE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > lengthOf(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59) {
            return NONE;
        }
        int i = 16;
        int second = 0;
        if (i < n && s.charAt(i) == ':') {
            if (n < 19) {
                return NONE;
            }
            second = digits(s, 17, 2);
            if (second < 0 || second > 59) {
                return NONE;
            }
            i = 19;
        }
        int offset;
        if (i == n) {
            if (year < 1992) {
                return NONE; // China kept summer time 1986-1991
            }
            offset = BEIJING_OFFSET;
        } else if (i + 1 == n && s.charAt(i) == 'Z') {
            offset = 0;
        } else if (i + 6 == n && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return NONE;
            }
            offset = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return NONE;
        }
        long days = epochDay(year, month, day);
        return days * 86_400L + hour * 3600L + minute * 60L + second - offset;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOf(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@code LocalDate.toEpochDay}). */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                total--;
            }
        }
        return total - 719_528L;
    }
}
