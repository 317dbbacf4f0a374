package io.longhaul.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.dsl.model.RunbookCallStep;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus: every runbook under {@code corpus/invalid} is refused with exactly the problems its
 * {@code .expected} file lists (line:column: message, one a line), and every one under {@code
 * corpus/valid} compiles, survives the JSON a run pins, and has nothing to say against it.
 */
@DisplayName("The runbook corpus")
class CorpusTest {
  static Path dir(String name) {
    try {
      return Path.of(CorpusTest.class.getClassLoader().getResource("corpus/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> yaml(String name) throws IOException {
    return Files.list(dir(name)).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  static Stream<Path> invalid() throws IOException {
    return yaml("invalid");
  }

  static Stream<Path> valid() throws IOException {
    return yaml("valid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  @DisplayName("an invalid runbook gets exactly its expected problems")
  void invalid(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> problems = TestCatalogs.problems(name, Files.readString(file));
    Path expected = file.resolveSibling(name.replace(".yaml", ".expected"));
    assertThat(expected).as("%s has an .expected file", name).exists();
    assertThat(problems).isNotEmpty().containsExactlyElementsOf(Files.readAllLines(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  @DisplayName("a valid runbook compiles and round-trips through the JSON a run pins")
  void valid(Path file) throws IOException {
    var compiled =
        RunbookCompiler.compile(
            file.getFileName().toString(), Files.readString(file), TestCatalogs.CATALOGS);
    assertThat(compiled.problems()).isEmpty();
    assertThat(RunbookJson.read(RunbookJson.write(compiled.runbook())))
        .isEqualTo(compiled.runbook());
  }

  @Test
  @DisplayName("a called runbook is pinned, definition and version, into its caller")
  void pinsChildren() throws IOException {
    var rb =
        RunbookCompiler.compile(
                "all-kinds.yaml",
                Files.readString(dir("valid").resolve("all-kinds.yaml")),
                TestCatalogs.CATALOGS)
            .runbook();
    RunbookCallStep call = (RunbookCallStep) rb.steps().getLast();
    assertThat(call.version()).isEqualTo(2);
    assertThat(call.definition()).isEqualTo(TestCatalogs.PROBE_ONE);
  }

  @Test
  @DisplayName("the corpus holds at least thirty invalid runbooks")
  void size() throws IOException {
    assertThat(invalid().count()).isGreaterThanOrEqualTo(30);
  }
}
