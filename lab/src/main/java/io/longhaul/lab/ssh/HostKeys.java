package io.longhaul.lab.ssh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Ed25519 host keys derived from a seed and the device name: stable across restarts, cheap. */
public final class HostKeys {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
  private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");

  private HostKeys() {}

  public static KeyPair derive(String seed, String deviceName) {
    try {
      byte[] secret =
          MessageDigest.getInstance("SHA-256")
              .digest((seed + "\u0000" + deviceName).getBytes(StandardCharsets.UTF_8));
      byte[] pub = new Ed25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded();
      KeyFactory kf = KeyFactory.getInstance("Ed25519", BC);
      return new KeyPair(
          kf.generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, pub))),
          kf.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, secret))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive Ed25519 host key", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
