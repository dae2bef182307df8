package dev.uba.operator.aws.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.aws.shared.TagIndex;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamRequest;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamResponse;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.CreateStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Tag;

/** Where a stream's observe takes its tags from: the region's index, or its own ListTagsForStream. */
class KinesisStreamTagsTest {
  private static final String OWNER = "ns/clicks";
  private static final String NAME = "ns-clicks";
  private static final String ARN = "arn:aws:kinesis:us-east-1:111122223333:stream/" + NAME;
  private static final StreamDesired DESIRED = new StreamDesired(NAME, "PROVISIONED", 1, 24, null,
      Ownership.tags(Map.of("team", "growth"), OWNER));

  /** A stream in memory; every call is journaled by its name. */
  private static final class FakeKinesis implements KinesisClient {
    final List<String> calls = new ArrayList<>();
    Map<String, String> tags;

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(DescribeStreamSummaryRequest r) {
      calls.add("DescribeStreamSummary");
      if (tags == null) {
        throw ResourceNotFoundException.builder().message("not found").build();
      }
      return DescribeStreamSummaryResponse.builder().streamDescriptionSummary(s -> s.streamName(NAME).streamARN(ARN)
          .streamStatus("ACTIVE").streamModeDetails(m -> m.streamMode("PROVISIONED")).openShardCount(1)
          .retentionPeriodHours(24).encryptionType("NONE")).build();
    }

    @Override
    public ListTagsForStreamResponse listTagsForStream(ListTagsForStreamRequest r) {
      calls.add("ListTagsForStream");
      return ListTagsForStreamResponse.builder().hasMoreTags(false)
          .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
          .build();
    }

    @Override
    public CreateStreamResponse createStream(CreateStreamRequest r) {
      calls.add("CreateStream");
      tags = new LinkedHashMap<>(r.tags());
      return CreateStreamResponse.builder().build();
    }

    @Override
    public AddTagsToStreamResponse addTagsToStream(AddTagsToStreamRequest r) {
      calls.add("AddTagsToStream");
      tags.putAll(r.tags());
      return AddTagsToStreamResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "kinesis";
    }

    @Override
    public void close() {}
  }

  private static final EventSink EVENTS = new EventSink() {
    @Override
    public void normal(String reason, String message) {}

    @Override
    public void warning(String reason, String message) {}
  };

  private final FakeKinesis kinesis = new FakeKinesis();
  /** GetResources' answer: what the last scan saw. */
  private final Map<String, Map<String, String>> scanned = new LinkedHashMap<>();
  private final TagIndex index = new TagIndex(token -> new TagIndex.Page(Map.copyOf(scanned), null),
      Duration.ofMinutes(10), Clock.systemUTC(), (scan, delay) -> {
        if (delay.isZero()) {
          scan.run(); // a scan due now runs at once; the next one, half an interval later, never comes
        }
      });

  private KinesisStream stream() {
    return new KinesisStream(kinesis, new StreamChangeBudget(Clock.systemUTC(), List.of(), List.of()), index);
  }

  /** Two lookups start a scan (run at once here). */
  private void scan() {
    index.lookup("kinesis:stream/other");
    index.lookup("kinesis:stream/other");
  }

  @Test
  void aStreamTheIndexHoldsCostsOneDescribe() {
    kinesis.tags = new LinkedHashMap<>(DESIRED.tags());
    scanned.put(ARN, DESIRED.tags());
    scan();

    Step<StreamActual> step = Converger.converge(stream(), DESIRED, OWNER, EVENTS);

    assertThat(step.outcome().isReady()).isTrue();
    assertThat(kinesis.calls).containsExactly("DescribeStreamSummary");
  }

  @Test
  void aStreamTheIndexLacksReadsItsOwnTagsSoAForeignStreamIsStillRefused() {
    kinesis.tags = new LinkedHashMap<>(Map.of("team", "someone-else"));
    scan(); // not tagged managed-by: GetResources does not list it

    Step<StreamActual> step = Converger.converge(stream(), DESIRED, OWNER, EVENTS);

    assertThat(step.outcome().reason()).isEqualTo(Reasons.ALREADY_EXISTS);
    assertThat(kinesis.calls).containsExactly("DescribeStreamSummary", "ListTagsForStream");
  }

  @Test
  void anotherOwnersStreamInTheIndexIsRefused() {
    kinesis.tags = new LinkedHashMap<>(Ownership.tags(Map.of(), "other/owner"));
    scanned.put(ARN, kinesis.tags);
    scan();

    Step<StreamActual> step = Converger.converge(stream(), DESIRED, OWNER, EVENTS);

    assertThat(step.outcome().reason()).isEqualTo(Reasons.OWNED_BY_ANOTHER);
    assertThat(kinesis.calls).containsExactly("DescribeStreamSummary");
  }

  @Test
  void theTagsOfACreatedStreamAreNotReadBack() {
    Converger.converge(stream(), DESIRED, OWNER, EVENTS);
    kinesis.calls.clear();

    Step<StreamActual> next = Converger.converge(stream(), DESIRED, OWNER, EVENTS);

    assertThat(next.outcome().isReady()).isTrue();
    assertThat(kinesis.calls).containsExactly("DescribeStreamSummary");
  }

  @Test
  void tagsPutBackAreRecordedAndNotReadBack() {
    kinesis.tags = new LinkedHashMap<>(Ownership.tags(Map.of("team", "rogue"), OWNER));
    scanned.put(ARN, Map.copyOf(kinesis.tags));
    scan();

    Step<StreamActual> fixed = Converger.converge(stream(), DESIRED, OWNER, EVENTS);
    Step<StreamActual> next = Converger.converge(stream(), DESIRED, OWNER, EVENTS);

    assertThat(fixed.outcome().isReady()).isTrue();
    assertThat(next.outcome().isReady()).isTrue();
    assertThat(kinesis.tags).containsEntry("team", "growth");
    assertThat(kinesis.calls).containsExactly("DescribeStreamSummary", "AddTagsToStream", "DescribeStreamSummary");
  }
}
