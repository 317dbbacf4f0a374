package io.longhaul.drivers.transport.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates a cluster's server certificate must chain to: a cluster's own CA, from PEM text
 * or a JKS/PKCS12 trust store. Only these are trusted for that cluster (not the JVM's public CAs
 * too), and a certificate whose name does not match the cluster's address is refused as well.
 */
public final class TrustMaterial {
  private final List<X509Certificate> certificates;
  private final String fingerprint;

  private TrustMaterial(List<X509Certificate> certificates) {
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("trust material holds no certificate");
    }
    this.certificates = List.copyOf(certificates);
    this.fingerprint = fingerprint(this.certificates);
  }

  /** One or more {@code -----BEGIN CERTIFICATE-----} blocks. */
  public static TrustMaterial pem(String pem) {
    try {
      var factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c :
          factory.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) c);
      }
      return new TrustMaterial(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not PEM certificates: " + e.getMessage(), e);
    }
  }

  /** The trusted-certificate entries of a JKS or PKCS12 store ({@code type} "JKS" or "PKCS12"). */
  public static TrustMaterial keyStore(byte[] store, String type, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance(type);
      ks.load(new ByteArrayInputStream(store), password);
      List<X509Certificate> out = new ArrayList<>();
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isCertificateEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate c) {
          out.add(c);
        }
      }
      return new TrustMaterial(out);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("not a readable " + type + " trust store", e);
    }
  }

  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** SHA-256 over the certificates: connections are pooled per trust, not per cluster. */
  public String fingerprint() {
    return fingerprint;
  }

  /** A TLS context trusting exactly these certificates. */
  SSLContext sslContext() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        ks.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  private static String fingerprint(List<X509Certificate> certificates) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (X509Certificate c : certificates) {
        digest.update(c.getEncoded());
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "TrustMaterial[" + certificates.size() + " certificates, " + fingerprint + "]";
  }
}
