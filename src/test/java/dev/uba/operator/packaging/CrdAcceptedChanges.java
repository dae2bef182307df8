package dev.uba.operator.packaging;

import dev.uba.operator.packaging.CrdCompatibility.Incompatibility;
import dev.uba.operator.packaging.CrdCompatibility.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incompatible CRD changes accepted on purpose (src/test/resources/crd-baseline/accepted-changes.txt).
 * An entry is the key of a reported change, {@code <crd> <version> <path> <rule>}, on a line of its
 * own, followed by an indented {@code reason: ...} line; blank lines and lines starting with {@code #}
 * are comments. An entry accepts every change with that key; an entry that accepts nothing is stale.
 */
final class CrdAcceptedChanges {

  record Entry(int line, String key, String reason) {}

  /** The changes not accepted, and the entries that accepted nothing. */
  record Verdict(List<Incompatibility> refused, List<Entry> stale) {
    boolean passes() {
      return refused.isEmpty() && stale.isEmpty();
    }
  }

  private final Map<String, Entry> entries;
  private final List<String> errors;

  private CrdAcceptedChanges(Map<String, Entry> entries, List<String> errors) {
    this.entries = entries;
    this.errors = errors;
  }

  static CrdAcceptedChanges parse(List<String> lines) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    String key = null;
    int keyLine = 0;
    boolean afterMalformedEntry = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String text = line.strip();
      int number = i + 1;
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        afterMalformedEntry = false;
        if (key != null) {
          errors.add("line " + keyLine + ": no reason line after " + key);
        }
        String[] parts = text.split("\\s+");
        if (parts.length != 4) {
          errors.add("line " + number + ": expected <crd> <version> <path> <rule>, got: " + text);
          key = null;
          afterMalformedEntry = true;
        } else if (Rule.byId(parts[3]) == null) {
          errors.add("line " + number + ": unknown rule " + parts[3]);
          key = null;
          afterMalformedEntry = true;
        } else {
          key = String.join(" ", parts);
          keyLine = number;
        }
      } else if (text.startsWith("reason:") && key != null) {
        String reason = text.substring("reason:".length()).strip();
        if (reason.isEmpty()) {
          errors.add("line " + number + ": empty reason for " + key);
        } else if (entries.putIfAbsent(key, new Entry(keyLine, key, reason)) != null) {
          errors.add("line " + keyLine + ": " + key + " is listed twice");
        }
        key = null;
      } else if (!afterMalformedEntry) {
        errors.add("line " + number + ": expected an entry or an indented reason: line, got: " + text);
      }
    }
    if (key != null) {
      errors.add("line " + keyLine + ": no reason line after " + key);
    }
    return new CrdAcceptedChanges(entries, List.copyOf(errors));
  }

  /** Mistakes in the file: each makes the check fail, so that no entry is silently ignored. */
  List<String> errors() {
    return errors;
  }

  List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  Verdict judge(List<Incompatibility> found) {
    List<Incompatibility> refused = new ArrayList<>();
    Map<String, Entry> unused = new LinkedHashMap<>(entries);
    for (Incompatibility incompatibility : found) {
      if (entries.containsKey(incompatibility.key())) {
        unused.remove(incompatibility.key());
      } else {
        refused.add(incompatibility);
      }
    }
    return new Verdict(List.copyOf(refused), List.copyOf(unused.values()));
  }
}
