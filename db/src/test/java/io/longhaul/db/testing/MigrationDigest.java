package io.longhaul.db.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A short digest of every migration script on the classpath: names and contents. */
final class MigrationDigest {
  private MigrationDigest() {}

  static String of(String location) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<String> names = new ArrayList<>();
      ClassLoader loader = MigrationDigest.class.getClassLoader();
      for (URL url : Collections.list(loader.getResources(location))) {
        names.addAll(list(url, location));
      }
      Collections.sort(names);
      for (String name : names) {
        sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = loader.getResourceAsStream(name)) {
          sha.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> list(URL url, String location) throws IOException {
    if ("jar".equals(url.getProtocol())) {
      var jar = ((JarURLConnection) url.openConnection()).getJarFile();
      return jar.stream()
          .map(e -> e.getName())
          .filter(n -> n.startsWith(location + "/") && n.endsWith(".sql"))
          .toList();
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .map(p -> location + "/" + p.getFileName())
          .filter(n -> n.endsWith(".sql"))
          .toList();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
