package io.longhaul.db.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM. The credential's name is authenticated data, so a ciphertext
 * copied onto another credential's row fails to open. The key id (a digest prefix of the key) is
 * stored beside each ciphertext so a rotated key is detected instead of yielding garbage.
 */
public final class CredentialCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final String keyId;
  private final SecureRandom random = new SecureRandom();

  public CredentialCipher(byte[] keyBytes) {
    if (keyBytes.length != 32) {
      throw new IllegalArgumentException("credential key must be 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(keyBytes.clone(), "AES");
    this.keyId = keyIdOf(keyBytes);
  }

  public String keyId() {
    return keyId;
  }

  public byte[] seal(String name, String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing credential '" + name + "' failed", e);
    }
  }

  public String open(String name, String sealedKeyId, byte[] sealed) {
    if (!keyId.equals(sealedKeyId)) {
      throw new IllegalStateException(
          "credential '" + name + "' was sealed with key " + sealedKeyId + ", not " + keyId);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      // Deliberately no cause detail: it could echo key material in some providers.
      throw new IllegalStateException("credential '" + name + "' could not be opened");
    }
  }

  private static String keyIdOf(byte[] keyBytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
