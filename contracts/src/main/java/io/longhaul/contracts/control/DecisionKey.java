package io.longhaul.contracts.control;

import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.GlobalDataConverter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key the API signs decisions with and the workers check them with: an HMAC-SHA256 over the run
 * id and every field of the decision (action, step, target, edited input, actor, role, reason,
 * issued-at). The key never enters a workflow input or history; only the signature does, and it is
 * bound to one run, one step and the moment it was issued, so it answers nothing else.
 *
 * <p>The signature reads {@code <key id>.<mac>}; the key id (a digest prefix of the key) lets a
 * worker holding several keys (a rotation) pick the right one.
 */
public final class DecisionKey {
  private static final String ALGORITHM = "HmacSHA256";
  private static final String VERSION = "longhaul-decision-v1";

  private final SecretKeySpec key;
  private final String id;

  public DecisionKey(byte[] keyBytes) {
    if (keyBytes.length < 32) {
      throw new IllegalArgumentException("a decision key has at least 32 bytes");
    }
    this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
    try {
      this.id =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keyBytes), 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String id() {
    return id;
  }

  /**
   * The decision as {@code actor} with {@code role} issues it now. Its input is passed through
   * Temporal's data converter first, so what is signed is exactly what the workflow will read.
   */
  public Decision sign(String runId, Decision d, String role, long issuedAtMillis) {
    var in = roundTrip(d.input());
    var unsigned =
        new Decision(
            d.action(),
            d.step(),
            d.target(),
            in,
            d.actor(),
            d.reason(),
            role,
            issuedAtMillis,
            null);
    String signature = id + "." + mac(runId, unsigned);
    return new Decision(
        d.action(),
        d.step(),
        d.target(),
        in,
        d.actor(),
        d.reason(),
        role,
        issuedAtMillis,
        signature);
  }

  /** Whether this key signed {@code d} for {@code runId}. Compares in constant time. */
  public boolean signed(String runId, Decision d) {
    String expected = id + "." + mac(runId, d);
    return d.signature() != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            d.signature().getBytes(StandardCharsets.US_ASCII));
  }

  /** The key id a signature names, or null when it names none. */
  public static String keyIdOf(String signature) {
    int dot = signature == null ? -1 : signature.indexOf('.');
    return dot <= 0 ? null : signature.substring(0, dot);
  }

  private String mac(String runId, Decision d) {
    StringBuilder payload = new StringBuilder();
    for (String field :
        new String[] {
          VERSION,
          runId,
          d.action(),
          d.step(),
          d.target(),
          d.input() == null ? null : json(d.input()),
          d.actor(),
          d.role(),
          d.reason(),
          d.issuedAtMillis() == null ? null : Long.toString(d.issuedAtMillis())
        }) {
      // Length-prefixed, so no choice of field values makes two decisions sign alike.
      payload.append(field == null ? "-" : field.length() + ":" + field).append('\n');
    }
    try {
      Mac m = Mac.getInstance(ALGORITHM);
      m.init(key);
      byte[] out = m.doFinal(payload.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static String json(Object value) {
    DataConverter converter = GlobalDataConverter.get();
    return converter.toPayload(value).orElseThrow().getData().toStringUtf8();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> roundTrip(Map<String, Object> input) {
    if (input == null) {
      return null;
    }
    DataConverter converter = GlobalDataConverter.get();
    return converter.fromPayload(converter.toPayload(input).orElseThrow(), Map.class, Map.class);
  }
}
