package io.metabackup.command.config;

import io.metabackup.api.config.SettingsState;
import io.metabackup.api.config.UpdateSettingsCommand;
import io.metabackup.api.restore.RestoreConfigEntityCommand;
import io.metabackup.api.restore.RestoreMode;
import io.metabackup.api.restore.RestoreNewConfigEntityCommand;
import io.metabackup.api.token.RevokeApiTokenCommand;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

class ConfigEntityTargetsTest {

    private final ConfigEntityTargets targets = new ConfigEntityTargets();

    @Test
    void aConfigurationCommandIsRoutedToTheEntityItNames() {
        UUID id = UUID.randomUUID();
        var restore = new RestoreConfigEntityCommand(id, TestStates.group("Operators"), Map.of(), Set.of(),
                RestoreMode.OVERWRITE);

        assertThat(targets.resolveTarget(asCommandMessage(new RestoreNewConfigEntityCommand(restore)))
                .getIdentifier()).isEqualTo(id.toString());
        assertThat(targets.resolveTarget(asCommandMessage(new UpdateSettingsCommand(SettingsState.defaults(), null)))
                .getIdentifier()).isEqualTo(SettingsState.ID.toString());
    }

    @Test
    void anyOtherCommandIsResolvedByItsAnnotation() {
        UUID id = UUID.randomUUID();
        assertThat(targets.resolveTarget(asCommandMessage(new RevokeApiTokenCommand(id))).getIdentifier())
                .isEqualTo(id.toString());
    }
}
