/**
 * The vm pools: {@code vmThreads} and {@code vmForks}, Lanes' answer to Vitest's vm pools. Each
 * file runs in a fresh class loader for the project's class folders (main and test classes); its parent, the
 * worker's loader, holds the library jars (JUnit, the project's dependencies), loaded once and kept warm.
 *
 * <p>The trade-off, as Vitest documents for its own vm pools: statics of the project's classes are fresh in
 * every file, but state kept by libraries (a static cache in a dependency, a JDBC driver registered in
 * {@code DriverManager}, system properties) is shared by the files a worker runs. Workers are reused whatever
 * {@code isolate} says, and retired once the heap and Metaspace they report after a file pass {@code vmMemoryLimit}.
 */
package dev.lanes.pool.vm;
