package dev.lanes.spi.protocol;

/**
 * Vitest's task ids, so shards and merged reports agree across machines: a file's id is the
 * 32-bit string hash of its root-relative path (for JVM pools, its class name) plus the project
 * name, rendered in decimal; children are {@code parentId_index}.
 */
public final class Ids {
  private Ids() {
  }

  public static String fileId(String relativePath, String projectName) {
    return String.valueOf((relativePath + (projectName == null ? "" : projectName)).hashCode());
  }

  public static String childId(String parentId, int index) {
    return parentId + "_" + index;
  }
}
