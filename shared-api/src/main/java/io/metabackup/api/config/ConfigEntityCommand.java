package io.metabackup.api.config;

import java.util.UUID;

/** A command for one configuration entity, named by its id: what the command bus routes it to. */
public interface ConfigEntityCommand {

    UUID id();
}
