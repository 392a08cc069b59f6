package dev.lanes.runtime;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file names in its constant pool: in its code (calls, fields, {@code new}, casts), in its
 * descriptors and generic signatures, and in its annotations. What it reaches only by reflection is not named.
 * Watch mode's class graph and the pools' {@link ClassPathSplit} read class files with it.
 */
public final class ClassReferences {
  /** An internal name inside a descriptor or signature: {@code Lpkg/Name;} or {@code Lpkg/Name<}. */
  private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([\\p{javaJavaIdentifierPart}/]+)[;<]");
  /** A whole Utf8 entry that may be an internal name (a CONSTANT_Class's). */
  private static final Pattern INTERNAL_NAME = Pattern.compile("[\\p{javaJavaIdentifierPart}/]+");

  private ClassReferences() {
  }

  /** The binary names ({@code pkg.Outer$Inner}) of every class the class file names anywhere in its constant pool. */
  public static Set<String> namedClasses(byte[] classFile) {
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
    if (bytes.length < 10 || u2(bytes, 0) != 0xCAFE || u2(bytes, 2) != 0xBABE) {
      return texts;
    }
    // class names and descriptors are ASCII or plain UTF-8 in practice
    walkUtf8(bytes, (classFile, at, length) -> {
      texts.add(new String(classFile, at, length, StandardCharsets.UTF_8));
      return false;
    });
    return texts;
  }

  /** Looks at one Utf8 entry of a constant pool, its bytes at {@code at}; {@code true} ends the walk. */
  @FunctionalInterface
  public interface Utf8Visitor {
    boolean visit(byte[] classFile, int at, int length);
  }

  /** How a {@link #walkUtf8} ended. */
  public enum Walk {
    /** Every entry was visited. */
    COMPLETE,
    /** The visitor ended it. */
    STOPPED,
    /** At a kind of entry newer than this walk, which it cannot step over. */
    UNKNOWN_ENTRY,
    /** The class file ends inside its constant pool. */
    CUT_SHORT
  }

  /**
   * Visits the Utf8 entries of a class file's constant pool in order, without making a string of any: the cheap
   * look the in-process pools take at every class they define.
   */
  public static Walk walkUtf8(byte[] bytes, Utf8Visitor visitor) {
    try {
      int count = u2(bytes, 8);
      int at = 10;
      for (int index = 1; index < count; index++) {
        int tag = bytes[at] & 0xff;
        switch (tag) {
          case 1 -> {
            int length = u2(bytes, at + 1);
            if (at + 3 + length > bytes.length) {
              return Walk.CUT_SHORT;
            }
            if (visitor.visit(bytes, at + 3, length)) {
              return Walk.STOPPED;
            }
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
            return Walk.UNKNOWN_ENTRY;
          }
        }
      }
      return Walk.COMPLETE;
    } catch (IndexOutOfBoundsException e) {
      return Walk.CUT_SHORT;
    }
  }

  private static int u2(byte[] bytes, int at) {
    return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
  }
}
