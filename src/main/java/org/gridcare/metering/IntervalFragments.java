package org.gridcare.metering;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Groups the good interval rows of a file into meter-day fragments while it is read: consecutive rows
 * of the same meter and local day become one COPY text line of the staging table, holding the rows'
 * slots (15-minute slot of the day), lengths, kWh (0.0001 kWh) and line numbers as arrays ordered by
 * slot (and line). A file that lists a meter's day together — the usual export — gives one line per
 * meter-day, so the database parses, sorts and stores ~96 times fewer rows; any other order still works
 * (more, smaller fragments of the same meter-day, merged in SQL). Only the current fragment is held in
 * memory, whatever the file's size. Not thread-safe.
 */
final class IntervalFragments {

    private final StringBuilder out;
    private String meter;
    private long day = Long.MIN_VALUE;
    private int size;
    private int[] slots = new int[128];
    private int[] minutes = new int[128];
    private int[] kwh = new int[128];
    private long[] lines = new long[128];
    private long fragments;

    /**
     * @param out where the COPY text lines go: {@code meter, day, clean, {slots}, {minutes}, {kwh_e4}, {lines}, total kWh
     *            (0.0001 kWh), points, highest interval demand (0.0001 kW)}
     */
    IntervalFragments(StringBuilder out) {
        this.out = out;
    }

    void add(String meterNumber, long epochDay, int slot, int length, int kwhE4, long line) {
        if (epochDay != day || !meterNumber.equals(meter)) {
            flush();
            meter = meterNumber;
            day = epochDay;
        }
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            minutes = Arrays.copyOf(minutes, size * 2);
            kwh = Arrays.copyOf(kwh, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        slots[size] = slot;
        minutes[size] = length;
        kwh[size] = kwhE4;
        lines[size] = line;
        size++;
    }

    /** Writes the current fragment (if any) to the output. */
    void flush() {
        if (size == 0) {
            return;
        }
        sortBySlot();
        boolean clean = true;
        for (int i = 1; i < size; i++) {
            if (slots[i] == slots[i - 1]) {
                clean = false;
                break;
            }
        }
        out.append(meter).append('\t').append(LocalDate.ofEpochDay(day)).append('\t').append(clean ? 't' : 'f').append('\t');
        out.append('{');
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(slots[i]);
        }
        out.append("}\t{");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(minutes[i]);
        }
        out.append("}\t{");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(kwh[i]);
        }
        out.append("}\t{");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(lines[i]);
        }
        // the day's sums as the daily table keeps them (a clean fragment is stored with them as it is)
        long total = 0;
        long maxKw = 0;
        for (int i = 0; i < size; i++) {
            total += kwh[i];
            maxKw = Math.max(maxKw, (long) kwh[i] * 60 / minutes[i]);
        }
        out.append("}\t").append(total).append('\t').append(size).append('\t').append(maxKw).append('\n');
        size = 0;
        fragments++;
    }

    long fragments() {
        return fragments;
    }

    /** Stable insertion sort by slot: the rows of a day usually come in order, so this is one pass. */
    private void sortBySlot() {
        for (int i = 1; i < size; i++) {
            int slot = slots[i];
            if (slot >= slots[i - 1]) {
                continue;
            }
            int length = minutes[i];
            int value = kwh[i];
            long line = lines[i];
            int j = i - 1;
            while (j >= 0 && slots[j] > slot) {
                slots[j + 1] = slots[j];
                minutes[j + 1] = minutes[j];
                kwh[j + 1] = kwh[j];
                lines[j + 1] = lines[j];
                j--;
            }
            slots[j + 1] = slot;
            minutes[j + 1] = length;
            kwh[j + 1] = value;
            lines[j + 1] = line;
        }
    }
}
