package dev.lanes.core.internal.watch;

import dev.lanes.runtime.ClassReferences;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which classes of the watched folders use which, read from each class file's constant pool: the classes it
 * names in its code (calls, fields, {@code new}, casts), in its descriptors and generic signatures, and in its
 * annotations. A test class depends on every class it reaches through these names, so a change to any of them
 * reruns it. A {@code static final} constant javac inlines still names its class (javac 9 and later keep it in
 * the pool for this); a compiler that does not keep it leaves that use unseen. What is reached only by
 * reflection or through a resource is not seen either.
 */
public final class ClassGraph {
  private final Map<String, Set<String>> uses = new HashMap<>();

  /** Records (or replaces) what {@code className} uses; a class file that cannot be read uses nothing. */
  public synchronized void put(String className, byte[] classFile) {
    Set<String> named = namedClasses(classFile);
    named.remove(className);
    uses.put(className, named);
  }

  public synchronized void remove(String className) {
    uses.remove(className);
  }

  /** Every class the graph holds. */
  public synchronized Set<String> classes() {
    return Set.copyOf(uses.keySet());
  }

  public synchronized boolean contains(String className) {
    return uses.containsKey(className);
  }

  public synchronized int size() {
    return uses.size();
  }

  /** The classes that use any of {@code changed}, directly or through other classes, and {@code changed} itself. */
  public synchronized Set<String> dependents(Collection<String> changed) {
    Map<String, Set<String>> usedBy = new HashMap<>();
    uses.forEach((user, named) -> named.forEach(used -> usedBy.computeIfAbsent(used, u -> new HashSet<>()).add(user)));
    Set<String> reached = new LinkedHashSet<>(changed);
    Deque<String> next = new ArrayDeque<>(changed);
    while (!next.isEmpty()) {
      for (String user : usedBy.getOrDefault(next.poll(), Set.of())) {
        if (reached.add(user)) {
          next.add(user);
        }
      }
    }
    return reached;
  }

  /** The binary names ({@code pkg.Outer$Inner}) of every class the class file names anywhere in its constant pool. */
  static Set<String> namedClasses(byte[] classFile) {
    return ClassReferences.namedClasses(classFile);
  }
}
