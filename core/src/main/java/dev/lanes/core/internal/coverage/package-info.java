/** Code coverage: JaCoCo's analysis and reports of a run's execution data, and the thresholds. */
package dev.lanes.core.internal.coverage;
