package dev.lanes.core.internal.watch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which classes of the watched folders use which, read from each class file's constant pool: the classes it
 * names in its code (calls, fields, {@code new}, casts), in its descriptors and generic signatures, and in its
 * annotations. A test class depends on every class it reaches through these names, so a change to any of them
 * reruns it. A {@code static final} constant javac inlines still names its class (javac 9 and later keep it in
 * the pool for this); a compiler that does not keep it leaves that use unseen. What is reached only by
 * reflection or through a resource is not seen either.
 */
public final class ClassGraph {
  /** An internal name inside a descriptor or signature: {@code Lpkg/Name;} or {@code Lpkg/Name<}. */
  private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\p{javaJavaIdentifierPart}/]+)[;<]");
  /** A whole Utf8 entry that may be an internal name (a CONSTANT_Class's). */
  private static final Pattern INTERNAL_NAME = Pattern.compile("[\\p{javaJavaIdentifierPart}/]+");

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
    Set<String> named = new HashSet<>();
    for (String text : utf8Entries(classFile)) {
      if (text.indexOf(';') < 0 && INTERNAL_NAME.matcher(text).matches()) {
        named.add(text.replace('/', '.'));
      }
      if (text.indexOf('L') >= 0 && text.indexOf(';') > 0) {
        Matcher matcher = IN_DESCRIPTOR.matcher(text);
        while (matcher.find()) {
          named.add(matcher.group(1).replace('/', '.'));
        }
      }
    }
    return named;
  }

  /**
   * The texts of the constant pool (names, descriptors, signatures, string constants). A class file cut short,
   * or with a kind of entry newer than this walk, gives what was read before it.
   */
  static Set<String> utf8Entries(byte[] bytes) {
    Set<String> texts = new HashSet<>();
    try {
      if (bytes.length < 10 || u2(bytes, 0) != 0xCAFE || u2(bytes, 2) != 0xBABE) {
        return texts;
      }
      int count = u2(bytes, 8);
      int at = 10;
      for (int index = 1; index < count; index++) {
        int tag = bytes[at] & 0xff;
        switch (tag) {
          case 1 -> { // Utf8: class names and descriptors are ASCII or plain UTF-8 in practice
            int length = u2(bytes, at + 1);
            texts.add(new String(bytes, at + 3, length, StandardCharsets.UTF_8));
            at += 3 + length;
          }
          case 3, 4, 9, 10, 11, 12, 17, 18 -> at += 5;
          case 5, 6 -> { // Long and Double take two entries
            at += 9;
            index++;
          }
          case 7, 8, 16, 19, 20 -> at += 3;
          case 15 -> at += 4;
          default -> {
            return texts;
          }
        }
      }
    } catch (IndexOutOfBoundsException e) {
      // cut short: keep what was read
    }
    return texts;
  }

  private static int u2(byte[] bytes, int at) {
    return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
  }
}
