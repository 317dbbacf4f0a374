package io.longhaul.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Free text that may span lines (a description): line breaks and tabs are allowed, other control
 * characters (NUL, escape sequences) are not, and at most {@link #max} characters.
 */
@Constraint(validatedBy = {})
@Pattern(regexp = Text.PATTERN)
@Size
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {
  /** Whole-value pattern (Bean Validation matches the whole value). */
  String PATTERN = "[\\n\\r\\t[^\\p{Cc}]]*";

  @OverridesAttribute(constraint = Size.class, name = "max")
  int max();

  String message() default "must be text of at most {max} characters without control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
