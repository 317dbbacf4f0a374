package io.longhaul.contracts.vocabulary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every enum of the run vocabulary, and the portal's TypeScript rendering of them. The ops-ui build
 * runs {@link #main} before it compiles, so the portal's types are never a hand-kept copy: a term
 * renamed here breaks the portal's compile, not its behaviour.
 */
public final class Vocabulary {
  public static final List<Class<? extends Term>> TERMS =
      List.of(RunStatus.class, StepEventKind.class, DecisionKind.class, OperatorAction.class);

  private Vocabulary() {}

  /** {@code RunStatus} → "run status", for messages. */
  static String nameOf(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** The spelled values of {@code type}, in declaration order. */
  public static List<String> values(Class<? extends Term> type) {
    return Arrays.stream(type.getEnumConstants()).map(Term::value).toList();
  }

  /** vocabulary.ts: a const array and a union type per enum, and the groups the portal uses. */
  public static String typeScript() {
    StringBuilder ts = new StringBuilder();
    ts.append("// Generated from contracts/io/longhaul/contracts/vocabulary by the ops-ui build")
        .append(" (Vocabulary.main); do not edit.\n");
    for (Class<? extends Term> type : TERMS) {
      String name = type.getSimpleName();
      ts.append("\nexport const ")
          .append(constant(name))
          .append(" = ")
          .append(array(values(type).stream()))
          .append(" as const;\n")
          .append("export type ")
          .append(name)
          .append(" = (typeof ")
          .append(constant(name))
          .append(")[number];\n");
    }
    group(ts, "ENDED_RUN_STATUSES", "RunStatus", RunStatus.values(), RunStatus::ended);
    group(ts, "RERUNNABLE_RUN_STATUSES", "RunStatus", RunStatus.values(), RunStatus::rerunnable);
    group(
        ts, "STEP_ENDING_KINDS", "StepEventKind", StepEventKind.values(), StepEventKind::endsStep);
    group(
        ts,
        "COMPENSATION_KINDS",
        "StepEventKind",
        StepEventKind.values(),
        StepEventKind::compensation);
    ts.append("\nexport const SITE_CODE_PATTERN = ").append(quote(SiteCode.PATTERN)).append(";\n");
    return ts.toString();
  }

  /** Writes {@link #typeScript()} to the file named by the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: Vocabulary <path of vocabulary.ts>");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, typeScript(), StandardCharsets.UTF_8);
  }

  private static <E extends Term> void group(
      StringBuilder ts, String constant, String type, E[] all, Predicate<E> member) {
    ts.append("\nexport const ")
        .append(constant)
        .append(": readonly ")
        .append(type)
        .append("[] = ")
        .append(array(Arrays.stream(all).filter(member).map(Term::value)))
        .append(";\n");
  }

  private static String constant(String typeName) {
    String snake = typeName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    return snake.endsWith("S") ? snake + "ES" : snake + "S";
  }

  private static String array(Stream<String> values) {
    return values.map(Vocabulary::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
