package io.longhaul.server.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 256-bit key from configuration (base64) in production; for a first local start, generated into
 * a file only its owner can read, so what it protects survives restarts without a hand step.
 */
final class KeyFiles {
  private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

  private KeyFiles() {}

  static byte[] configuredOrFile(String configured, Path file, String purpose) {
    if (configured != null && !configured.isBlank()) {
      return Base64.getDecoder().decode(configured.trim());
    }
    return readOrCreate(file, purpose);
  }

  static byte[] readOrCreate(Path file, String purpose) {
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.createFile(
          file,
          PosixFilePermissions.asFileAttribute(
              EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
      Files.writeString(file, Base64.getEncoder().encodeToString(key));
      log.info("generated the {} in {}; keep it with the database backups", purpose, file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the " + purpose + " " + file, e);
    }
  }
}
