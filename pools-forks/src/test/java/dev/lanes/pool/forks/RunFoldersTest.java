package dev.lanes.pool.forks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
  @TempDir
  Path temp;

  @Test
  void foldersOfRunsWhoseJvmIsGoneAreDeletedAndOthersKept() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path dead = Files.createDirectories(temp.resolve("lanes-channel-" + ended.pid() + "-123"));
    Files.writeString(dead.resolve("w"), "");
    Path live = Files.createDirectories(temp.resolve("lanes-channel-" + ProcessHandle.current().pid() + "-456"));
    Path parent = Files.createDirectories(temp.resolve("lanes-channel-" + ProcessHandle.current().parent()
        .orElseThrow().pid() + "-789"));
    Path other = Files.createDirectories(temp.resolve("lanes-channel-notapid"));
    Path otherPrefix = Files.createDirectories(temp.resolve("lanes-resources-" + ended.pid() + "-1"));

    RunFolders.deleteLeftOvers(temp, "lanes-channel-");

    assertThat(dead).doesNotExist();
    assertThat(live).exists();
    assertThat(parent).exists();
    assertThat(other).exists();
    assertThat(otherPrefix).exists();
  }

  @Test
  void aFolderIsPrivateAndNamedAfterThisJvm() throws Exception {
    Path folder = RunFolders.create("lanes-test-");
    try {
      assertThat(folder.getFileName().toString()).startsWith("lanes-test-" + ProcessHandle.current().pid() + "-");
      assertThat(Files.getPosixFilePermissions(folder)).extracting(Object::toString)
          .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
    } finally {
      RunFolders.deleteTree(folder);
    }
    assertThat(folder).doesNotExist();
  }
}
