package io.longhaul.server.bootstrap;

import io.longhaul.db.credential.CredentialCipher;
import io.longhaul.server.config.LonghaulProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credential key: from configuration in production; for a first local start, generated into a
 * file only its owner can read, so credentials survive restarts without a hand step.
 */
@Configuration(proxyBeanMethods = false)
public class CredentialKeyConfig {
  private static final Logger log = LoggerFactory.getLogger(CredentialKeyConfig.class);

  @Bean
  CredentialCipher credentialCipher(LonghaulProperties props) {
    String configured = props.credentials().key();
    if (configured != null && !configured.isBlank()) {
      return new CredentialCipher(Base64.getDecoder().decode(configured.trim()));
    }
    return new CredentialCipher(readOrCreate(props.credentials().keyFile()));
  }

  static byte[] readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.createFile(
          file,
          PosixFilePermissions.asFileAttribute(
              Set.of(
                  java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                  java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
      Files.writeString(file, Base64.getEncoder().encodeToString(key));
      log.info("generated a credential key in {}; keep it with the database backups", file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the credential key " + file, e);
    }
  }
}
