package dev.uba.operator.engine;

import java.util.Map;

/** What every desired state exposes to the engine. */
public interface Desired {
  /** The AWS name of the resource. */
  String name();

  /** All tags the resource must carry, the ownership tags included. */
  Map<String, String> tags();
}
