package dev.lanes.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TCP sockets that processes listen on, read from Linux's {@code /proc}: {@code /proc/net/tcp} and {@code tcp6}
 * give every listening socket with its address and inode, {@code /proc/<pid>/fd} which process holds which inode.
 * What a test sees here is what any other local user sees with {@code ss -ltnp}.
 */
final class ListeningSockets {
  /** One listening socket: who holds it, on which address and port. */
  record Listener(long pid, String command, String address, int port) {
    boolean loopbackOnly() {
      return address.equals("127.0.0.1") || address.equals("::1");
    }

    @Override
    public String toString() {
      return address + ":" + port + " held by " + pid + " (" + command + ")";
    }
  }

  private ListeningSockets() {
  }

  /** Whether this machine has the files this class reads. */
  static boolean available() {
    return Files.isReadable(Path.of("/proc/net/tcp"));
  }

  /** The listening TCP sockets that any of {@code pids} holds now. */
  static Set<Listener> of(Set<Long> pids) throws IOException {
    Map<Long, String[]> listening = new HashMap<>(); // inode -> address, port
    readTable(Path.of("/proc/net/tcp"), false, listening);
    readTable(Path.of("/proc/net/tcp6"), true, listening);
    Set<Listener> found = new LinkedHashSet<>();
    for (long pid : pids) {
      for (long inode : socketInodes(pid)) {
        String[] socket = listening.get(inode);
        if (socket != null) {
          found.add(new Listener(pid, BrowserIT.commandLine(ProcessHandle.of(pid).orElse(null)).strip(), socket[0],
              Integer.parseInt(socket[1])));
        }
      }
    }
    return found;
  }

  /**
   * The processes of a run: {@code root} and its descendants, every process whose command line names {@code marker}
   * (a browser that a reaper started with {@code setsid}, which is no descendant of the run's JVM) and its ancestors
   * up to the machine's init, and every process in the session of any of those but the session of {@code root}
   * itself (the test's own).
   */
  static Set<Long> processesOfRun(ProcessHandle root, String marker) {
    long ownSession = session(root.pid());
    Set<Long> pids = new HashSet<>();
    pids.add(root.pid());
    root.descendants().forEach(p -> pids.add(p.pid()));
    ProcessHandle.allProcesses().filter(p -> BrowserIT.commandLine(p).contains(marker)).forEach(p -> {
      for (ProcessHandle at = p; at != null && at.pid() > 1 && session(at.pid()) != ownSession;
           at = at.parent().orElse(null)) {
        pids.add(at.pid());
      }
    });
    Set<Long> sessions = pids.stream().map(ListeningSockets::session)
        .filter(s -> s > 0 && s != ownSession).collect(Collectors.toSet());
    ProcessHandle.allProcesses().filter(p -> sessions.contains(session(p.pid()))).forEach(p -> pids.add(p.pid()));
    return pids;
  }

  /** The session id of a process (field 6 of /proc/pid/stat), or -1 once it has ended. */
  static long session(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[3]); // state ppid pgrp session
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static Set<Long> socketInodes(long pid) {
    Set<Long> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
          }
        } catch (IOException ignored) {
          // closed meanwhile
        }
      }
    } catch (IOException ignored) {
      // the process ended meanwhile
    }
    return inodes;
  }

  /** Lines of {@code sl local_address rem_address st ... inode}: keeps those in state 0A, LISTEN. */
  private static void readTable(Path table, boolean v6, Map<Long, String[]> into) throws IOException {
    if (!Files.isReadable(table)) {
      return;
    }
    List<String> lines = Files.readAllLines(table);
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.trim().split("\\s+");
      if (!fields[3].equals("0A")) {
        continue;
      }
      String[] local = fields[1].split(":");
      into.put(Long.parseLong(fields[9]),
          new String[] {address(local[0], v6), String.valueOf(Integer.parseInt(local[1], 16))});
    }
  }

  /** The kernel's hex of an address, in host (little-endian) order per 32-bit word. */
  private static String address(String hex, boolean v6) {
    if (!v6) {
      return word(hex, 0).stream().map(String::valueOf).collect(Collectors.joining("."));
    }
    if (hex.equals("00000000000000000000000001000000")) {
      return "::1";
    }
    if (hex.equals("00000000000000000000000000000000")) {
      return "::";
    }
    if (hex.startsWith("0000000000000000FFFF0000")) { // ::ffff:a.b.c.d
      return word(hex, 24).stream().map(String::valueOf).collect(Collectors.joining("."));
    }
    return hex;
  }

  private static List<Integer> word(String hex, int at) {
    int[] bytes = new int[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = Integer.parseInt(hex.substring(at + 2 * i, at + 2 * i + 2), 16);
    }
    return List.of(bytes[3], bytes[2], bytes[1], bytes[0]);
  }
}
