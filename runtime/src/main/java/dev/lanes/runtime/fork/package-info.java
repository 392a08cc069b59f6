/** A forked worker's side: its main class, the framed channel to the host, the class-data archive's training run. */
package dev.lanes.runtime.fork;
