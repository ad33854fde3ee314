package io.metabackup.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.query.history.HistoryEntry;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/** History entries as RFC 4180 CSV: one line per change, the field changes as a JSON cell. */
final class HistoryCsv {

    static final List<String> HEADER = List.of("position", "time", "actorId", "actorName", "source", "requestId",
            "restoreId", "type", "entityId", "entityName", "version", "action", "revertedToVersion", "changes");

    private final Writer out;
    private final ObjectMapper json;

    HistoryCsv(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void header() throws IOException {
        line(HEADER);
    }

    void write(HistoryEntry entry) throws IOException {
        line(List.of(String.valueOf(entry.position()), entry.time().toString(), text(entry.actorId()),
                text(entry.actorName()), text(entry.source()), text(entry.requestId()), text(entry.restoreId()),
                entry.type(), entry.entityId().toString(), text(entry.entityName()), String.valueOf(entry.version()),
                entry.action().name(), text(entry.revertedToVersion()), changes(entry)));
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** Quotes a cell that holds a separator, a quote or a line break, doubling the quotes inside. */
    static String escape(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private String changes(HistoryEntry entry) {
        try {
            return json.writeValueAsString(entry.changes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write changes", e);
        }
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
