package io.longhaul.drivers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden device outputs under src/test/resources/fixtures/<dialect>/<command>.txt. */
public final class Fixtures {
  private Fixtures() {}

  public static String read(String path) {
    try (var in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
