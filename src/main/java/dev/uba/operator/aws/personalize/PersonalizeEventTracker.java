package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.Drift;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The event tracker of a dataset group. AWS chooses its ARN, so it is found by name among the
 * dataset group's trackers (ListEventTrackers) unless desired.arn is already known. Its tracking ID
 * is kept in the actual state for the Secret only. Reads: ListEventTrackers (until the ARN is
 * known), DescribeEventTracker, ListTagsForResource.
 */
public final class PersonalizeEventTracker extends PersonalizeResourceBase<EventTrackerDesired, EventTrackerActual> {
  public static final String KIND = "PersonalizeEventTracker";

  public PersonalizeEventTracker(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<EventTrackerActual> observe(EventTrackerDesired desired) {
    String arn = desired.arn();
    if (arn == null) {
      if (desired.datasetGroupArn() == null) {
        return Optional.empty();
      }
      arn = personalize.listEventTrackersPaginator(r -> r.datasetGroupArn(desired.datasetGroupArn())).eventTrackers()
          .stream().filter(t -> desired.name().equals(t.name())).map(t -> t.eventTrackerArn()).findFirst().orElse(null);
      if (arn == null) {
        return Optional.empty();
      }
    }
    String found = arn;
    return absentIfNotFound(() -> {
      var t = personalize.describeEventTracker(r -> r.eventTrackerArn(found)).eventTracker();
      return new EventTrackerActual(t.name(), t.eventTrackerArn(), t.status(), t.trackingId(),
          readTags(t.eventTrackerArn()));
    });
  }

  @Override
  public Drift drift(EventTrackerDesired desired, EventTrackerActual actual) {
    return PersonalizeDrift.eventTracker(desired, actual);
  }

  @Override
  public Applied create(EventTrackerDesired desired) {
    personalize.createEventTracker(r -> r.name(desired.name()).datasetGroupArn(desired.datasetGroupArn())
        .tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(EventTrackerActual actual) {
    personalize.deleteEventTracker(r -> r.eventTrackerArn(actual.arn()));
    return Applied.ASYNC;
  }
}
