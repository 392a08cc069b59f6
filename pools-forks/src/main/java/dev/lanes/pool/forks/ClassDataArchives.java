package dev.lanes.pool.forks;

import dev.lanes.spi.TestProject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Class-data-sharing archives of the workers' class path, one per JDK and class path, kept in the
 * project's {@code target/lanes-cds}. The first worker of a class path that has none writes it when
 * it exits ({@code -XX:ArchiveClassesAtExit}; on JDK 25 and later an AOT cache, {@code -XX:AOTCacheOutput});
 * later workers map it ({@code -XX:SharedArchiveFile}, {@code -XX:AOTCache}), which is most of the cost
 * of booting the JUnit launcher. A changed jar, JDK or class path gives a
 * new key, so a stale archive is never used; the JVM checks the class path again itself.
 */
@Singleton
final class ClassDataArchives {
  /** Extra time a worker that writes the archive may take to exit. */
  static final long DUMP_EXIT_MILLIS = 10_000;
  /** How many archives a project keeps (several JDKs, several class paths in use). */
  static final int KEEP = 4;

  private final Map<Path, Boolean> dumping = new ConcurrentHashMap<>();

  /** How one worker takes part. */
  interface Use {
    Use NONE = new Use() { };

    default List<String> flags() {
      return List.of();
    }

    default long exitMillis() {
      return 0;
    }

    /** Completes once what the worker leaves at exit (its archive) is in place, so a stop that awaits it is final. */
    default CompletableFuture<Void> onExit(Process process) {
      return CompletableFuture.completedFuture(null);
    }
  }

  /** {@code classpath} must hold only files (jars): the JVM cannot archive a class path with folders. */
  Use use(Path java, TestProject project, List<Path> classpath) {
    if (classpath.stream().anyMatch(Files::isDirectory)) {
      return Use.NONE;
    }
    // JDK 25 and later: an AOT cache (JEP 483/514: classes loaded and linked, plus method profiles);
    // before that, a dynamic class-data archive
    boolean aot = featureVersion(java) >= 25;
    Path archive = project.root().resolve("target").resolve("lanes-cds")
        .resolve(key(java, classpath) + (aot ? ".aot" : ".jsa"));
    List<String> quiet = aot ? List.of("-Xlog:aot*=off:stderr", "-Xlog:cds*=off:stderr", "-Xlog:class+path*=off:stderr")
        : List.of("-Xlog:cds*=off:stderr", "-Xlog:class+path*=off:stderr");
    if (Files.isRegularFile(archive)) {
      return new Use() {
        @Override
        public List<String> flags() {
          return concat(aot ? List.of("-XX:AOTCache=" + archive) : List.of("-XX:SharedArchiveFile=" + archive,
              "-Xshare:auto"), quiet);
        }
      };
    }
    if (dumping.putIfAbsent(archive, Boolean.TRUE) != null) {
      return Use.NONE; // another worker is writing it
    }
    Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.createDirectories(archive.getParent());
    } catch (IOException e) {
      return Use.NONE;
    }
    return new Use() {
      @Override
      public List<String> flags() {
        return concat(List.of(aot ? "-XX:AOTCacheOutput=" + partial : "-XX:ArchiveClassesAtExit=" + partial), quiet);
      }

      @Override
      public long exitMillis() {
        return DUMP_EXIT_MILLIS;
      }

      @Override
      public CompletableFuture<Void> onExit(Process process) {
        return process.onExit().thenRun(() -> finish(process, partial, archive));
      }
    };
  }

  private void finish(Process process, Path partial, Path archive) {
    try {
      if (process.exitValue() == 0 && Files.size(partial) > 0) {
        try {
          Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        pruneOld(archive.getParent());
      }
    } catch (IOException e) {
      // no archive this time; a later run makes one
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        partial.toFile().deleteOnExit();
      }
      dumping.remove(archive);
    }
  }

  /** Archives of class paths and JDKs no longer used pile up as jars change: the newest few are kept. */
  private static void pruneOld(Path folder) {
    try (java.util.stream.Stream<Path> archives = Files.list(folder)) {
      List<Path> old = archives.filter(p -> p.getFileName().toString().matches(".*\\.(jsa|aot)"))
          .sorted(java.util.Comparator.comparing(ClassDataArchives::modified).reversed()).skip(KEEP).toList();
      for (Path archive : old) {
        Files.deleteIfExists(archive);
      }
    } catch (IOException e) {
      // kept for now; pruned next time
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The feature version of the JDK {@code java} belongs to, from its {@code release} file (0 if unknown). */
  static int featureVersion(Path java) {
    Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
    try (java.util.stream.Stream<String> lines = Files.lines(release)) {
      return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
          .map(line -> line.replaceAll("JAVA_VERSION=\"?(1\\.)?(\\d+).*", "$2")).map(Integer::parseInt).orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String key(Path java, List<Path> classpath) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, java.toRealPath().toString());
      update(digest, Files.getLastModifiedTime(java.toRealPath()).toString());
      for (Path entry : classpath) {
        update(digest, entry.toAbsolutePath().toString());
        update(digest, Files.size(entry) + "@" + Files.getLastModifiedTime(entry).toMillis());
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException | IOException e) {
      return "unkeyed-" + Integer.toHexString(classpath.hashCode());
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
