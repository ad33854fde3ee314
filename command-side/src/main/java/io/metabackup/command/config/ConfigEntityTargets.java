package io.metabackup.command.config;

import io.metabackup.api.config.ConfigEntityCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Finds the entity a configuration command is for by asking it. Axon's default searches the command's class for
 * {@code @TargetAggregateIdentifier} by reflection on every command, a cost a restore of thousands of entities
 * pays thousands of times. Versions are checked by the aggregate itself, so none is passed on.
 */
@Component(ConfigEntityTargets.NAME)
public class ConfigEntityTargets implements CommandTargetResolver {

    static final String NAME = "configEntityTargets";

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return command.getPayload() instanceof ConfigEntityCommand target
                ? new VersionedAggregateIdentifier(target.id(), null)
                : annotated.resolveTarget(command);
    }
}
