package dev.uba.operator.testenv.aws;

/**
 * The wire protocol of an AWS request, which decides how its operation is named and how an error
 * answer must look.
 *
 * <ul>
 *   <li>{@link #JSON}: {@code awsJson1_0}/{@code awsJson1_1} (Kinesis, CloudWatch Logs, EventBridge,
 *       Firehose, Personalize): {@code POST /} with the operation in {@code X-Amz-Target}; errors are
 *       a JSON body with {@code __type} and {@code message}.
 *   <li>{@link #QUERY}: {@code awsQuery} (IAM, STS, SNS, CloudWatch in the query protocol): a form
 *       body with {@code Action=}; errors are {@code <ErrorResponse><Error><Type>/<Code>/<Message>}.
 *   <li>{@link #REST_JSON}: {@code restJson1} (OpenSearch Service): the operation is given by
 *       method and path; errors carry the code in the {@code x-amzn-ErrorType} header.
 * </ul>
 */
enum Protocol {
  JSON,
  QUERY,
  REST_JSON
}
