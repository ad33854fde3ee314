package io.metabackup.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.query.history.HistoryEntry;
import io.metabackup.query.history.HistoryFilter;
import io.metabackup.query.history.HistoryQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Audit export of history as CSV or JSON. Rows stream from the database to the client in batches, so a history of
 * any length is exported without being held in memory.
 */
@RestController
class HistoryExportController {

    private final HistoryQueries history;
    private final ObjectMapper json;
    private final TransactionTemplate readOnly;

    HistoryExportController(HistoryQueries history, ObjectMapper json, PlatformTransactionManager transactions) {
        this.history = history;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/api/history/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "json") String format,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(required = false) String id,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String source,
                                                 @RequestParam(required = false) String action,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        HistoryFilter filter = HistoryParams.filter(type, id, actor, source, action, from, to);
        return switch (format) {
            case "csv" -> download("history.csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                    out -> csv(filter, out));
            case "json" -> download("history.json", MediaType.APPLICATION_JSON, out -> json(filter, out));
            default -> throw new DomainException(ErrorCode.VALIDATION_FAILED, "format must be csv or json");
        };
    }

    private void csv(HistoryFilter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        HistoryCsv csv = new HistoryCsv(writer, json);
        csv.header();
        inReadOnlyTransaction(() -> history.stream(filter, entry -> unchecked(() -> csv.write(entry))));
        writer.flush();
    }

    private void json(HistoryFilter filter, OutputStream out) throws IOException {
        // flushing after every entry would send each one as its own chunk
        ObjectWriter entries = json.writerFor(HistoryEntry.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartArray();
            inReadOnlyTransaction(() -> history.stream(filter, entry -> unchecked(() -> entries.writeValue(generator,
                    entry))));
            generator.writeEndArray();
        }
    }

    /** PostgreSQL only fetches rows in batches inside a transaction; without one it would load them all. */
    private void inReadOnlyTransaction(Runnable work) {
        readOnly.executeWithoutResult(status -> work.run());
    }

    private static ResponseEntity<StreamingResponseBody> download(String fileName, MediaType type,
                                                                  StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
