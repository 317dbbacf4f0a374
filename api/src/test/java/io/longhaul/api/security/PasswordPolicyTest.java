package io.longhaul.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The password policy")
class PasswordPolicyTest {
  final PasswordPolicy policy = new PasswordPolicy();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "short-one",
        "aaaaaaaaaaaa",
        "abababababab",
        "password1234",
        "Password1234",
        "P@ssw0rd2024!",
        "2024password!",
        "qwerty123456",
        "123456789012",
        "iloveyou!!!!",
        "letmein12345",
        "Welcome-2026",
        "Administrator1",
        "alice-is-alice",
        "xxALICExx-1234"
      })
  @DisplayName("refuses short, repetitive, common and name-bearing passwords")
  void refuses(String password) {
    assertThat(policy.problem("alice", password)).as(password).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Velvet-Harbour-91", "correct horse battery", "a-long-password", "7fq#Lp2!zR9m"})
  @DisplayName("accepts long, varied passwords")
  void accepts(String password) {
    assertThat(policy.problem("alice", password)).as(password).isNull();
  }

  @Test
  @DisplayName("stops at bcrypt's 72 bytes, counted in UTF-8")
  void bytes() {
    assertThat(policy.problem("alice", "Zq9-k".repeat(14) + "ab")).isNull();
    assertThat(policy.problem("alice", "Zq9-k".repeat(14) + "abc")).contains("72 bytes");
    assertThat(policy.problem("alice", "é".repeat(37) + "abcd")).contains("72 bytes");
  }
}
