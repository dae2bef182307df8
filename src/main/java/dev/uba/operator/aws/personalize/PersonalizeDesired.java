package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.Desired;

/** What every Personalize desired state exposes besides its name and tags. */
public interface PersonalizeDesired extends Desired {
  /**
   * The ARN the resource has: AWS derives most from the name; null where AWS chooses it and status
   * does not record it yet (an event tracker, a solution version not yet started).
   */
  String arn();
}
