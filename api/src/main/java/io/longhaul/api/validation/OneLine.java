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
 * Free text on one line: a reason, a display name. No control characters (NUL, tab, CR, LF,
 * U+0085), no line or paragraph separators, and at most {@link #max} characters, so what is shown
 * in a table or written to the audit log is what was typed.
 */
@Constraint(validatedBy = {})
@Pattern(regexp = OneLine.PATTERN)
@Size
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface OneLine {
  /** Whole-value pattern (Bean Validation matches the whole value). */
  String PATTERN = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

  @OverridesAttribute(constraint = Size.class, name = "max")
  int max();

  String message() default
      "must be one line of at most {max} characters without control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
