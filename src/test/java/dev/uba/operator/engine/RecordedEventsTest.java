package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordedEventsTest {
  private static final RecordedEvents.Key DEGRADED = new RecordedEvents.Key("uid-1", "Warning", "Degraded", "no access");

  @Test
  void theSameEventIsFoundAgainAndADifferentOneIsNot() {
    RecordedEvents events = new RecordedEvents();
    events.remember(DEGRADED, new RecordedEvents.Recorded("p.1", 1));

    assertThat(events.previous(new RecordedEvents.Key("uid-1", "Warning", "Degraded", "no access")))
        .contains(new RecordedEvents.Recorded("p.1", 1));
    assertThat(events.previous(new RecordedEvents.Key("uid-1", "Warning", "Degraded", "quota"))).isEmpty();
    assertThat(events.previous(new RecordedEvents.Key("uid-2", "Warning", "Degraded", "no access"))).isEmpty();
    assertThat(events.previous(new RecordedEvents.Key("uid-1", "Normal", "Degraded", "no access"))).isEmpty();
  }

  @Test
  void aRepeatCountsOneMore() {
    assertThat(new RecordedEvents.Recorded("p.1", 4).again()).isEqualTo(new RecordedEvents.Recorded("p.1", 5));
  }

  @Test
  void theLeastRecentlyUsedGoFirstWhenFull() {
    RecordedEvents events = new RecordedEvents(2);
    RecordedEvents.Key a = new RecordedEvents.Key("a", "Normal", "Created", "m");
    RecordedEvents.Key b = new RecordedEvents.Key("b", "Normal", "Created", "m");
    RecordedEvents.Key c = new RecordedEvents.Key("c", "Normal", "Created", "m");
    events.remember(a, new RecordedEvents.Recorded("a.1", 1));
    events.remember(b, new RecordedEvents.Recorded("b.1", 1));
    events.previous(a);                                   // a used: b is now the eldest
    events.remember(c, new RecordedEvents.Recorded("c.1", 1));

    assertThat(events.previous(a)).isPresent();
    assertThat(events.previous(b)).isEmpty();
    assertThat(events.previous(c)).isPresent();
  }
}
