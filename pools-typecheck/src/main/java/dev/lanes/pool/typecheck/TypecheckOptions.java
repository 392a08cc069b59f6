package dev.lanes.pool.typecheck;

import java.util.List;

/**
 * {@code poolOptions.typecheck}.
 *
 * @param javacArgs options added to javac's, e.g. {@code ["-Xlint:unchecked"]}; the class path is the project's
 * @param ignoreSourceErrors whether compile errors outside every test (in a type-test file, or in another source
 *     the type tests use) are ignored instead of failing the file or the run
 * @param release javac's {@code --release}; {@code null}: the language level of the JDK running Lanes
 */
public record TypecheckOptions(List<String> javacArgs, boolean ignoreSourceErrors, Integer release) {
  public TypecheckOptions {
    javacArgs = javacArgs == null ? List.of() : List.copyOf(javacArgs);
    if (release != null && release < 8) {
      throw new IllegalArgumentException("release must be 8 or later, was " + release);
    }
    for (String arg : javacArgs) {
      if (arg.equals("-d") || arg.equals("-classpath") || arg.equals("-cp") || arg.equals("--class-path")) {
        throw new IllegalArgumentException("javacArgs must not set " + arg + ": the class path is the project's, "
            + "and type tests write no classes");
      }
    }
  }
}
