package io.longhaul.dsl;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the {@code .expected} file of each invalid runbook that has none (run with {@code
 * -Dlonghaul.corpus.write=true}); a person reads each before it is committed.
 */
class CorpusWriter {
  @Test
  @EnabledIfSystemProperty(named = "longhaul.corpus.write", matches = "true")
  void write() throws Exception {
    Path src = Path.of("src/test/resources/corpus/invalid");
    try (var files = Files.list(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Path expected = f.resolveSibling(f.getFileName().toString().replace(".yaml", ".expected"));
        if (!Files.exists(expected)) {
          var problems = TestCatalogs.problems(f.getFileName().toString(), Files.readString(f));
          org.assertj.core.api.Assertions.assertThat(problems).as(f.toString()).isNotEmpty();
          Files.write(expected, problems);
        }
      }
    }
  }
}
