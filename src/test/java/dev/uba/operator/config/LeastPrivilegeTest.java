package dev.uba.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastPrivilegeTest {
  private static final String OWN = "123456789012";

  @Test
  void withNothingSetThereIsNoBoundaryAndOnlyTheOwnAccountAndItsUbaRoles() {
    LeastPrivilege rules = OperatorConfig.fromEnvironment(Map.of()).leastPrivilege();
    assertThat(rules.permissionsBoundary()).isNull();
    assertThat(rules.roleArnPatterns("aws", OWN)).containsExactly("arn:aws:iam::123456789012:role/uba/*");
    assertThat(rules.allowsRole("arn:aws:iam::123456789012:role/uba/analytics-reader", "aws", OWN)).isTrue();
    assertThat(rules.allowsRole("arn:aws:iam::123456789012:role/uba/team/deep", "aws", OWN)).isTrue();
    assertThat(rules.allowsRole("arn:aws:iam::123456789012:role/admin", "aws", OWN)).isFalse();
    assertThat(rules.allowsRole("arn:aws:iam::210987654321:role/uba/reader", "aws", OWN)).isFalse();
    assertThat(rules.allowsRole("arn:aws-cn:iam::123456789012:role/uba/reader", "aws-cn", OWN)).isTrue();
    assertThat(rules.allowsAccount(OWN, OWN)).isTrue();
    assertThat(rules.allowsAccount("210987654321", OWN)).isFalse();
  }

  @Test
  void readsTheThreeVariables() {
    LeastPrivilege rules = LeastPrivilege.fromEnvironment(Map.of(
        "UBA_IAM_PERMISSIONS_BOUNDARY", " arn:aws:iam::123456789012:policy/uba/uba-boundary ",
        "UBA_ALLOWED_ROLE_ARNS", "arn:aws:iam::123456789012:role/personalize-*, arn:aws:iam::*:role/shared/reader",
        "UBA_ALLOWED_ACCOUNTS", "210987654321 ,,111122223333"));
    assertThat(rules.permissionsBoundary()).isEqualTo("arn:aws:iam::123456789012:policy/uba/uba-boundary");
    assertThat(rules.allowedRoleArns()).containsExactly("arn:aws:iam::123456789012:role/personalize-*",
        "arn:aws:iam::*:role/shared/reader");
    assertThat(rules.allowsRole("arn:aws:iam::123456789012:role/personalize-data", "aws", OWN)).isTrue();
    assertThat(rules.allowsRole("arn:aws:iam::999999999999:role/shared/reader", "aws", OWN)).isTrue();
    assertThat(rules.allowsRole("arn:aws:iam::123456789012:role/uba/x", "aws", OWN))
        .as("a configured list replaces the default").isFalse();
    assertThat(rules.allowsAccount("111122223333", OWN)).isTrue();
    assertThat(rules.allowsAccount(OWN, OWN)).as("the own account always").isTrue();
    assertThat(rules.allowsAccount("999999999999", OWN)).isFalse();
    assertThat(rules.accounts(OWN)).containsExactly(OWN, "111122223333", "210987654321");
  }

  @Test
  void aStarMatchesAnyCharactersAndNothingElseIsSpecial() {
    assertThat(LeastPrivilege.matches("arn:aws:iam::1:role/a*", "arn:aws:iam::1:role/a")).isTrue();
    assertThat(LeastPrivilege.matches("arn:aws:iam::1:role/a*", "arn:aws:iam::1:role/a/b/c")).isTrue();
    assertThat(LeastPrivilege.matches("arn:aws:iam::1:role/a.b", "arn:aws:iam::1:role/aXb"))
        .as("a dot is a dot").isFalse();
    assertThat(LeastPrivilege.matches("arn:aws:iam::1:role/a", "arn:aws:iam::1:role/ab")).as("whole ARN").isFalse();
    assertThat(LeastPrivilege.matches("*", "anything")).isTrue();
  }

  @Test
  void badValuesAreConfigurationErrorsNamingTheVariable() {
    for (Map<String, String> bad : List.of(
        Map.of("UBA_IAM_PERMISSIONS_BOUNDARY", "uba-boundary"),
        Map.of("UBA_IAM_PERMISSIONS_BOUNDARY", "arn:aws:iam::123456789012:role/uba-boundary"),
        Map.of("UBA_IAM_PERMISSIONS_BOUNDARY", "arn:aws:iam::12345:policy/b"))) {
      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(bad)).as(bad.toString())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_IAM_PERMISSIONS_BOUNDARY");
    }
    for (String bad : List.of("*", "arn:aws:iam::123456789012:policy/x", "arn:aws:s3:::bucket", "role/uba/*",
        "arn:aws:iam::123456789012:role/")) {
      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_ALLOWED_ROLE_ARNS", bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_ALLOWED_ROLE_ARNS")
          .hasMessageContaining(bad);
    }
    for (String bad : List.of("12345678901", "1234567890123", "acct-1", "*")) {
      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_ALLOWED_ACCOUNTS", bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_ALLOWED_ACCOUNTS");
    }
  }
}
