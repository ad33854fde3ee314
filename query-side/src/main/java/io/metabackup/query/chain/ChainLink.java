package io.metabackup.query.chain;

import java.util.HexFormat;

/**
 * The link of the hash chain at one stream position.
 *
 * @param link SHA-256 of the previous link and this event's canonical content, as lower-case hex
 */
public record ChainLink(long position, String link) {

    /** What the first chained event links to: no event, 32 zero bytes. */
    public static final ChainLink GENESIS = new ChainLink(0, HexFormat.of().formatHex(new byte[32]));

    byte[] bytes() {
        return HexFormat.of().parseHex(link);
    }
}
