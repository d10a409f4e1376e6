package org.gridcare.customer;

import java.util.ArrayList;
import java.util.List;

import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.TestDatabase;
import org.gridcare.organisation.DataScope;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A text search in number order takes its page and its total from one pass over the matches of every
 * alternative (name prefix, name or address fragment): the page is the first matches in number order across
 * them all, and the total is exact up to a cap beyond the page's start ("at least" past it).
 */
@GridCareTest
class CustomerSearchTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired Fixtures fixtures;
    @Autowired CustomerRepository repository;

    private String tag;
    private final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void sevenCustomers() throws Exception {
        fixtures.root();
        String city = Fixtures.unique("SC");
        fixtures.unit(city, OrgUnitKind.CITY_COMPANY, "HQ");
        String station = Fixtures.unique("SS");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, city);
        tag = "检索" + Fixtures.unique("q");
        long base = 330000000000L + Math.abs(System.nanoTime() % 10_000_000L) * 1000;
        for (int i = 0; i < 7; i++) {
            String number = Long.toString(base + i);
            // matched three ways: the name starts with the tag, contains it, or only the address does
            String name = switch (i % 3) {
                case 0 -> tag + "户" + i;
                case 1 -> "甲" + tag + i;
                default -> "乙户" + i;
            };
            String address = "浙江省杭州市" + (i % 3 == 2 ? tag : "某") + "路" + i + "号";
            mvc.perform(post("/api/v1/customers").with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"number": "%s", "name": "%s", "kind": "RESIDENTIAL", "voltageLevel": "AC220V",
                             "address": "%s", "phone": "13812345678", "unitCode": "%s"}
                            """.formatted(number, name, address, station)))
                    .andExpect(status().isCreated());
            numbers.add(number);
        }
    }

    @Test
    void aPageIsTheFirstMatchesInNumberOrderAcrossEveryAlternative() {
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            repository.searchByNumber(CustomerFilter.text(tag), DataScope.unrestricted(), offset, 3, offset + 3)
                    .items().forEach(c -> seen.add(c.number()));
        }
        assertThat(seen).containsExactlyElementsOf(numbers);
    }

    @Test
    void theTotalIsExactUpToTheCapAndAtLeastBeyondIt() {
        var filter = CustomerFilter.text(tag);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 0, 2, 4).total()).isEqualTo(4);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 2, 2, 6).total()).isEqualTo(6);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 4, 2, 8).total()).isEqualTo(7);
        assertThat(repository.searchByNumber(filter, DataScope.unrestricted(), 8, 2, 10).items()).isEmpty();
    }

    @Test
    void theApiPagesThroughASearchWithoutADeadEnd() throws Exception {
        JsonNode first = page(0);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("total").asLong()).isEqualTo(7);
        assertThat(page(3).get("items")).hasSize(1);
        assertThat(page(3).get("total").asLong()).isEqualTo(7);
        // past the end: no items, and the total still says how many there are
        JsonNode beyond = page(5);
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(7);
    }

    private JsonNode page(int page) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/customers").param("q", tag).param("size", "2")
                        .param("page", String.valueOf(page)).with(httpBasic("admin", TestDatabase.ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
