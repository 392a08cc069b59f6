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
