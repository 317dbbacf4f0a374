package io.longhaul.drivers.transport.http;

import io.longhaul.drivers.DeviceException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One cluster API: its base URI ({@code http} or {@code https}, no user info, query or fragment),
 * the certificates its server certificate must chain to (null: the JVM's default trust store), and
 * the authorization to send. {@code device} names it in failures. {@code address}, when set, is the
 * only address connected to (the URI's host still names the server for TLS and {@code Host}).
 */
public record HttpEndpoint(
    String device, URI baseUri, TrustMaterial trust, HttpAuth auth, InetAddress address) {

  // RFC 3986 path and query characters; no spaces, controls, backslashes or fragments.
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@/%?-]{0,2047}");

  // In the path (not the query): dot segments, and escapes a server might decode into one or
  // into a separator.
  private static final Pattern ESCAPES_OR_DOTS =
      Pattern.compile("(?i)%2e|%2f|%5c|%00|/\\.{1,2}(/|$|\\?)");

  public HttpEndpoint {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(auth, "auth");
    String scheme = String.valueOf(baseUri.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("a cluster URL is http or https, not " + scheme);
    }
    if (baseUri.getHost() == null
        || baseUri.getRawUserInfo() != null
        || baseUri.getRawQuery() != null
        || baseUri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "a cluster URL has a host and no user info, query or fragment");
    }
    if (trust != null && scheme.equals("http")) {
      throw new IllegalArgumentException("trust material needs an https URL");
    }
  }

  public HttpEndpoint(String device, URI baseUri, TrustMaterial trust, HttpAuth auth) {
    this(device, baseUri, trust, auth, null);
  }

  /** {@code path} (with its query) under the base URI, refused before anything is sent if odd. */
  public URI resolve(String path) {
    if (path == null
        || !PATH.matcher(path).matches()
        || path.startsWith("//")
        || ESCAPES_OR_DOTS.matcher(path.split("\\?", 2)[0] + "?").find()) {
      throw new DeviceException.InvalidParameter(
          device, "path", "not a plain absolute path: " + (path == null ? "null" : path));
    }
    String base = baseUri.toString().replaceAll("/+$", "");
    return URI.create(base + path);
  }
}
