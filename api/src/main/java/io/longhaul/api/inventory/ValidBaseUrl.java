package io.longhaul.api.inventory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A cluster API's root URL: {@code http} or {@code https}, a host, a port up to 65535 and a plain
 * path; never user info (credentials are references), a query or a fragment. Null is allowed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = ValidBaseUrl.Validator.class)
public @interface ValidBaseUrl {
  String message() default
      "is not an http or https URL with a host (and no user info, query or fragment)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidBaseUrl, String> {
    private static final java.util.regex.Pattern SHAPE =
        java.util.regex.Pattern.compile(Patterns.BASE_URL);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (value.length() > 2048 || !SHAPE.matcher(value).matches()) {
        return false;
      }
      try {
        URI uri = new URI(value);
        return uri.getHost() != null && uri.getPort() <= 65535;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
