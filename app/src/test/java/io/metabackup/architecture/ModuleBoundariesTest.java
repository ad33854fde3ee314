package io.metabackup.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The arrows of the module picture only point down: app -> command-side, query-side -> shared-api. */
class ModuleBoundariesTest {

    private static final String SHARED_API = "io.metabackup.api..";
    private static final String COMMAND_SIDE = "io.metabackup.command..";
    private static final String QUERY_SIDE = "io.metabackup.query..";
    private static final DescribedPredicate<JavaClass> APP = resideInAPackage("io.metabackup..")
            .and(resideOutsideOfPackages(SHARED_API, COMMAND_SIDE, QUERY_SIDE)).as("the app module");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.metabackup");

    @Test
    void commandSideDoesNotKnowTheQuerySideOrTheApp() {
        noClasses().that().resideInAPackage(COMMAND_SIDE)
                .should().dependOnClassesThat().resideInAPackage(QUERY_SIDE)
                .orShould().dependOnClassesThat(APP)
                .check(classes);
    }

    @Test
    void querySideDoesNotKnowTheCommandSideOrTheApp() {
        noClasses().that().resideInAPackage(QUERY_SIDE)
                .should().dependOnClassesThat().resideInAPackage(COMMAND_SIDE)
                .orShould().dependOnClassesThat(APP)
                .check(classes);
    }

    @Test
    void sharedApiDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(SHARED_API)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE)
                .orShould().dependOnClassesThat(APP)
                .check(classes);
    }

    /** Guards the rules above against passing on an empty import. */
    @Test
    void everyModuleIsImported() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("io.metabackup.command"))
                .anyMatch(p -> p.startsWith("io.metabackup.query"))
                .anyMatch(p -> p.startsWith("io.metabackup.api"));
    }
}
