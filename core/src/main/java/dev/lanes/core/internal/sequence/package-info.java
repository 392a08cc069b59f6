/** Which files a run takes and in what order: shards, the sequencers, and the results cache they read. */
package dev.lanes.core.internal.sequence;
