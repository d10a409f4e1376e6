package org.gridcare.customer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.gridcare.Fixtures;
import org.gridcare.GridCareTest;
import org.gridcare.TestDatabase;
import org.gridcare.identity.Role;
import org.gridcare.organisation.OrgUnitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GridCareTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerImportExportTests {

    static final String HEADER = "number,name,kind,voltageLevel,address,phone,idNumber,tariffCode,capacityKva,unitCode,flags\n";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    final RequestPostProcessor admin = httpBasic("admin", TestDatabase.ADMIN_PASSWORD);
    String station;
    String other;
    String manager;
    String supervisor;

    @BeforeAll
    void organisation() {
        station = Fixtures.unique("SI");
        other = Fixtures.unique("SO");
        fixtures.unit(station, OrgUnitKind.SUPPLY_STATION, "HQ");
        fixtures.unit(other, OrgUnitKind.SUPPLY_STATION, "HQ");
        manager = Fixtures.unique("mgr");
        supervisor = Fixtures.unique("sup");
        fixtures.user(manager, station, Role.MANAGER);
        fixtures.user(supervisor, station, Role.SUPERVISOR);
    }

    static String prefix() {
        return "55" + String.format("%07d", Math.abs(System.nanoTime() % 10_000_000L));
    }

    MvcResult upload(String csv, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/api/v1/customers/import")
                .file(new MockMultipartFile("file", "customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(who)).andReturn();
    }

    long countWithPrefix(String prefix) {
        return jdbc.sql("select count(*) from customer where number like :p").param("p", prefix + "%")
                .query(Long.class).single();
    }

    @Test
    void validFileInsertsAndThenUpdates() throws Exception {
        String p = prefix();
        String csv = HEADER
                + p + "01,张三,RESIDENTIAL,AC220V,杭州市西湖区文一路1号,13800000001,,RES-TIER,8,%s,VULNERABLE\n".formatted(station)
                + p + "02,\"杭州某厂, 有限公司\",LARGE_INDUSTRY,AC10KV,杭州市萧山区经济开发区建设一路2号,0571-88001234;13900000002,91330100MA2B3C4D5E,LI-2PART,1250.5,%s,IMPORTANT|SENSITIVE\n".formatted(station)
                + p + "03,李四,agriculture,AC380V,杭州市富阳区新登镇3号,13800000003,,,,%s,\n".formatted(station);
        MvcResult result = upload(csv, httpBasic(manager, Fixtures.PASSWORD));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(result.getResponse().getContentAsString(), "$.inserted")).isEqualTo(3);
        assertThat(countWithPrefix(p)).isEqualTo(3);
        mvc.perform(get("/api/v1/customers/{n}?unmask=true", p + "02").with(admin))
                .andExpect(jsonPath("$.name").value("杭州某厂, 有限公司"))
                .andExpect(jsonPath("$.phones.length()").value(2))
                .andExpect(jsonPath("$.phone").value("057188001234"))
                .andExpect(jsonPath("$.capacityKva").value(1250.5))
                .andExpect(jsonPath("$.flags.length()").value(2));

        String again = HEADER + p + "03,李四（改）,AGRICULTURE,AC380V,杭州市富阳区新登镇3号,13800000003,,,,%s,\n".formatted(station)
                + p + "04,王五,COMMERCIAL,AC380V,杭州市富阳区新登镇4号,13800000004,,,,%s,\n".formatted(station);
        result = upload("\uFEFF" + again, httpBasic(manager, Fixtures.PASSWORD));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(result.getResponse().getContentAsString(), "$.inserted")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(result.getResponse().getContentAsString(), "$.updated")).isEqualTo(1);
        mvc.perform(get("/api/v1/customers/{n}", p + "03").with(admin))
                .andExpect(jsonPath("$.name").value("李四（改）")).andExpect(jsonPath("$.version").value(1));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CUSTOMER_IMPORTED' and summary like '2 rows%'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void anImportTellsOtherModulesWhatTheApiWouldTell() throws Exception {
        String p = prefix();
        String csv = HEADER + p + "11,赵六,RESIDENTIAL,AC220V,杭州市西湖区文二路11号,13800000011,,,,%s,\n".formatted(station)
                + p + "12,钱七,RESIDENTIAL,AC220V,杭州市西湖区文二路12号,13800000012,,,,%s,\n".formatted(station);
        assertThat(upload(csv, httpBasic(manager, Fixtures.PASSWORD)).getResponse().getStatus()).isEqualTo(200);
        assertThat(events.stream(CustomerRegistered.class).map(CustomerRegistered::number))
                .containsExactlyInAnyOrder(p + "11", p + "12");

        events.clear();
        String again = HEADER + p + "11,赵六,RESIDENTIAL,AC220V,杭州市西湖区文二路11号,13800000011,,,,%s,\n".formatted(station)
                + p + "12,钱七,RESIDENTIAL,AC220V,杭州市西湖区文二路99号,13800000099,,,,%s,\n".formatted(station);
        assertThat(upload(again, httpBasic(manager, Fixtures.PASSWORD)).getResponse().getStatus()).isEqualTo(200);
        // the unchanged row tells nothing; the changed one names its changed fields, never their values
        assertThat(events.stream(CustomerRegistered.class)).isEmpty();
        assertThat(events.stream(CustomerChanged.class).toList()).singleElement().satisfies(changed -> {
            assertThat(changed.number()).isEqualTo(p + "12");
            assertThat(changed.fields()).containsExactlyInAnyOrder("address", "phone");
        });
    }

    @Test
    void fileWithMalformedRowsIsRejectedWithAPerRowReportAndNothingIsSaved() throws Exception {
        String p = prefix();
        String csv = HEADER
                + p + "01,张三,RESIDENTIAL,AC220V,杭州市西湖区文一路1号,13800000001,,,,%s,\n".formatted(station)
                + "12AB,李四,RESIDENTIAL,AC220V,杭州市西湖区文一路2号,13800000002,,,,%s,\n".formatted(station)
                + p + "03,王五,RESIDENTIAL,AC220V,杭州市西湖区文一路3号,13800000003,,,,NO-SUCH-UNIT,\n"
                + p + "04,赵六,HOUSEHOLD,AC220V,杭州市西湖区文一路4号,13800000004,,,,%s,\n".formatted(station)
                + p + "05,孙七,RESIDENTIAL,AC220V\n"
                + p + "01,张三重复,RESIDENTIAL,AC220V,杭州市西湖区文一路1号,13800000001,,,,%s,\n".formatted(station)
                + p + "07,周八,RESIDENTIAL,AC220V,杭州市西湖区文一路7号,13800000007,,,12kVA,%s,VIP\n".formatted(station);
        MvcResult result = upload(csv, admin);
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String body = result.getResponse().getContentAsString();
        List<Integer> rows = JsonPath.read(body, "$.errors[*].row");
        List<String> fields = JsonPath.read(body, "$.errors[*].field");
        assertThat(rows).contains(3, 4, 5, 6, 7, 8).doesNotContain(2);
        assertThat(JsonPath.<List<String>>read(body, "$.errors[?(@.row == 3)].field")).containsExactly("number");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[?(@.row == 4)].field")).containsExactly("unitCode");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[?(@.row == 5)].field")).containsExactly("kind");
        assertThat(JsonPath.<List<Object>>read(body, "$.errors[?(@.row == 6)].field")).containsExactly((Object) null);
        assertThat(JsonPath.<List<String>>read(body, "$.errors[?(@.row == 7)].field")).containsExactly("number");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[?(@.row == 8)].field")).contains("capacityKva", "flags");
        assertThat(fields).isNotEmpty();
        assertThat(JsonPath.<String>read(body, "$.errors[0].message")).isNotBlank();
        assertThat(countWithPrefix(p)).isZero();
    }

    @Test
    void brokenFilesAreReportedNeverAServerError() throws Exception {
        String p = prefix();
        MvcResult unclosed = upload(HEADER + p + "01,\"张三,RESIDENTIAL,AC220V,地址,13800000001,,,,%s,\n".formatted(station), admin);
        assertThat(unclosed.getResponse().getStatus()).isEqualTo(422);
        MvcResult badHeader = upload("number,name,colour\n1234567890,x,red\n", admin);
        assertThat(badHeader.getResponse().getStatus()).isEqualTo(422);
        assertThat(JsonPath.<List<String>>read(badHeader.getResponse().getContentAsString(), "$.errors[*].field"))
                .contains("colour", "kind", "unitCode");
        MvcResult empty = upload(HEADER, admin);
        assertThat(empty.getResponse().getStatus()).isEqualTo(422);
        MvcResult latin1 = mvc.perform(multipart("/api/v1/customers/import").file(new MockMultipartFile("file", "x.csv",
                "text/csv", (HEADER + p + "02,张三,RESIDENTIAL,AC220V,地址路1号,13800000001,,,,%s,\n".formatted(station))
                        .getBytes(java.nio.charset.Charset.forName("GBK")))).with(admin)).andReturn();
        assertThat(latin1.getResponse().getStatus()).isEqualTo(422);
        assertThat(countWithPrefix(p)).isZero();
        MvcResult noFile = mvc.perform(multipart("/api/v1/customers/import").with(admin)).andReturn();
        assertThat(noFile.getResponse().getStatus()).isEqualTo(400);
        // the number exists under a unit outside the importer's scope: reported, not moved
        String taken = p + "09";
        upload(HEADER + taken + ",甲,RESIDENTIAL,AC220V,某路1号,13800000009,,,,%s,\n".formatted(other), admin);
        MvcResult outOfScope = upload(HEADER + taken + ",乙,RESIDENTIAL,AC220V,某路1号,13800000009,,,,%s,\n"
                .formatted(station), httpBasic(manager, Fixtures.PASSWORD));
        assertThat(outOfScope.getResponse().getStatus()).isEqualTo(422);
        mvc.perform(get("/api/v1/customers/{n}", taken).with(admin)).andExpect(jsonPath("$.name").value("甲"));
        mvc.perform(multipart("/api/v1/customers/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                HEADER.getBytes())).with(httpBasic(supervisor, Fixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void exportWritesTheFilteredCustomersMaskedUnlessAskedAndPermitted() throws Exception {
        String p = prefix();
        upload(HEADER
                + p + "01,张三,RESIDENTIAL,AC220V,杭州市西湖区文一路1号,13812345678,330106195501011234,,,%s,VULNERABLE\n".formatted(station)
                + p + "02,李四,COMMERCIAL,AC380V,杭州市西湖区文二路2号,13900000002,,,,%s,\n".formatted(station), admin);
        MvcResult csv = mvc.perform(get("/api/v1/customers/export").param("format", "csv").param("q", p)
                .with(httpBasic(supervisor, Fixtures.PASSWORD))).andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".csv");
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + HEADER.replace("\n", "\r\n"));
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo(p + "01,张三,RESIDENTIAL,AC220V,杭州市西湖区文一路****,138****5678,330***********1234,,," + station + ",VULNERABLE");
        assertThat(lines.get(2)).startsWith(p + "02,李四,COMMERCIAL");

        MvcResult unmasked = mvc.perform(get("/api/v1/customers/export").param("q", p).param("unmask", "true")
                .param("kind", "RESIDENTIAL").with(httpBasic(supervisor, Fixtures.PASSWORD))).andExpect(status().isOk()).andReturn();
        String full = new String(unmasked.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(full.lines().toList()).hasSize(2);
        assertThat(full).contains("13812345678").contains("330106195501011234").contains("文一路1号");

        mvc.perform(get("/api/v1/customers/export").param("q", p).param("unmask", "true")
                .with(httpBasic(manager, Fixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/export").param("format", "pdf").with(admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));

        MvcResult xlsx = mvc.perform(get("/api/v1/customers/export").param("format", "xlsx").param("q", p)
                .with(admin)).andExpect(status().isOk()).andReturn();
        // the workbook opens with Apache POI and holds the masked rows
        StringBuilder xml = new StringBuilder();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> xml.append(formatter.formatCellValue(cell))
                    .append('\t')));
        }
        assertThat(xml).contains(p + "01").contains(p + "02").contains("138****5678").doesNotContain("13812345678");
    }
}
