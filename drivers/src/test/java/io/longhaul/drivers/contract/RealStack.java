package io.longhaul.drivers.contract;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real components on loopback (src/test/realstack/stack.sh), started once per test JVM and
 * stopped at its end. Where they cannot run (not root, packages missing) the real-stack tests are
 * skipped with the reason — or fail, when {@code LONGHAUL_REAL_STACK=required} says they must run
 * (./longhaul test sets it once it has installed the packages).
 */
public final class RealStack {
  private RealStack() {}

  static final Path SCRIPT = Path.of("src/test/realstack/stack.sh").toAbsolutePath();
  static final Path DIR = Path.of("target/realstack").toAbsolutePath();

  private static volatile RealStack.Started started;
  private static String unavailable;

  /** What {@link #require()} started: the SSH port, the files, the versions it reports. */
  public record Started(int sshPort, Path dir, String versions) {
    public Path ssh(String file) {
      return dir.resolve("ssh").resolve(file);
    }
  }

  /** The started stack; aborts (or fails, when required) the calling test when it cannot run. */
  public static synchronized Started require() {
    if (started == null && unavailable == null) {
      start();
    }
    if (unavailable != null) {
      if ("required".equals(System.getenv("LONGHAUL_REAL_STACK"))) {
        Assertions.fail("the real stack is required but unavailable: " + unavailable);
      }
      Assumptions.abort("real stack unavailable, skipped: " + unavailable);
    }
    return started;
  }

  /** Runs the stack script; its output when it fails. */
  static String script(String... args) {
    var command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    Run r = run(command, 120);
    if (r.exit != 0) {
      throw new IllegalStateException("stack.sh " + String.join(" ", args) + ": " + r.output);
    }
    return r.output;
  }

  private static void start() {
    Run check = run(List.of("sh", SCRIPT.toString(), "check"), 30);
    if (check.exit != 0) {
      unavailable =
          check.output.strip()
              + " (./longhaul test installs openssh-server, libvirt-daemon-system,"
              + " qemu-system-x86, openvswitch-switch and snmpsim as root on Debian)";
      return;
    }
    try {
      Files.createDirectories(DIR);
      int port = freePort();
      script("start", DIR.toString(), String.valueOf(port));
      String versions =
          Files.readAllLines(DIR.resolve("env")).stream()
              .filter(l -> l.startsWith("VERSIONS="))
              .map(l -> l.substring("VERSIONS=".length()))
              .findFirst()
              .orElse("?");
      System.out.println("real stack: " + versions);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> run(List.of("sh", SCRIPT.toString(), "stop", DIR.toString()), 60)));
      started = new Started(port, DIR, versions);
    } catch (IOException | RuntimeException e) {
      unavailable = "could not start: " + e.getMessage();
    }
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> command, int seconds) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(-1, String.join(" ", command) + ": no end within " + seconds + " s");
      }
      return new Run(
          p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Run(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Run(-1, "interrupted");
    }
  }
}
