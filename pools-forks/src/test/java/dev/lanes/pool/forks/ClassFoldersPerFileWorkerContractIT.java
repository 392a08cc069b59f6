package dev.lanes.pool.forks;

/** The vmForks worker: the same JVM for every file, the class folders loaded afresh for each. */
class ClassFoldersPerFileWorkerContractIT extends ForksPoolWorkerContractIT {
  @Override
  ClassFolders folders() {
    return ClassFolders.PER_FILE;
  }

  @Override
  protected String poolName() {
    return "vmForks";
  }

  @Override
  protected boolean isolatesEachFile() {
    return true;
  }
}
