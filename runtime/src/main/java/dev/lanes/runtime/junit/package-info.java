/** Runs one test class through the JUnit Platform launcher and maps it to Lanes tasks. */
package dev.lanes.runtime.junit;
