package io.longhaul.drivers.transport.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTimeoutModelTest {
  final BackoffTimeoutModel model = new BackoffTimeoutModel();

  @Test
  @DisplayName("doubles the wait on each retry, and the request timeout is their sum")
  void doubles() {
    assertThat(model.getRetryTimeout(0, 3, 500)).isEqualTo(500);
    assertThat(model.getRetryTimeout(1, 3, 500)).isEqualTo(1000);
    assertThat(model.getRetryTimeout(3, 3, 500)).isEqualTo(4000);
    assertThat(model.getRequestTimeout(3, 500)).isEqualTo(7500);
  }
}
