package io.longhaul.drivers.transport.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The authorization a cluster API expects, from a credential the caller revealed. {@link
 * #toString()} never shows a secret, and the header value is computed only when a request is sent.
 */
public sealed interface HttpAuth {

  /** The {@code Authorization} header value, or null for none. */
  String header();

  /** No authorization header (an API that authenticates by network or client certificate). */
  record None() implements HttpAuth {
    @Override
    public String header() {
      return null;
    }
  }

  /** {@code Authorization: Bearer <token>}. */
  record Bearer(String token) implements HttpAuth {
    public Bearer {
      Objects.requireNonNull(token, "token");
      if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException("a bearer token is printable ASCII without spaces");
      }
    }

    @Override
    public String header() {
      return "Bearer " + token;
    }

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }

  /** {@code Authorization: Basic base64(user:password)}. */
  record Basic(String username, String password) implements HttpAuth {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.contains(":")) {
        throw new IllegalArgumentException("a Basic username cannot contain ':'");
      }
    }

    @Override
    public String header() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=***]";
    }
  }
}
