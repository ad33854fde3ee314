package io.metabackup.restore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxDocumentSize the most a backup may decompress to; a larger one is refused ({@code TOO_LARGE}) before it
 *                        can exhaust memory, however small the file
 */
@ConfigurationProperties("metabackup.restore")
public record RestoreProperties(@DefaultValue("256MB") DataSize maxDocumentSize) {
}
