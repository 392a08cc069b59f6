package dev.lanes.core.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSnapshotTest {
  @TempDir
  Path folder;

  @Test
  void theFirstScanGivesEveryFileWithItsClassName() throws Exception {
    write("shop/Money.class", "one");
    write("shop/data.json", "{}");
    FolderSnapshot snapshot = new FolderSnapshot(List.of(folder, folder.resolve("not-built-yet")));

    List<FolderSnapshot.Change> changes = snapshot.settle(snapshot.scan());

    assertThat(changes).extracting(FolderSnapshot.Change::className)
        .containsExactlyInAnyOrder(Optional.of("shop.Money"), Optional.empty());
    assertThat(snapshot.scan()).isEmpty();
  }

  @Test
  void aFileRewrittenWithTheSameBytesIsNoChange() throws Exception {
    Path money = write("shop/Money.class", "one");
    FolderSnapshot snapshot = new FolderSnapshot(List.of(folder));
    snapshot.settle(snapshot.scan());

    Files.writeString(money, "one");
    Files.setLastModifiedTime(money, FileTime.fromMillis(Files.getLastModifiedTime(money).toMillis() + 5_000));

    assertThat(snapshot.settle(snapshot.scan())).isEmpty();
  }

  @Test
  void aFileCaughtHalfWrittenThenWrittenAsItWasIsNoChange() throws Exception {
    Path money = write("shop/Money.class", "the whole class");
    FolderSnapshot snapshot = new FolderSnapshot(List.of(folder));
    snapshot.settle(snapshot.scan());
    List<FolderSnapshot.Change> seen = new ArrayList<>();

    Files.writeString(money, "the wh");
    seen.addAll(snapshot.scan());
    Files.writeString(money, "the whole class");
    Files.setLastModifiedTime(money, FileTime.fromMillis(Files.getLastModifiedTime(money).toMillis() + 5_000));
    seen.addAll(snapshot.scan());

    assertThat(seen).hasSize(2);
    assertThat(snapshot.settle(seen)).isEmpty();
  }

  @Test
  void changedAddedAndRemovedFilesAreReported() throws Exception {
    Path money = write("shop/Money.class", "one");
    Path cart = write("shop/Cart.class", "cart");
    FolderSnapshot snapshot = new FolderSnapshot(List.of(folder));
    snapshot.settle(snapshot.scan());

    Files.writeString(money, "two, longer");
    Files.delete(cart);
    write("shop/Names.class", "names");
    List<FolderSnapshot.Change> changes = snapshot.settle(snapshot.scan());

    assertThat(changes).extracting(c -> c.className().orElseThrow() + (c.removed() ? " removed" : ""))
        .containsExactlyInAnyOrder("shop.Money", "shop.Cart removed", "shop.Names");
  }

  @Test
  void aFolderRemovedByACleanAndBuiltAgainComesBackAsItsChangedFilesOnly() throws Exception {
    write("shop/Money.class", "one");
    write("shop/Cart.class", "cart");
    FolderSnapshot snapshot = new FolderSnapshot(List.of(folder));
    snapshot.settle(snapshot.scan());
    List<FolderSnapshot.Change> seen = new ArrayList<>();

    Files.delete(folder.resolve("shop/Money.class"));
    Files.delete(folder.resolve("shop/Cart.class"));
    Files.delete(folder.resolve("shop"));
    seen.addAll(snapshot.scan());
    write("shop/Money.class", "one");
    write("shop/Cart.class", "cart, changed");
    seen.addAll(snapshot.scan());

    assertThat(snapshot.settle(seen)).extracting(c -> c.className().orElseThrow()).containsExactly("shop.Cart");
  }

  private Path write(String relative, String content) throws Exception {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }
}
