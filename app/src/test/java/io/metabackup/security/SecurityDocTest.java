package io.metabackup.security;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.config.Permission;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/security.md names every permission of the catalogue, as the enum describes it, and every audit action. */
class SecurityDocTest {

    private static final Pattern PERMISSION_ROW = Pattern.compile("^\\| `([a-z-]+:[a-z-]+)` \\| (.+) \\|$",
            Pattern.MULTILINE);

    private final String doc = read(Path.of("..", "docs", "security.md"));

    @Test
    void thePermissionTableIsTheCatalogue() {
        List<String> rows = PERMISSION_ROW.matcher(doc).results().map(m -> m.group(1) + " = " + m.group(2)).toList();
        List<String> catalogue = Arrays.stream(Permission.values()).map(p -> p.code() + " = " + p.description())
                .toList();
        assertThat(rows).containsExactlyElementsOf(catalogue);
    }

    @Test
    void everyAuditActionIsDocumented() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(doc).contains("`" + action.name() + "`");
        }
    }

    @Test
    void theAdministratorDefinitionIsTheOneEnforced() {
        Matcher definition = Pattern.compile("holds, through its groups, all of (.+?) \\(`Permission.ADMINISTRATION`\\)",
                Pattern.DOTALL).matcher(doc);
        assertThat(definition.find()).isTrue();
        List<String> named = Pattern.compile("`([a-z]+:[a-z]+)`").matcher(definition.group(1)).results()
                .map(m -> m.group(1)).toList();
        assertThat(named).containsExactlyInAnyOrderElementsOf(Permission.administrationCodes());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }
}
