package io.metabackup.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryExportIT extends IntegrationTest {

    @Test
    void historyExportsAsCsvAndJsonWithTheSameFilters() throws Exception {
        Api api = api();
        String name = Entities.unique("export, \"quoted\"\nname");
        String id = new Entities(api).create("groups", Map.of("name", name, "permissions", List.of()));
        api.put("/api/config/groups/" + id, Map.of("name", name, "permissions", List.of("jobs:read")));

        HttpResponse<String> csv = download("/api/history/export?format=csv&id=" + id);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("history.csv");
        String quotedName = "\"" + name.replace("\"", "\"\"") + "\"";
        assertThat(csv.body()).startsWith(String.join(",", HistoryCsv.HEADER) + "\r\n");
        assertThat(csv.body()).contains("," + quotedName + ",1,UPDATED,,")
                .contains("," + quotedName + ",0,CREATED,,");
        assertThat(csv.body().indexOf("UPDATED")).isLessThan(csv.body().indexOf("CREATED"));

        HttpResponse<String> json = download("/api/history/export?format=json&id=" + id + "&action=CREATED");
        JsonNode entries = new ObjectMapper().readTree(json.body());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("entityName").asText()).isEqualTo(name);
        assertThat(entries.get(0).path("position").asLong()).isPositive();

        assertThat(api.get("/api/history/export?format=xml").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void csvCellsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(HistoryCsv.escape("plain")).isEqualTo("plain");
        assertThat(HistoryCsv.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(HistoryCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(HistoryCsv.escape("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    private HttpResponse<String> download(String path) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }
}
