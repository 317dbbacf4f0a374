package io.longhaul.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.contracts.vocabulary.SiteCode;
import io.longhaul.contracts.vocabulary.StepEventKind;
import io.longhaul.contracts.vocabulary.Vocabulary;
import io.longhaul.db.testing.TestDatabase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The run vocabulary in contracts against the check constraints of a migrated database, read back
 * from pg_constraint: a migration that changes one without the other fails here.
 */
@DisplayName("The database's check constraints")
class VocabularyConstraintsTest {
  static DSLContext db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.dsl();
  }

  @Test
  @DisplayName("allow exactly the run statuses of RunStatus")
  void runStatuses() {
    assertThat(quoted(check("run", "run_status_check")))
        .containsExactlyInAnyOrderElementsOf(Vocabulary.values(RunStatus.class));
  }

  @Test
  @DisplayName("leave ended_at empty for exactly the live statuses")
  void liveStatuses() {
    assertThat(quoted(check("run", "run_ended_check")))
        .containsExactlyInAnyOrderElementsOf(RunStatus.liveValues());
  }

  @Test
  @DisplayName("allow exactly the step-event kinds of StepEventKind")
  void stepEventKinds() {
    assertThat(quoted(check("run_event", "run_event_kind_check")))
        .containsExactlyInAnyOrderElementsOf(Vocabulary.values(StepEventKind.class));
  }

  @Test
  @DisplayName("hold site codes to SiteCode.PATTERN")
  void siteCode() {
    Matcher m = Pattern.compile("code ~ '([^']*)'").matcher(check("site", "site_code_check"));
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isEqualTo(SiteCode.PATTERN);
  }

  private static String check(String table, String name) {
    String def =
        db.fetchOptional(
                "select pg_get_constraintdef(c.oid) from pg_constraint c"
                    + " join pg_class t on t.oid = c.conrelid"
                    + " where t.relname = ? and c.conname = ? and c.contype = 'c'",
                table,
                name)
            .map(r -> r.get(0, String.class))
            .orElse(null);
    assertThat(def).as(table + "." + name).isNotNull();
    return def;
  }

  /** The string literals of a constraint: {@code ARRAY['a'::text, 'b'::text]} gives a, b. */
  private static List<String> quoted(String definition) {
    return Pattern.compile("'([^']*)'::text")
        .matcher(definition)
        .results()
        .map(r -> r.group(1))
        .toList();
  }
}
