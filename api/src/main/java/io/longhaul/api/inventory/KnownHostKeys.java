package io.longhaul.api.inventory;

import io.longhaul.api.error.BadRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The known_hosts file the workers verify device host keys against, as an admin edits it: one line
 * per {@code [host]:port}, written whole to a new file and moved into place (the workers re-read it
 * for their next connection). Hashed lines and the lab's block are left as they are.
 */
@Component
public class KnownHostKeys {
  private static final Set<String> TYPES =
      Set.of(
          "ssh-ed25519",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "rsa-sha2-512",
          "rsa-sha2-256",
          "ssh-rsa");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");
  private static final Pattern KEY =
      Pattern.compile("([a-z0-9-]{7,32}) ([A-Za-z0-9+/]{40,}={0,2})");

  /** A trusted key: where, its type and its SHA-256 fingerprint as OpenSSH prints it. */
  public record Entry(String host, int port, String type, String fingerprint) {}

  private final Path file;

  public KnownHostKeys(@Value("${longhaul.ssh.known-hosts}") Path file) {
    this.file = file;
  }

  public synchronized List<Entry> list() {
    var out = new ArrayList<Entry>();
    for (String line : lines()) {
      parse(line).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Trusts {@code key} ({@code type base64 [comment]}) for the host and port, replacing the key
   * known for them; returns the new entry and the replaced one, if any.
   */
  public synchronized Trusted trust(String host, int port, String key) {
    String name = name(host, port);
    String[] parts = key == null ? new String[0] : key.strip().split("\\s+");
    if (parts.length < 2
        || !TYPES.contains(parts[0])
        || !KEY.matcher(parts[0] + " " + parts[1]).matches()) {
      throw new BadRequestException("key", "not an OpenSSH public key (type base64 [comment])");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("key", "the key is not base64");
    }
    if (!embeddedType(blob).equals(parts[0].startsWith("rsa-sha2") ? "ssh-rsa" : parts[0])) {
      throw new BadRequestException("key", "the key's data is not a " + parts[0] + " key");
    }
    var kept = new ArrayList<String>();
    Entry previous = without(host, port, kept);
    String type = parts[0].startsWith("rsa-sha2") ? "ssh-rsa" : parts[0];
    kept.add(name + " " + type + " " + parts[1]);
    write(kept);
    return new Trusted(new Entry(host, port, type, fingerprint(blob)), previous);
  }

  /** Fills {@code kept} with the file's lines but the host's and port's; returns that entry. */
  private Entry without(String host, int port, List<String> kept) {
    Entry found = null;
    for (String line : lines()) {
      var e = parse(line);
      if (e.isPresent() && e.get().host().equals(host) && e.get().port() == port) {
        found = e.get();
      } else {
        kept.add(line);
      }
    }
    return found;
  }

  public record Trusted(Entry entry, Entry replaced) {}

  /** Forgets the key of the host and port; returns it, empty when none was known. */
  public synchronized Optional<Entry> forget(String host, int port) {
    name(host, port);
    var kept = new ArrayList<String>();
    Entry removed = without(host, port, kept);
    if (removed != null) {
      write(kept);
    }
    return Optional.ofNullable(removed);
  }

  private static String name(String host, int port) {
    if (host == null || !HOST.matcher(host).matches()) {
      throw new BadRequestException("host", "not a host name or address");
    }
    if (port < 1 || port > 65535) {
      throw new BadRequestException("port", "must be between 1 and 65535");
    }
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  private static Optional<Entry> parse(String line) {
    if (line.isBlank() || line.startsWith("#") || line.startsWith("|") || line.startsWith("@")) {
      return Optional.empty();
    }
    String[] parts = line.strip().split("\\s+");
    if (parts.length < 3) {
      return Optional.empty();
    }
    String name = parts[0].split(",")[0];
    String host = name;
    int port = 22;
    if (name.startsWith("[") && name.contains("]:")) {
      host = name.substring(1, name.indexOf("]:"));
      port = Integer.parseInt(name.substring(name.indexOf("]:") + 2));
    }
    try {
      return Optional.of(
          new Entry(host, port, parts[1], fingerprint(Base64.getDecoder().decode(parts[2]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code SHA256:} + unpadded base64 of the key blob's SHA-256, as ssh-keygen -l shows. */
  static String fingerprint(byte[] blob) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key type a public key blob starts with (an SSH string). */
  private static String embeddedType(byte[] blob) {
    if (blob.length < 4) {
      return "";
    }
    int n = ByteBuffer.wrap(blob).getInt();
    if (n < 1 || n > 64 || blob.length < 4 + n) {
      return "";
    }
    return new String(blob, 4, n, StandardCharsets.US_ASCII);
  }

  private List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void write(List<String> lines) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, lines);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
