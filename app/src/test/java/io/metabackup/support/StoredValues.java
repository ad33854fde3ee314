package io.metabackup.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Every value in every table of the schema, as text (byte columns also as hex), for tests that hunt for leaks. */
public final class StoredValues {

    private StoredValues() {
    }

    public static List<String> everyValueInEveryTable(JdbcTemplate jdbc) {
        List<String> values = new ArrayList<>();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class)) {
            jdbc.query("select * from " + table, rs -> {
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    Object value = rs.getObject(column);
                    if (value instanceof byte[] bytes) {
                        values.add(new String(bytes, StandardCharsets.UTF_8));
                        values.add(HexFormat.of().formatHex(bytes));
                    } else if (value != null) {
                        values.add(value.toString());
                    }
                }
            });
        }
        return values;
    }
}
