package io.longhaul.api.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Schema patterns")
class WholeValuePatternsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029"})
  @DisplayName("refuse a valid value followed by any line terminator")
  void lineTerminators(String end) throws Exception {
    var schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(
                "{\"type\":\"string\",\"pattern\":\"^[a-z0-9][a-z0-9.-]{0,62}$\"}",
                SchemaValidatorsConfig.builder()
                    .regularExpressionFactory(WholeValuePatterns.INSTANCE)
                    .build());
    assertThat(schema.validate(JSON.valueToTree("vm-1"))).isEmpty();
    assertThat(schema.validate(JSON.valueToTree("vm-1" + end))).hasSize(1);
    assertThat(schema.validate(JSON.valueToTree(end + "vm-1"))).hasSize(1);
  }

  @Test
  @DisplayName("must be anchored, so that they mean what they read")
  void anchored() {
    assertThat(WholeValuePatterns.INSTANCE.getRegularExpression("^a+$").matches("aaa")).isTrue();
    assertThatThrownBy(() -> WholeValuePatterns.INSTANCE.getRegularExpression("a+"))
        .hasMessageContaining("anchored");
    assertThatThrownBy(() -> WholeValuePatterns.INSTANCE.getRegularExpression("^a+\\$"))
        .hasMessageContaining("anchored");
  }
}
