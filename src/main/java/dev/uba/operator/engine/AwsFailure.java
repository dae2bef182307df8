package dev.uba.operator.engine;

/** An AWS call failed; carries what the user sees (the classified outcome). */
public class AwsFailure extends RuntimeException {
  private final Outcome outcome;

  public AwsFailure(Outcome outcome, Throwable cause) {
    super(outcome.reason() + ": " + outcome.message(), cause);
    this.outcome = outcome;
  }

  public Outcome outcome() {
    return outcome;
  }
}
