package org.gridcare.shared;

import java.util.Map;

/**
 * A validated page request. Sorting is by whitelisted property names only, mapped to SQL columns, so
 * that no caller-supplied text ever reaches the SQL.
 */
public record PageQuery(int page, int size, String orderBy) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    /**
     * @param sort      {@code property} or {@code property,asc|desc}; null for the default
     * @param columns   the sortable properties and their SQL columns; the first is the default
     */
    public static PageQuery of(Integer page, Integer size, String sort, Map<String, String> columns) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw InvalidInputException.of("page", "validation.page.min");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InvalidInputException.of("size", "validation.size.range", MAX_SIZE);
        }
        String defaultColumn = columns.values().iterator().next();
        if (sort == null || sort.isBlank()) {
            return new PageQuery(p, s, defaultColumn + " asc");
        }
        String[] parts = sort.split(",", -1);
        String column = columns.get(parts[0].trim());
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (column == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw InvalidInputException.of("sort", "validation.sort.unknown", String.join(", ", columns.keySet()));
        }
        return new PageQuery(p, s, column + " " + direction);
    }

    /** A long, since a far-off page times a large size does not fit an int. */
    public long offset() {
        return (long) page * size;
    }
}
