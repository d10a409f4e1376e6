package org.gridcare.workorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.organisation.DataScope;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * List totals are exact up to a cap beyond the start of the page ("at least" past it), so that a list of a
 * million orders costs a bounded count, and paging on never runs into a dead end.
 */
@GridCareTest
class ListTotalsTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired WorkOrderRepository repository;

    private WorkOrderWorld world;
    private final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void sevenOrders() throws Exception {
        world = new WorkOrderWorld(fixtures, mvc, json);
        String customer = world.customer("上城区总数路 1 号");
        for (int i = 0; i < 7; i++) {
            numbers.add(world.order("CONSULTATION", "CONSULTATION.TARIFF", customer));
        }
    }

    private PageResult<WorkOrder> page(int page, int size, int cap) {
        var filter = new WorkOrderFilter(null, false, null, null, Set.of(world.station.id().value()), null, null,
                null, null, null, null, null);
        return repository.find(filter, DataScope.unrestricted(), PageQuery.of(page, size, "createdAt,desc",
                WorkOrders.SORTS), cap);
    }

    @Test
    void aTotalIsExactUpToTheCapBeyondThePagesStartAndAtLeastPastIt() {
        // page 0: counted up to 3 rows — "at least 3", so the caller knows there is a next page
        PageResult<WorkOrder> first = page(0, 2, 3);
        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
        // page 1 (offset 2): up to 5, still short of the 7
        assertThat(page(1, 2, 3).total()).isEqualTo(5);
        // page 2 (offset 4): the cap reaches past the end, so the total is exact
        assertThat(page(2, 2, 3).total()).isEqualTo(7);
        // the last page is exact without counting
        PageResult<WorkOrder> last = page(3, 2, 3);
        assertThat(last.items()).hasSize(1);
        assertThat(last.total()).isEqualTo(7);
        // past the end: empty, and the total says where the end is
        PageResult<WorkOrder> beyond = page(9, 2, 3);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void pagesFollowTheCreationOrderWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            page(p, 2, 3).items().forEach(o -> seen.add(o.number()));
        }
        // newest first; orders of the same moment by id, newest id first
        List<String> newestFirst = new ArrayList<>(numbers);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aBadgeAtTheCapSaysAtLeast() {
        QueueCounts counts = new QueueCounts(0, 999, 1_000, 0, 0, 0);
        assertThat(counts.label(counts.team())).isEqualTo("999");
        assertThat(counts.label(counts.toDispatch())).isEqualTo("1000+");
        assertThat(counts.label(counts.mine())).isEqualTo("0");
    }
}
