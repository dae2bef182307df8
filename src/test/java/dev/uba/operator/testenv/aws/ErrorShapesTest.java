package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The throttling answer of each service, in its own protocol. */
class ErrorShapesTest {

  private static void assertThrottle(AwsRequest req, int status, String code, String contentType) {
    AwsResponse r = ErrorShapes.throttle(req);
    assertThat(r.status).as("status of %s", req).isEqualTo(status);
    assertThat(ErrorShapes.errorCode(r)).as("code of %s", req).isEqualTo(code);
    assertThat(r.header("Content-Type")).as("content type of %s", req).startsWith(contentType);
  }

  @Test
  void kinesisControlPlaneAnswersLimitExceededExceptionAsJson() {
    assertThrottle(WireRequests.json("kinesis", "Kinesis_20131202", "ListTagsForStream", "{}"),
        400, "LimitExceededException", "application/x-amz-json");
  }

  @Test
  void kinesisDataPlaneAnswersProvisionedThroughputExceeded() {
    assertThrottle(WireRequests.json("kinesis", "Kinesis_20131202", "PutRecords", "{}"),
        400, "ProvisionedThroughputExceededException", "application/x-amz-json");
  }

  @Test
  void cloudWatchAndIamAnswerTheQueryProtocolsThrottlingAsXml() {
    AwsRequest describeAlarms = WireRequests.query("monitoring", "DescribeAlarms");
    assertThrottle(describeAlarms, 400, "Throttling", "text/xml");
    assertThat(ErrorShapes.throttle(describeAlarms).text())
        .contains("<Type>Sender</Type>",
            "xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"");
    assertThrottle(WireRequests.query("iam", "CreatePolicy"), 400, "Throttling", "text/xml");
  }

  @Test
  void snsAnswersThrottledWithHttp429() {
    assertThrottle(WireRequests.query("sns", "ListTagsForResource"), 429, "Throttled", "text/xml");
  }

  @Test
  void logsEventBridgeAndFirehoseAnswerThrottlingException() {
    assertThrottle(WireRequests.json("logs", "Logs_20140328", "PutMetricFilter", "{}"),
        400, "ThrottlingException", "application/x-amz-json");
    assertThrottle(WireRequests.json("events", "AWSEvents", "PutRule", "{}"),
        400, "ThrottlingException", "application/x-amz-json");
    assertThrottle(WireRequests.json("firehose", "Firehose_20150804", "DescribeDeliveryStream",
        "{}"), 400, "ThrottlingException", "application/x-amz-json");
  }

  @Test
  void taggingApiAnswersThrottledException() {
    assertThrottle(WireRequests.json("tagging", "ResourceGroupsTaggingAPI_20170126",
        "GetResources", "{}"), 400, "ThrottledException", "application/x-amz-json");
  }

  @Test
  void openSearchAnswersHttp429ThrottlingExceptionInTheHeader() {
    AwsRequest describe = WireRequests.rest("es", "GET", "/2021-01-01/opensearch/domain/d");
    assertThat(describe.operation).isEqualTo("DescribeDomain");
    AwsResponse r = ErrorShapes.throttle(describe);
    assertThat(r.status).isEqualTo(429);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ThrottlingException");
  }

  @Test
  void personalizeAnswersLimitExceededException() {
    assertThrottle(WireRequests.json("personalize", "AmazonPersonalize", "DescribeSolution", "{}"),
        400, "LimitExceededException", "application/x-amz-json");
  }
}
