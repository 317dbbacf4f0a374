package io.longhaul.server.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the lab's host keys in the known_hosts file the drivers trust. The lab's lines sit between
 * two marker comments and are replaced whole on each start (ports change per start); any other line
 * naming one of the lab's [host]:port pairs is dropped too, so a stale key can never shadow a new
 * one. Lines of real devices are left alone.
 */
final class KnownHosts {
  static final String BEGIN = "# longhaul-lab begin (rewritten at every lab start)";
  static final String END = "# longhaul-lab end";

  private KnownHosts() {}

  static void replaceLabEntries(Path file, String labLines) {
    try {
      List<String> kept = new ArrayList<>();
      Set<String> labHosts = new HashSet<>();
      List<String> lab = labLines.lines().filter(l -> !l.isBlank()).toList();
      lab.forEach(l -> labHosts.add(l.split(" ", 2)[0]));
      if (Files.exists(file)) {
        boolean inside = false;
        for (String line : Files.readAllLines(file)) {
          if (line.equals(BEGIN)) {
            inside = true;
          } else if (line.equals(END)) {
            inside = false;
          } else if (!inside && !labHosts.contains(line.split(" ", 2)[0])) {
            kept.add(line);
          }
        }
      }
      kept.add(BEGIN);
      kept.addAll(lab);
      kept.add(END);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, kept);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update known hosts " + file, e);
    }
  }
}
