package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.config.LeastPrivilege;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Models;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The contract's "Least privilege across namespaces" against the real API server and the local AWS:
 * a roleArn or an access principal outside the allow-lists ends Degraded (InvalidSpec, naming the
 * field) with no AWS write; the roles and policies the operator creates are under /uba/, roles with
 * the configured permissions boundary, which is put back when removed (read back from the local IAM).
 */
class LeastPrivilegeIT {
  private static final String BOUNDARY_NAME = "uba-operator-boundary";

  private KubeApi kube;
  private LocalAws aws;
  private KubernetesClient client;
  private IamClient iam;
  private String ns;
  private String boundaryArn;
  private RunningOperator operator;

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    aws.personalize().defaults();
    ns = kube.newNamespace("lp");
    client = kube.newClient();
    iam = IamClient.builder().endpointOverride(aws.motoEndpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(ApacheHttpClient.builder().build()).build();
    boundaryArn = boundary();
    OperatorConfig config = RunningOperator.config(Duration.ofMillis(300), Duration.ofSeconds(2), Set.of(ns))
        .withLeastPrivilege(LeastPrivilege.fromEnvironment(Map.of("UBA_IAM_PERMISSIONS_BOUNDARY", boundaryArn)));
    operator = RunningOperator.start(kube, aws, config);
  }

  /** The boundary as an administrator creates it from deploy/permissions-boundary.json (outside /uba/). */
  private String boundary() {
    try {
      return iam.getPolicy(r -> r.policyArn("arn:aws:iam::123456789012:policy/" + BOUNDARY_NAME)).policy().arn();
    } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
      return iam.createPolicy(r -> r.policyName(BOUNDARY_NAME).policyDocument("{\"Version\":\"2012-10-17\","
          + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")).policy().arn();
    }
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    client.close();
    iam.close();
  }

  @Test
  void aRoleArnOutsideTheAllowListIsInvalidSpecAndNothingIsWritten() {
    long writes = operator.awsCalls().writes();
    new Models(client).create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: PersonalizationModel
        metadata: {name: borrowed-role}
        spec:
          trainingData:
            s3Uri: s3://%s-data/interactions/
            roleArn: arn:aws:iam::123456789012:role/OrganizationAccountAccessRole
        """.formatted(ns));
    PersonalizationModel m = new Models(client).awaitDegraded(ns, "borrowed-role", "InvalidSpec");
    assertThat(Models.condition(m, "Degraded").orElseThrow().getMessage())
        .contains("spec.trainingData.roleArn").contains("UBA_ALLOWED_ROLE_ARNS");
    assertThat(operator.awsCalls().writes()).as("AWS writes for a refused role").isEqualTo(writes);
    assertThat(operator.awsCalls().calls("Personalize", "CreateDatasetGroup")).isZero();
    assertThat(m.getStatus().getResources()).isEmpty();
  }

  @Test
  void anAccessPrincipalOfAnotherAccountIsInvalidSpecAndNothingIsWritten() {
    long writes = operator.awsCalls().writes();
    Pipelines pipelines = new Pipelines(client);
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: foreign-reader}
        spec:
          search:
            accessPrincipals: ["arn:aws:iam::210987654321:role/elsewhere"]
        """);
    UbaPipeline p = pipelines.awaitDegraded(ns, "foreign-reader", "InvalidSpec");
    assertThat(Pipelines.condition(p, "Degraded").orElseThrow().getMessage())
        .contains("spec.search.accessPrincipals[0]").contains("210987654321").contains("UBA_ALLOWED_ACCOUNTS");
    assertThat(operator.awsCalls().writes()).as("AWS writes for a refused principal").isEqualTo(writes);
  }

  @Test
  void createdRolesAndPoliciesAreUnderUbaAndARemovedBoundaryIsPutBack() {
    Pipelines pipelines = new Pipelines(client);
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: clicks}
        spec:
          search: {}
        """);
    UbaPipeline ready = pipelines.awaitReady(ns, "clicks");
    String roleName = ready.getStatus().getIngestionRole().getName();
    assertThat(ready.getStatus().getIngestionRole().getArn()).isEqualTo("arn:aws:iam::123456789012:role/uba/" + roleName);
    assertThat(ready.getStatus().getProducerPolicy().getArn())
        .isEqualTo("arn:aws:iam::123456789012:policy/uba/" + ns + "-clicks-producer");

    Role role = iam.getRole(r -> r.roleName(roleName)).role();
    assertThat(role.path()).isEqualTo("/uba/");
    assertThat(role.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(boundaryArn);
    assertThat(iam.getPolicy(r -> r.policyArn(ready.getStatus().getProducerPolicy().getArn())).policy().path())
        .isEqualTo("/uba/");

    iam.deleteRolePermissionsBoundary(r -> r.roleName(roleName));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (iam.getRole(r -> r.roleName(roleName)).role().permissionsBoundary() == null
        && Instant.now().isBefore(deadline)) {
      sleep();
    }
    assertThat(iam.getRole(r -> r.roleName(roleName)).role().permissionsBoundary())
        .as("the boundary, put back on a resync").isNotNull()
        .satisfies(b -> assertThat(b.permissionsBoundaryArn()).isEqualTo(boundaryArn));
    // The call is counted when the SDK hands back its answer, a moment after IAM has applied it.
    while (operator.awsCalls().calls("Iam", "PutRolePermissionsBoundary") == 0 && Instant.now().isBefore(deadline)) {
      sleep();
    }
    assertThat(operator.awsCalls().calls("Iam", "PutRolePermissionsBoundary")).isEqualTo(1);

    pipelines.delete(ns, "clicks");
    pipelines.awaitGone(ns, "clicks");
    assertThat(iam.listRoles(r -> r.pathPrefix("/uba/")).roles()).extracting(Role::roleName).doesNotContain(roleName);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
