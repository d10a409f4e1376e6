package org.gridcare.workorder;

/**
 * Historic orders (with their timelines, clocks and visits) were bulk-loaded with ids in
 * {@code [firstId, lastId]} — by the demo company seeder or the benchmark loader. Modules that keep data
 * derived from work order events (KPI facts) rebuild it for that range instead of hearing each event.
 */
public record WorkOrdersImported(long firstId, long lastId) {
}
