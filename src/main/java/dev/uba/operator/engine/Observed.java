package dev.uba.operator.engine;

import java.util.Map;

/**
 * An actual state that carries the resource's ARN and tags as AWS reported them: the
 * {@link AwsResource} contract then reads both from it, so a resource type need not repeat the two
 * accessors.
 */
public interface Observed {
  String arn();

  Map<String, String> tags();
}
