package dev.lanes.core.internal.config;

import com.typesafe.config.ConfigOrigin;
import java.nio.file.Path;

/** Where a configuration value was written, as every error names it: "lanes.conf:12", "command-line option --pool". */
public final class Origins {
  private Origins() {
  }

  public static String where(Path root, ConfigOrigin origin) {
    if (origin == null) {
      return "configuration";
    }
    if (origin.filename() != null) {
      Path file = Path.of(origin.filename()).toAbsolutePath();
      String name = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
      return origin.lineNumber() > 0 ? name + ":" + origin.lineNumber() : name;
    }
    return origin.description().replaceFirst(":\\s*\\d+$", "");
  }
}
