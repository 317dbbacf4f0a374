package io.longhaul.api.inventory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.io.ByteArrayInputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** One or more PEM X.509 certificates that parse; null is allowed (the default trust store). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = ValidTrustPem.Validator.class)
public @interface ValidTrustPem {
  String message() default "is not PEM certificates (-----BEGIN CERTIFICATE----- ...)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidTrustPem, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (!value.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
        return false;
      }
      try {
        return !CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(value.getBytes(StandardCharsets.US_ASCII)))
            .isEmpty();
      } catch (CertificateException e) {
        return false;
      }
    }
  }
}
