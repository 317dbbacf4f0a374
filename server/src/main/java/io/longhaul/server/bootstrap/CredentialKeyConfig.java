package io.longhaul.server.bootstrap;

import io.longhaul.db.credential.CredentialCipher;
import io.longhaul.server.config.LonghaulProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credential key: from configuration in production; for a first local start, generated into a
 * file only its owner can read ({@link KeyFiles}).
 */
@Configuration(proxyBeanMethods = false)
public class CredentialKeyConfig {

  @Bean
  CredentialCipher credentialCipher(LonghaulProperties props) {
    var c = props.credentials();
    return new CredentialCipher(KeyFiles.configuredOrFile(c.key(), c.keyFile(), "credential key"));
  }
}
