package dev.uba.operator.aws.opensearch.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.engine.PolicyDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPlaneAccessTest {
  private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/analytics";
  private static final String ROLE = "arn:aws:iam::123456789012:role/uba-operator";

  @Test
  void theOperatorsRoleMayManageTemplatesAndIsmOnly() {
    String document = PolicyDocuments.document(List.of(DataPlaneAccess.operatorStatement(DOMAIN, ROLE)));
    assertThat(PolicyDocuments.equivalent(document, """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
         "Action":["es:ESHttpDelete","es:ESHttpGet","es:ESHttpPut"],
         "Resource":["%s/_plugins/_ism/*","%s/_index_template/*"]}]}""".formatted(ROLE, DOMAIN, DOMAIN))).isTrue();
    assertThat(document).doesNotContain("\"*\"").doesNotContain("es:ESHttp*").doesNotContain(DOMAIN + "/*");
  }

  @Test
  void theRoleOfAnAssumedRoleSession() {
    assertThat(DataPlaneAccess.roleArnOfCaller("arn:aws:sts::123456789012:assumed-role/uba-operator/botocore-123"))
        .contains(ROLE);
    assertThat(DataPlaneAccess.roleArnOfCaller("arn:aws-cn:sts::123456789012:assumed-role/r/s"))
        .contains("arn:aws-cn:iam::123456789012:role/r");
    assertThat(DataPlaneAccess.roleArnOfCaller("arn:aws:iam::123456789012:user/alice")).isEmpty();
    assertThat(DataPlaneAccess.roleArnOfCaller(null)).isEmpty();
  }
}
