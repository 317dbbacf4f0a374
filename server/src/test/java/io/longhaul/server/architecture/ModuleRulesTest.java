package io.longhaul.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The module dependency rules of docs/architecture.md, checked on the compiled classes. */
@DisplayName("Module boundaries")
class ModuleRulesTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Under `verify` other modules' test classes arrive as test jars, which the
            // predefined option (test-classes folders) does not see.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.longhaul");
  }

  @Test
  @DisplayName("see the classes of every module with code, so no rule passes vacuously")
  void importsEveryModule() {
    for (String module :
        List.of(
            "contracts",
            "dsl",
            "db",
            "drivers",
            "activities",
            "workflows",
            "workers",
            "api",
            "lab",
            "server")) {
      assertThat(classes.that(resideInAPackage("io.longhaul." + module + "..")))
          .as(module)
          .isNotEmpty();
    }
  }

  static void mayOnlyUse(String module, String... allowed) {
    String[] others =
        java.util.stream.Stream.of(
                "contracts",
                "dsl",
                "db",
                "drivers",
                "activities",
                "workflows",
                "workers",
                "api",
                "lab",
                "server")
            .filter(m -> !m.equals(module) && !java.util.List.of(allowed).contains(m))
            .map(m -> "io.longhaul." + m + "..")
            .toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage("io.longhaul." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .check(classes);
  }

  @Test
  @DisplayName("contracts depend on no other module")
  void contracts() {
    mayOnlyUse("contracts");
  }

  @Test
  @DisplayName("the DSL depends on no other module, nor on Temporal or Spring")
  void dsl() {
    mayOnlyUse("dsl");
    noClasses()
        .that()
        .resideInAPackage("io.longhaul.dsl..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.temporal..", "org.springframework..")
        .check(classes);
  }

  @Test
  @DisplayName("db and drivers depend on no other module but the run vocabulary")
  void leaves() {
    mayOnlyUse("db", "contracts");
    noClasses()
        .that()
        .resideInAPackage("io.longhaul.db..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.longhaul.contracts..")
                .and(not(resideInAPackage("io.longhaul.contracts.vocabulary.."))))
        .check(classes);
    mayOnlyUse("drivers");
  }

  @Test
  @DisplayName("the lab is a stand-in for the world, not for the code")
  void lab() {
    mayOnlyUse("lab");
  }

  @Test
  @DisplayName("workflows use only contracts and the DSL, and touch no I/O")
  void workflows() {
    mayOnlyUse("workflows", "contracts", "dsl");
    noClasses()
        .that()
        .resideInAPackage("io.longhaul.workflows..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.sql..", "java.io..", "org.springframework..")
        .check(classes);
  }

  @Test
  @DisplayName("an operation's workflows and activities use no other operation's, only common ones")
  void operationsAreIndependent() {
    slices()
        .matching("io.longhaul.workflows.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage("io.longhaul.workflows.common.."))
        .check(classes);
    // In activities, control, run and window are the platform's: the journal's bookkeeping, run
    // records, window rules.
    slices()
        .matching("io.longhaul.activities.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            alwaysTrue(),
            resideInAnyPackage(
                "io.longhaul.activities.control..",
                "io.longhaul.activities.run..",
                "io.longhaul.activities.window.."))
        .check(classes);
  }

  @Test
  @DisplayName("activities join contracts, drivers and db")
  void activities() {
    mayOnlyUse("activities", "contracts", "drivers", "db");
  }

  @Test
  @DisplayName("activities raise Temporal failures only through Failures, which knows retryability")
  void failuresInOnePlace() {
    noClasses()
        .that()
        .resideInAPackage("io.longhaul.activities..")
        .and()
        .doNotHaveFullyQualifiedName("io.longhaul.activities.Failures")
        .should()
        .callMethodWhere(
            target(owner(assignableTo(ApplicationFailure.class)))
                .and(target(nameMatching("new(NonRetryable)?Failure.*"))))
        .check(classes);
  }

  @Test
  @DisplayName(
      "secrets are revealed only by DeviceAccess, which checks the credential's scope first")
  void secretsRevealedInOnePlace() {
    // The lab's loader compares the lab's own secrets; nothing else may open one (discovery's
    // LLDP read once revealed an SNMP community without the scope check).
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("io.longhaul.activities.DeviceAccess")
        .and()
        .doNotHaveFullyQualifiedName("io.longhaul.server.lab.LabInventoryLoader")
        .should()
        .callMethodWhere(
            target(owner(assignableTo(io.longhaul.db.credential.CredentialRepository.class)))
                .and(target(nameMatching("reveal"))))
        .check(classes);
  }

  @Test
  @DisplayName("the API starts workflows through contracts only")
  void api() {
    mayOnlyUse("api", "contracts", "dsl", "db");
  }

  @Test
  @DisplayName("workers join workflows and activities")
  void workers() {
    mayOnlyUse("workers", "workflows", "activities", "contracts", "dsl", "db", "drivers");
  }
}
