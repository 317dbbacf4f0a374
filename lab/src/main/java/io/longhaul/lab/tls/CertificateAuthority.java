package io.longhaul.lab.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at start (EC P-256), issuing each HTTPS device a server certificate
 * for its loopback address, as an organisation's internal CA does. Clients trust {@link #pem()}
 * only; a certificate from any other CA, or one naming another address, is refused.
 */
public final class CertificateAuthority {
  private static final Duration VALIDITY = Duration.ofDays(30);

  private final String name;
  private final KeyPair key;
  private final X509Certificate certificate;
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong serial = new AtomicLong(2);

  public CertificateAuthority(String name) {
    this.name = name;
    this.key = newKey();
    try {
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + name);
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
                  subject,
                  BigInteger.ONE,
                  Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(VALIDITY)),
                  subject,
                  key.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      this.certificate = sign(b);
    } catch (IOException e) {
      throw new IllegalStateException("cannot make the lab CA", e);
    }
  }

  /** The CA certificate as PEM: what a cluster's trust material holds. */
  public String pem() {
    return pem(certificate);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * A TLS server context presenting a fresh certificate for {@code address}, chained to this CA.
   */
  public SSLContext serverContext(String device, InetAddress address) {
    try {
      KeyPair leafKey = newKey();
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
                  new X500Name("CN=" + name),
                  BigInteger.valueOf(serial.getAndIncrement()).shiftLeft(32).add(nonce()),
                  Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(VALIDITY)),
                  new X500Name("CN=" + device),
                  leafKey.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.subjectAlternativeName,
                  false,
                  new GeneralNames(
                      new GeneralName(GeneralName.iPAddress, address.getHostAddress())))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate leaf = sign(b);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] password = new char[0];
      ks.setKeyEntry(
          "server", leafKey.getPrivate(), password, new X509Certificate[] {leaf, certificate});
      var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue a certificate for " + device, e);
    }
  }

  public static String pem(X509Certificate certificate) {
    var out = new StringWriter();
    try (var writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private BigInteger nonce() {
    return BigInteger.valueOf(random.nextInt() & 0x7fffffff);
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) {
    try {
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a certificate", e);
    }
  }

  private static KeyPair newKey() {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
