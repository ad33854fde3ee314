package io.metabackup.query.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The canonical content of one stored event and the chain step over it. Every column of the event row takes
 * part, each length-prefixed (-1 for null), so no two different rows can encode to the same bytes.
 */
final class EventContent {

    /** The columns, in the order they are hashed; queries select them under these names. */
    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private EventContent() {
    }

    /** The row must hold {@link #COLUMNS}. */
    static byte[] of(ResultSet row) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(row.getLong("global_index"));
            text(out, row.getString("event_identifier"));
            text(out, row.getString("aggregate_identifier"));
            out.writeLong(row.getLong("sequence_number"));
            text(out, row.getString("type"));
            text(out, row.getString("time_stamp"));
            text(out, row.getString("payload_type"));
            text(out, row.getString("payload_revision"));
            binary(out, row.getBytes("payload"));
            binary(out, row.getBytes("meta_data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ChainLink next(ChainLink previous, long position, byte[] content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.bytes());
            sha256.update(content);
            return new ChainLink(position, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        binary(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }
}
