package dev.lanes.core.internal.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Waits for the watched folders to change. The file system's notifications wake it at once; a scan every second
 * catches what they miss (a folder deleted and made again by a clean build). Once something changed it waits
 * for the folders to settle — no change for {@link #QUIET} — so a build that writes many class files gives one
 * rerun, not one per file.
 */
public final class FolderWatcher implements AutoCloseable {
  /** How long the folders must stay unchanged before a change counts. */
  static final Duration QUIET = Duration.ofMillis(200);
  private static final long RESCAN_MILLIS = 1_000;

  private final FolderSnapshot snapshot;
  private final WatchService service;
  private final Map<Path, WatchKey> registered = new HashMap<>();
  private long nextRescan = System.nanoTime() + RESCAN_MILLIS * 1_000_000;

  /** Watches the folders from the state {@code snapshot} settled on; {@link #await} reports what changes from there. */
  public FolderWatcher(FolderSnapshot snapshot) {
    this.snapshot = snapshot;
    try {
      this.service = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch the class folders", e);
    }
    register();
  }

  /**
   * Waits up to {@code timeout} for a change and for the folders to settle after it; returns the changed files,
   * each once with its latest state, or nothing when the time passed without a change.
   */
  public List<FolderSnapshot.Change> await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long now = System.nanoTime();
      long left = (deadline - now) / 1_000_000;
      long untilRescan = (nextRescan - now) / 1_000_000;
      if (left <= 0) {
        return List.of();
      }
      if (!wake(Math.min(left, Math.max(untilRescan, 0))) && untilRescan > left) {
        return List.of(); // the time is up before a rescan is due: a short wait costs no scan
      }
      nextRescan = System.nanoTime() + RESCAN_MILLIS * 1_000_000;
      List<FolderSnapshot.Change> changes = snapshot.scan();
      if (!changes.isEmpty()) {
        Map<Path, FolderSnapshot.Change> all = new LinkedHashMap<>();
        changes.forEach(change -> all.put(change.file(), change));
        do {
          register();
          Thread.sleep(QUIET.toMillis());
          drain();
          changes = snapshot.scan();
          changes.forEach(change -> all.put(change.file(), change));
        } while (!changes.isEmpty());
        List<FolderSnapshot.Change> real = snapshot.settle(all.values());
        if (!real.isEmpty()) {
          return real;
        }
        continue; // files rewritten as they were (a build that compiled everything again)
      }
      register();
    }
  }

  /** Sleeps until a notification or {@code millis}; whether a notification came. */
  private boolean wake(long millis) throws InterruptedException {
    try {
      WatchKey key = service.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (key != null) {
        key.pollEvents();
        key.reset();
        drain();
        return true;
      }
    } catch (ClosedWatchServiceException e) {
      Thread.sleep(millis);
    }
    return false;
  }

  private void drain() {
    try {
      WatchKey key;
      while ((key = service.poll()) != null) {
        key.pollEvents();
        key.reset();
      }
    } catch (ClosedWatchServiceException e) {
      // closing: nothing more to hear
    }
  }

  /** Watches every folder under the watched ones that is not watched yet, and forgets those that are gone. */
  private void register() {
    registered.values().removeIf(key -> !key.isValid());
    for (Path folder : snapshot.folders()) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path dir : walk.filter(Files::isDirectory).toList()) {
          if (!registered.containsKey(dir)) {
            registered.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
          }
        }
      } catch (IOException | UncheckedIOException | ClosedWatchServiceException e) {
        // the folder changed under the walk, or the watcher closed: the scans still see every change
      }
    }
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // nothing to release
    }
  }
}
