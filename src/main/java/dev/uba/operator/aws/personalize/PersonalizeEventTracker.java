package dev.uba.operator.aws.personalize;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The event tracker of a dataset group. AWS chooses its ARN, so it is found by name among the
 * dataset group's trackers (ListEventTrackers) unless desired.arn is already known. Its tracking ID
 * is kept in the actual state's fields (key trackingId) for the Secret only. Reads:
 * ListEventTrackers (until the ARN is known), DescribeEventTracker, ListTagsForResource.
 */
public final class PersonalizeEventTracker extends PersonalizeResourceBase {
  public static final String TRACKING_ID = "trackingId";

  public PersonalizeEventTracker(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return "PersonalizeEventTracker";
  }

  @Override
  public Optional<PersonalizeActual> observe(PersonalizeDesired desired) {
    String arn = desired.arn();
    if (arn == null) {
      if (desired.parentArn() == null) {
        return Optional.empty();
      }
      arn = personalize.listEventTrackersPaginator(r -> r.datasetGroupArn(desired.parentArn())).eventTrackers()
          .stream().filter(t -> desired.name().equals(t.name())).map(t -> t.eventTrackerArn()).findFirst().orElse(null);
      if (arn == null) {
        return Optional.empty();
      }
    }
    String found = arn;
    return absentIfNotFound(() -> {
      var t = personalize.describeEventTracker(r -> r.eventTrackerArn(found)).eventTracker();
      return new PersonalizeActual(t.name(), t.eventTrackerArn(), t.status(), null, readTags(t.eventTrackerArn()),
          t.trackingId() == null ? Map.of() : Map.of(TRACKING_ID, t.trackingId()));
    });
  }

  @Override
  public Applied create(PersonalizeDesired desired) {
    personalize.createEventTracker(r -> r.name(desired.name()).datasetGroupArn(desired.parentArn())
        .tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(PersonalizeActual actual) {
    personalize.deleteEventTracker(r -> r.eventTrackerArn(actual.arn()));
    return Applied.ASYNC;
  }
}
