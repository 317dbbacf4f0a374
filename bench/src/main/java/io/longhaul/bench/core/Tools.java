package io.longhaul.bench.core;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** External programs the baselines run. */
public final class Tools {
  private Tools() {}

  /** The program's path on PATH, if installed. */
  public static Optional<Path> find(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** What a finished program did. */
  public record Outcome(int exitCode, String stdout, String stderr) {}

  /** Runs a program to completion; stdout and stderr are captured, never inherited. */
  public static Outcome run(List<String> command, Path workDir, Map<String, String> env)
      throws IOException, InterruptedException {
    var pb = new ProcessBuilder(command);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    pb.environment().putAll(env);
    Path err = Files.createTempFile("bench-stderr", ".txt");
    try {
      pb.redirectError(err.toFile());
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = p.waitFor();
      return new Outcome(code, out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** The first line of {@code program --version}, for the report. */
  public static String version(String program) {
    try {
      Outcome o = run(List.of(program, "--version"), null, Map.of());
      String text = o.stdout().isBlank() ? o.stderr() : o.stdout();
      return text.lines().findFirst().orElse("").strip();
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }
}
