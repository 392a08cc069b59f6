package dev.lanes.core.internal.config;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vmMemoryLimit} as Vitest reads it ({@code stringToBytes}): a number of bytes (more than 1), a fraction of
 * the memory (more than 0, at most 1), a percentage ({@code "50%"}), or a size with a unit: {@code k}/{@code kb},
 * {@code m}/{@code mb}, {@code g}/{@code gb} count in 1000s, {@code kib}, {@code mib}, {@code gib} in 1024s.
 * Unset, a worker may use {@code 1/maxWorkers} of the memory.
 */
final class MemoryLimit {
  private static final Pattern SIZE = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*([a-zA-Z%]*)");

  private MemoryLimit() {
  }

  /** The memory fractions refer to: the machine's, or the container's if it is limited (the JDK reads both). */
  static long memory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        && os.getTotalMemorySize() > 0) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }

  /** The default: an equal share of {@code memory} for each of {@code maxWorkers}. */
  static long share(long memory, int maxWorkers) {
    return Math.max(1, memory / maxWorkers);
  }

  /** Bytes for {@code text}; fractions and percentages of {@code memory}. */
  static long parse(String text, long memory) {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(problem(text, memory));
    }
    double number = Double.parseDouble(matcher.group(1));
    double bytes = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
      case "" -> number <= 1 ? number * memory : number;
      case "%" -> number <= 100 ? number / 100 * memory : Double.NaN;
      case "k", "kb" -> number * 1_000;
      case "kib" -> number * 1_024;
      case "m", "mb" -> number * 1_000_000;
      case "mib" -> number * 1_048_576;
      case "g", "gb" -> number * 1_000_000_000;
      case "gib" -> number * 1_073_741_824;
      default -> Double.NaN;
    };
    if (!(bytes >= 1)) {
      throw new IllegalArgumentException(problem(text, memory));
    }
    return (long) Math.floor(bytes);
  }

  private static String problem(String text, long memory) {
    return "'" + text + "' is not a memory limit; use a number of bytes (536870912), a size such as \"512MiB\" or"
        + " \"2GB\", a percentage such as \"50%\", or a fraction such as 0.25 of the memory (" + memory / 1_048_576
        + " MiB here)";
  }
}
