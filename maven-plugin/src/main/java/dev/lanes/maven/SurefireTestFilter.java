package dev.lanes.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Surefire's {@code -Dtest}: comma-separated patterns {@code Class[#method[+method]]}, {@code !} to leave a class out,
 * {@code *} and {@code **} as wildcards; a class is its simple name ({@code MoneyTest}), its qualified name
 * ({@code shop.MoneyTest}) or a path ({@code shop/**}{@code /*Test}). As Surefire does, the patterns replace the
 * include and exclude globs. Here they become Lanes' {@code include}/{@code exclude} globs over class files, and per
 * class a regular expression over method names ({@code testNamePattern}).
 */
final class SurefireTestFilter {
  /** Nested classes run with their outer class: never test files of their own. */
  static final String NESTED = "**/*$*.class";

  private record Entry(String glob, Pattern classPath, Optional<String> methods) {
  }

  private final List<Entry> includes = new ArrayList<>();
  private final List<String> excludes = new ArrayList<>();

  private SurefireTestFilter() {
  }

  /** Parses {@code -Dtest}; throws {@link IllegalArgumentException} naming the part it cannot read. */
  static SurefireTestFilter parse(String test) {
    SurefireTestFilter filter = new SurefireTestFilter();
    for (String raw : test.split(",")) {
      String part = raw.trim();
      if (part.isEmpty()) {
        continue;
      }
      if (part.contains("%regex[")) {
        throw new IllegalArgumentException("-Dtest: %regex[...] patterns are not supported by Lanes yet; use class"
            + " and method globs (got '" + part + "').");
      }
      boolean exclude = part.startsWith("!");
      if (exclude) {
        part = part.substring(1).trim();
      }
      int hash = part.indexOf('#');
      String classPart = hash < 0 ? part : part.substring(0, hash);
      String methodPart = hash < 0 ? "" : part.substring(hash + 1);
      if (classPart.isEmpty()) {
        classPart = "**/*";
      }
      String glob = classGlob(classPart);
      if (exclude) {
        if (!methodPart.isEmpty()) {
          throw new IllegalArgumentException("-Dtest: '!" + part + "' leaves out methods; Lanes leaves out whole"
              + " classes only (write '!" + classPart + "').");
        }
        filter.excludes.add(glob);
      } else {
        filter.includes.add(new Entry(glob, Pattern.compile(globRegex(glob)),
            methodPart.isEmpty() ? Optional.empty() : Optional.of(methodRegex(methodPart))));
      }
    }
    return filter;
  }

  /** The {@code include} globs: the classes named; empty when only exclusions were given (the usual includes stay). */
  List<String> includeGlobs() {
    return includes.stream().map(Entry::glob).distinct().toList();
  }

  /** The {@code exclude} globs: the classes left out, and nested classes. */
  List<String> excludeGlobs() {
    Set<String> globs = new LinkedHashSet<>(excludes);
    globs.add(NESTED);
    return List.copyOf(globs);
  }

  /** The methods to run of {@code className}: a regular expression, or empty for all (a pattern without #). */
  Optional<String> methodPattern(String className) {
    String path = className.replace('.', '/') + ".class";
    List<String> methods = new ArrayList<>();
    for (Entry entry : includes) {
      if (entry.classPath().matcher(path).matches()) {
        if (entry.methods().isEmpty()) {
          return Optional.empty();
        }
        methods.add(entry.methods().get());
      }
    }
    return methods.isEmpty() ? Optional.empty() : Optional.of("^(?:" + String.join("|", methods) + ")$");
  }

  private static String classGlob(String classPart) {
    String name = classPart.replaceAll("\\.(java|class)$", "");
    if (!name.contains("/") && name.contains(".")) {
      name = name.replace('.', '/'); // a qualified name
    }
    return (name.startsWith("**/") || name.contains("/") ? name : "**/" + name) + ".class";
  }

  /** {@code a*+b}: method globs, {@code +} between them, as one alternation. */
  private static String methodRegex(String methods) {
    List<String> alternatives = new ArrayList<>();
    for (String method : methods.split("\\+")) {
      if (!method.isBlank()) {
        alternatives.add(globRegex(method.trim()));
      }
    }
    return String.join("|", alternatives);
  }

  /** A glob as Lanes' scanner reads it: {@code **}{@code /} any folders (none too), {@code *} within a name. */
  static String globRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 2;
      } else if (glob.startsWith("**", i)) {
        regex.append(".*");
        i += 1;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        regex.append(c);
      } else {
        regex.append('\\').append(c);
      }
    }
    return regex.toString();
  }
}
