package dev.uba.operator.engine;

/** Where the engine reports what it did to AWS, as Kubernetes Events on the object. */
public interface EventSink {
  void normal(String reason, String message);

  void warning(String reason, String message);
}
