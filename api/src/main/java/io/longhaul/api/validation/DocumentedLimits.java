package io.longhaul.api.validation;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link OneLine} and {@link Text} in the OpenAPI document as what they are, a maximum length
 * and a pattern, so a client (or a test) learns every string's limits from the document.
 */
@Component
public class DocumentedLimits implements PropertyCustomizer {

  @Override
  @SuppressWarnings("rawtypes")
  public Schema customize(Schema property, AnnotatedType type) {
    if (property == null || type.getCtxAnnotations() == null) {
      return property;
    }
    for (Annotation a : type.getCtxAnnotations()) {
      if (a instanceof OneLine o) {
        property.setMaxLength(o.max());
        property.setPattern("^" + OneLine.PATTERN + "$");
      } else if (a instanceof Text t) {
        property.setMaxLength(t.max());
        property.setPattern("^" + Text.PATTERN + "$");
      }
    }
    return property;
  }
}
