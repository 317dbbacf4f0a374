package io.longhaul.api.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.longhaul.api.error.ControlCharacterException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The API's JSON reader refuses what it would otherwise guess at: unknown fields, fractions or
 * strings where a number is wanted, numbers where a string or a date is wanted, null elements in
 * arrays and maps, and anything after the body. A guess is how {@code "siteId": 1.5} once moved a
 * switch into another site; a refusal names the field instead (see {@code JsonProblems}).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

  @Bean
  JsonMapperBuilderCustomizer strictJsonReader() {
    return StrictJson::configure;
  }

  /** The same settings for any other reader of API bodies (tests use it to mirror the server). */
  public static void configure(JsonMapper.Builder b) {
    b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .changeDefaultNullHandling(n -> JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL))
        .withCoercionConfigDefaults(
            c -> {
              for (CoercionInputShape shape : CoercionInputShape.values()) {
                c.setCoercion(shape, CoercionAction.Fail);
              }
            })
        .addModule(
            new SimpleModule("strict-text")
                .addDeserializer(OffsetDateTime.class, DATES)
                .addDeserializer(String.class, TEXT));
  }

  /**
   * Strings (fields, elements, untyped values such as run params) without control characters other
   * than tab, LF and CR: NUL cannot be stored and escapes rewrite the terminal that shows them; a
   * field's own rules may refuse more.
   */
  private static final ValueDeserializer<String> TEXT =
      new ValueDeserializer<>() {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
          if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
          }
          String text = p.getString();
          for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
              throw new ControlCharacterException(p);
            }
          }
          return text;
        }
      };

  /** ISO-8601 text only: Jackson's own reader also takes a number as seconds since 1970. */
  private static final ValueDeserializer<OffsetDateTime> DATES =
      new ValueDeserializer<>() {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
          if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
          }
          String text = p.getString();
          try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
          } catch (DateTimeParseException e) {
            return (OffsetDateTime)
                ctxt.handleWeirdStringValue(
                    OffsetDateTime.class, text, "is not an ISO-8601 date-time with an offset");
          }
        }
      };
}
