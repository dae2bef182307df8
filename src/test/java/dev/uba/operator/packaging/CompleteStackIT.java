package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.testenv.AnomalyAlerts;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Models;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import dev.uba.operator.testenv.opensearch.OpenSearchNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * examples/complete-stack.yaml applied at once, as a GitOps tool would, into a fresh namespace: the
 * pipeline, the alert that waits for it and the Personalize model all end Ready together.
 */
class CompleteStackIT {

  @Test
  void theCompleteStackComesUpFromOneApply() throws Exception {
    KubeApi kube = KubeApi.shared();
    LocalAws aws = LocalAws.shared();
    String ns = kube.newNamespace("stack");
    // The model's training data, as the stack expects it in the user's bucket.
    Models.putS3Object(aws.motoEndpoint(), "uba-demo-archive", "interactions/part-0.csv",
        "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,1700000000,click\n");
    // The pipeline has search: its index template goes into the domain's data plane, a real node here.
    try (OpenSearchNode node = OpenSearchNode.start(Duration.ofSeconds(120));
         RunningOperator operator = RunningOperator.start(kube, aws, Duration.ofMillis(300),
            Duration.ofMinutes(10), Set.of(ns), node.endpoint());
         KubernetesClient client = kube.newClient();
         InputStream yaml = Files.newInputStream(Path.of("examples/complete-stack.yaml"))) {
      List<HasMetadata> items = client.load(yaml).items();
      assertThat(items).extracting(HasMetadata::getKind)
          .containsExactly("Namespace", "UbaPipeline", "AnomalyAlert", "PersonalizationModel");
      for (HasMetadata item : items) {
        if (!(item instanceof Namespace)) {
          item.getMetadata().setNamespace(ns);
          client.resource(item).create();
        }
      }

      var pipeline = new Pipelines(client).awaitReady(ns, "clickstream");
      var alert = new AnomalyAlerts(client).awaitReady(ns, "traffic-drop");
      var model = new Models(client).awaitReady(ns, "recommendations");

      assertThat(pipeline.getStatus().getSearch().getEndpoint()).isNotBlank();
      assertThat(alert.getStatus().getAlarm().getName()).isEqualTo(ns + "-traffic-drop");
      assertThat(model.getStatus().getCampaignArn()).isNotBlank();
      assertThat(client.secrets().inNamespace(ns).withName("recommendations-personalize").get()).isNotNull();
    }
  }
}
